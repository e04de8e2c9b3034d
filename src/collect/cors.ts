import type { CorsProbe } from '../core/artifacts.js';
import type { CollectContext } from './context.js';

/** A reserved name (RFC 6761), so the probe origin can never be a real site. */
export const FOREIGN_ORIGIN = 'https://launch-ready-probe.example';
const API_KINDS = new Set(['api', 'chat', 'webhook', 'checkout', 'login']);

/**
 * Asks each API-like route whether a foreign origin may read it with credentials: a preflight for
 * non-GET routes (so no order or chat message is ever sent), a GET with Origin otherwise.
 */
export async function collectCors(ctx: CollectContext): Promise<CorsProbe[]> {
  const routes = ctx.plan.routes.filter((r) => API_KINDS.has(r.kind));
  const urls = new Map<string, string>();
  for (const r of routes) urls.set(r.url, r.method);
  const api = ctx.plan.hosts.find((h) => h.name === `api.${ctx.plan.domain}`);
  if (api && ![...urls.keys()].some((u) => new URL(u).hostname === api.name)) urls.set(`https://${api.name}/`, 'GET');
  return Promise.all(
    [...urls].map(([url, method]) =>
      ctx.limit(async () => {
        ctx.progress.step(url, 'cors');
        const exchange =
          method === 'GET'
            ? await ctx.http.request(url, { headers: { origin: FOREIGN_ORIGIN } })
            : await ctx.http.request(url, {
                method: 'OPTIONS',
                headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
              });
        return { url, origin: FOREIGN_ORIGIN, exchange };
      }),
    ),
  );
}
