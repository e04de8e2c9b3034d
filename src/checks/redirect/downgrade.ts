import { auditedChains, kindOf } from '../../analysis/audited-chains.js';
import { describeChain, isHttps, redirectHops } from '../../analysis/redirect-chain.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'redirect.downgrade',
  severity: 'high',
  stage: 2,
  title: 'No redirect leaves https',
  failureTitle: 'A redirect downgrades https to http',
  description:
    'Follows the redirects of every host and declared route and reports any hop from an https URL to an http one. Each such hop is ' +
    'reported once, however many chains pass through it.',
  impact:
    'Visitors who started on a secure page are sent over plain http, where their session cookie and form data can be read or altered in transit.',
  remediation:
    'Make the redirect target https (fix the Location the app or proxy builds: behind a TLS-terminating proxy, trust X-Forwarded-Proto ' +
    'or configure the public base URL), then add HSTS so browsers never follow such a hop.',
  reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const entry of auditedChains(plan, hosts, routes)) {
      for (const hop of redirectHops(entry.chain)) {
        if (!isHttps(hop.from) || isHttps(hop.to)) continue;
        const key = `${hop.from} ${hop.to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        drafts.push({
          target: entry.target,
          evidence: `${hop.from} -> ${hop.status} -> ${hop.to} (chain: ${describeChain(entry.chain)})`,
          ...kindOf(entry),
        });
      }
    }
    return drafts;
  },
});
