import { isDeletion, isSessionCookie, missingProtections, parseSetCookie, type SetCookie } from '../../analysis/cookies.js';
import { headerValues, hostnameOf } from '../../analysis/http-exchange.js';
import type { HttpExchange } from '../../core/artifacts.js';
import { redact } from '../../secrets/redact.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';
import type { RouteKind } from '../../core/finding.js';

interface SeenCookie {
  cookie: SetCookie;
  url: string;
  routeKind?: RouteKind;
}

export default defineCheck({
  id: 'cookie.insecure',
  severity: 'high',
  stage: 2,
  title: 'Session cookies are Secure, HttpOnly and SameSite',
  failureTitle: 'A session cookie lacks Secure, HttpOnly or SameSite',
  description:
    'Reads every Set-Cookie on the hosts\' and routes\' responses (redirects included). A session-looking cookie (a name like session, ' +
    'sid, auth, token, jwt, remember, or any cookie a login route sets) must carry Secure, HttpOnly and SameSite: high when any is ' +
    'missing. Other cookies (preferences, analytics) may be read by scripts, so only a missing Secure is reported, as low. Cookies ' +
    'being cleared (empty value, Max-Age=0, past Expires) are ignored. Values are never printed in full.',
  impact:
    'A session cookie without these flags can be stolen by an injected script, sent over plain HTTP on public Wi-Fi, or ridden by ' +
    'another site, letting an attacker act as your logged-in customer.',
  remediation:
    'Set session cookies with `Secure; HttpOnly; SameSite=Lax` (Strict for admin), e.g. in Express `cookie: { secure: true, httpOnly: ' +
    'true, sameSite: "lax" }`; prefer the `__Host-` name prefix so browsers enforce Secure and Path=/.',
  reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    const seen = new Map<string, SeenCookie>();
    const read = (ex: HttpExchange, routeKind?: RouteKind) => {
      for (const header of headerValues(ex, 'set-cookie')) {
        const cookie = parseSetCookie(header);
        const key = `${hostnameOf(ex.url)} ${cookie?.name}`;
        if (cookie && !isDeletion(cookie, plan.now) && !seen.has(key)) seen.set(key, { cookie, url: ex.url, ...(routeKind ? { routeKind } : {}) });
      }
    };
    // Routes first, so a cookie is reported against the route (and its business weight) that sets it.
    for (const r of routes) {
      const kind = plan.routes.find((s) => s.name === r.name)?.kind;
      for (const ex of r.chain.exchanges) read(ex, kind);
    }
    for (const h of hosts) for (const ex of [...(h.https?.exchanges ?? []), ...(h.http?.exchanges ?? [])]) read(ex);

    const drafts: FindingDraft[] = [];
    for (const { cookie, url, routeKind } of seen.values()) {
      const session = isSessionCookie(cookie.name, routeKind === 'login');
      const missing = session ? missingProtections(cookie) : cookie.secure ? [] : ['Secure'];
      if (missing.length === 0) continue;
      const evidence = `cookie "${cookie.name}" (value ${redact(cookie.value)}) set by ${url} lacks ${missing.join(', ')}`;
      drafts.push({
        target: url,
        evidence,
        ...(session ? {} : { severity: 'low' as const, title: 'A cookie is set without Secure' }),
        ...(routeKind ? { routeKind } : {}),
      });
    }
    return drafts;
  },
});
