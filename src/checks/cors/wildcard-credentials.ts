import { headerValue } from '../../analysis/http-exchange.js';
import { routeKindAt } from '../../analysis/route-kind.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'cors.wildcard-credentials',
  severity: 'high',
  stage: 2,
  title: 'APIs do not share credentialed responses with any origin',
  failureTitle: 'An API lets any website read it with the visitor\'s cookies',
  description:
    'Sends the API-like routes a request (or a preflight, for non-GET routes) from a foreign Origin. It fails when the answer ' +
    'allows credentials (`Access-Control-Allow-Credentials: true`) and allows that origin: by echoing it back, or by allowing `null` ' +
    '(which any sandboxed iframe can send). `*` with credentials is reported as medium: browsers refuse that combination, but it shows ' +
    'the server means to share with everyone and is one config change from echoing origins.',
  impact:
    'Any website a logged-in customer visits can call your API as them and read the answer: orders, addresses, chat history, account data.',
  remediation:
    'Check the Origin against an explicit allow-list of your own front-end origins before echoing it, never allow `null`, and send ' +
    '`Access-Control-Allow-Credentials: true` only for those origins (add `Vary: Origin`).',
  reference: 'https://portswigger.net/web-security/cors',
  requires: ['cors'],
  run({ plan, cors }) {
    const drafts: FindingDraft[] = [];
    for (const probe of cors) {
      const ex = probe.exchange;
      const allowOrigin = headerValue(ex, 'access-control-allow-origin')?.trim();
      const credentials = headerValue(ex, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
      if (!allowOrigin || !credentials) continue;
      const seen = `${ex.method} with Origin: ${probe.origin} -> ${ex.status ?? ex.error?.code}, Access-Control-Allow-Origin: ${allowOrigin}, Access-Control-Allow-Credentials: true`;
      const kind = routeKindAt(plan, probe.url);
      if (allowOrigin.toLowerCase() === probe.origin.toLowerCase()) {
        drafts.push({ target: probe.url, evidence: `${seen} (the foreign origin is echoed back)`, ...kind });
      } else if (allowOrigin === 'null') {
        drafts.push({ target: probe.url, evidence: `${seen} (the null origin, which sandboxed iframes send, is trusted)`, ...kind });
      } else if (allowOrigin === '*') {
        drafts.push({
          target: probe.url,
          severity: 'medium',
          evidence: `${seen} (browsers reject * with credentials, but the server intends to share credentialed responses with everyone)`,
          ...kind,
        });
      }
    }
    return drafts;
  },
});
