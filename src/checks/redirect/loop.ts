import { auditedChains, kindOf } from '../../analysis/audited-chains.js';
import { describeChain, redirectHops } from '../../analysis/redirect-chain.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'redirect.loop',
  severity: 'critical',
  stage: 2,
  title: 'No redirect loops',
  failureTitle: 'A redirect loop',
  description:
    'Follows the redirects of every host (http:// and https://) and every declared route, and reports a chain that comes back to a ' +
    'URL it already visited, or that is still redirecting after the redirect cap. One loop reached from several start URLs is reported once.',
  impact: 'Browsers give up with "too many redirects", so nobody can load the page: for a checkout or login route, that is lost sales.',
  remediation:
    'Follow the evidence chain hop by hop and remove one side of the cycle; usual causes are an app forcing https behind a proxy that ' +
    'talks http to it (trust X-Forwarded-Proto, or use the CDN\'s "Full (strict)" TLS mode), or apex and www each redirecting to the other.',
  reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Redirections',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const entry of auditedChains(plan, hosts, routes)) {
      const { chain } = entry;
      if (chain.outcome !== 'loop' && chain.outcome !== 'too-many-redirects') continue;
      // A loop is identified by its cycle: the URLs from the one revisited to the end.
      const hops = redirectHops(chain);
      const revisited = hops.at(-1)?.to;
      const start = chain.outcome === 'loop' ? hops.findIndex((h) => h.from === revisited) : 0;
      const key = chain.outcome === 'loop' ? hops.slice(Math.max(start, 0)).map((h) => h.from).sort().join(' ') : chain.startUrl;
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push({ target: entry.target, evidence: describeChain(chain), ...kindOf(entry) });
    }
    return drafts;
  },
});
