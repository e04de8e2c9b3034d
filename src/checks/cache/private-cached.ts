import { publiclyCacheable } from '../../analysis/cache-control.js';
import { parseSetCookie } from '../../analysis/cookies.js';
import { finalResponse, headerValues } from '../../analysis/http-exchange.js';
import type { HttpExchange } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';
import type { RouteKind } from '../../core/finding.js';

/** Route kinds whose answers belong to one visitor. */
const PER_USER: ReadonlySet<RouteKind> = new Set(['login', 'chat', 'api', 'checkout']);

export default defineCheck({
  id: 'cache.private-cached',
  severity: 'high',
  stage: 4,
  title: 'Per-user responses are not publicly cacheable',
  failureTitle: 'A per-user response may be stored by a shared cache',
  description:
    'Finds responses that belong to one visitor: any response that sets a cookie, and the answers of login, chat, api and checkout ' +
    'routes. Each must not be storable by a shared cache (CDN, proxy) under RFC 9111: it fails when Cache-Control says `public`, ' +
    '`s-maxage` > 0 or `max-age` > 0 without `private` or `no-store`, when a future `Expires` stands in for max-age, or when ' +
    'CDN-Cache-Control (RFC 9213) lets the CDN keep it. One finding per URL.',
  impact:
    'A CDN can serve one customer\'s page, cart, chat answer or session cookie to the next visitor: a data leak and an account takeover.',
  remediation:
    'Send `Cache-Control: private, no-store` on every response that sets a cookie or depends on who is asking, and exclude these ' +
    'paths from CDN cache rules; cache only anonymous, identical-for-everyone responses.',
  reference: 'https://www.rfc-editor.org/rfc/rfc9111#section-5.2.2.7',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    const flagged = new Map<string, FindingDraft>();
    const judge = (ex: HttpExchange, why: string, routeKind?: RouteKind) => {
      const cacheable = ex.status !== undefined && !flagged.has(ex.url) ? publiclyCacheable(ex, plan.now) : undefined;
      if (!cacheable) return;
      flagged.set(ex.url, { target: ex.url, evidence: `${ex.url} -> ${ex.status} ${why} with ${cacheable}`, ...(routeKind ? { routeKind } : {}) });
    };
    const cookieNames = (ex: HttpExchange) => headerValues(ex, 'set-cookie').flatMap((h) => parseSetCookie(h)?.name ?? []);
    const judgeCookies = (ex: HttpExchange, routeKind?: RouteKind) => {
      const names = cookieNames(ex);
      if (names.length > 0) judge(ex, `sets cookie ${names.map((n) => `"${n}"`).join(', ')}`, routeKind);
    };
    for (const r of routes) {
      const spec = plan.routes.find((s) => s.name === r.name);
      const final = finalResponse(r.chain);
      if (spec && final && PER_USER.has(spec.kind)) judge(final, `answers the ${spec.kind} route "${spec.name}"`, spec.kind);
      for (const ex of r.chain.exchanges) judgeCookies(ex, spec?.kind);
    }
    for (const h of hosts) for (const ex of [...(h.https?.exchanges ?? []), ...(h.http?.exchanges ?? [])]) judgeCookies(ex);
    return [...flagged.values()];
  },
});
