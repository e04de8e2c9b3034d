import { auditedChains, kindOf } from '../../analysis/audited-chains.js';
import { hostnameOf } from '../../analysis/http-exchange.js';
import { isHttpsUpgrade, redirectHops, type RedirectHop } from '../../analysis/redirect-chain.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

const TEMPORARY = new Set([302, 303, 307]);

/** What the hop is for, when it is one that should be permanent. */
function permanentPurpose(hop: RedirectHop, domain: string): string | undefined {
  if (isHttpsUpgrade(hop)) return 'the http -> https upgrade';
  const pair = [hostnameOf(hop.from), hostnameOf(hop.to)].sort().join(' ');
  if (pair === [domain, `www.${domain}`].sort().join(' ')) return 'the apex/www canonical redirect';
  return undefined;
}

export default defineCheck({
  id: 'redirect.temporary',
  severity: 'low',
  stage: 2,
  title: 'Permanent redirects use permanent status codes',
  failureTitle: 'A permanent redirect uses a temporary status',
  description:
    'Reports a 302, 303 or 307 used for the http -> https upgrade of a host or for the redirect between the apex and www: both are ' +
    'permanent decisions and should be 301 or 308 (RFC 9110 §15.4).',
  impact:
    'Search engines keep indexing the non-canonical URL and split its ranking, and browsers re-request the redirect on every visit instead of caching it.',
  remediation:
    'Return 301 (or 308, which also keeps the method) for the https upgrade and the canonical host redirect, e.g. nginx `return 301 ...` ' +
    'instead of `return 302 ...`, or the CDN redirect rule\'s "permanent" option.',
  reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const entry of auditedChains(plan, hosts, routes)) {
      for (const hop of redirectHops(entry.chain)) {
        if (!TEMPORARY.has(hop.status)) continue;
        const purpose = permanentPurpose(hop, plan.domain);
        const key = `${hop.from} ${hop.to}`;
        if (!purpose || seen.has(key)) continue;
        seen.add(key);
        drafts.push({ target: entry.target, evidence: `${hop.from} -> ${hop.status} -> ${hop.to} is ${purpose}`, ...kindOf(entry) });
      }
    }
    return drafts;
  },
});
