import type { HealthProbe } from '../core/artifacts.js';
import type { CollectContext } from './context.js';

/** Paths tried on the API and canonical hosts when the config names no health endpoint. */
export const HEALTH_PATHS = ['/api/health', '/health', '/healthz', '/api/healthz', '/_health', '/status'];

export async function collectHealth(ctx: CollectContext): Promise<HealthProbe[]> {
  const probe = (url: string) =>
    ctx.limit(async () => {
      ctx.progress.step(url, 'health');
      return { url, exchange: await ctx.http.request(url, { headers: { accept: 'application/json' } }) };
    });
  if (ctx.plan.healthUrls.length > 0) return Promise.all(ctx.plan.healthUrls.map(probe));
  const hosts = [...new Set([`api.${ctx.plan.domain}`, new URL(ctx.plan.canonicalUrl).hostname])].filter((h) =>
    ctx.plan.hosts.some((p) => p.name === h),
  );
  for (const host of hosts) {
    for (const path of HEALTH_PATHS) {
      const found = await probe(`https://${host}${path}`);
      if (found.exchange.status !== undefined && found.exchange.status < 300 && !/<html/i.test(found.exchange.body)) return [found];
    }
  }
  return [];
}
