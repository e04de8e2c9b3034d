import { finalResponse, isSuccess } from '../../analysis/http-exchange.js';
import { describeChain, isHttps, redirectHops } from '../../analysis/redirect-chain.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'https.not-enforced',
  severity: 'high',
  stage: 2,
  title: 'Plain http redirects to https',
  failureTitle: 'Plain http is served instead of redirected to https',
  description:
    'Requests http://HOST/ for every host and follows its redirects: the chain must end on an https URL. A page served over ' +
    'plain http (a 2xx at an http URL, even after a detour through https), or redirects that never leave http, fail. A host ' +
    'that does not answer on port 80 passes.',
  impact:
    'Visitors who type the bare domain or follow an old http link browse and log in unencrypted, where anyone on the same Wi-Fi can read or alter the page.',
  remediation:
    'Answer every http request with a 301 (or 308) to the same URL on https, on the same host first (RFC 6797 §7.2), e.g. nginx ' +
    '`return 301 https://$host$request_uri;` or the CDN\'s "Always use HTTPS" setting; then send HSTS.',
  reference: 'https://www.rfc-editor.org/rfc/rfc6797#section-7.2',
  requires: ['hosts'],
  run({ hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const chain = host.http;
      const final = finalResponse(chain);
      if (!chain || !final || isHttps(final.url)) continue;
      if (isSuccess(final)) {
        drafts.push({ target: host.host, evidence: `${describeChain(chain)}: content served over plain http` });
      } else if (chain.outcome === 'ok' && redirectHops(chain).length > 0 && !chain.exchanges.some((ex) => isHttps(ex.url))) {
        drafts.push({ target: host.host, evidence: `${describeChain(chain)}: the redirects never reach https` });
      }
    }
    return drafts;
  },
});
