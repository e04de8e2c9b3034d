import { auditedChains, kindOf, type AuditedChain } from '../../analysis/audited-chains.js';
import { finalResponse } from '../../analysis/http-exchange.js';
import { describeChain, isHttpsUpgrade, redirectHops } from '../../analysis/redirect-chain.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

/** Redirects that cost a round trip; a first same-host http -> https upgrade is required (hstspreload.org), so it is free. */
function countedHops(entry: AuditedChain): { count: number; upgradeFirst: boolean } {
  const hops = redirectHops(entry.chain);
  const upgradeFirst = hops.length > 0 && isHttpsUpgrade(hops[0]);
  return { count: hops.length - (upgradeFirst ? 1 : 0), upgradeFirst };
}

export default defineCheck({
  id: 'redirect.chain',
  severity: 'low',
  stage: 2,
  title: 'Every URL reaches its destination in one redirect',
  failureTitle: 'A redirect chain',
  description:
    'Counts the redirects each host and declared route goes through before its final response. More than one fails, except that ' +
    'a first redirect from http to https on the same host is not counted: HSTS preloading requires exactly that hop before any other ' +
    '(http://example.com -> https://example.com -> https://www.example.com/ passes). One finding per target, for its longest chain.',
  impact: 'Each extra hop adds a full round trip (often 100-300 ms on mobile) before the first byte of the page, and search engines may stop following long chains.',
  remediation:
    'Point each redirect straight at the final URL: e.g. redirect https://example.com/ directly to https://www.example.com/home, and ' +
    'make the app link to the canonical host and path so no internal redirect is needed.',
  reference: 'https://developers.google.com/search/docs/crawling-indexing/301-redirects',
  requires: ['hosts', 'routes'],
  run({ plan, hosts, routes }) {
    const worst = new Map<string, { entry: AuditedChain; count: number; upgradeFirst: boolean }>();
    for (const entry of auditedChains(plan, hosts, routes)) {
      if (entry.chain.outcome !== 'ok' || !finalResponse(entry.chain)) continue;
      const counted = countedHops(entry);
      if (counted.count > 1 && counted.count > (worst.get(entry.target)?.count ?? 0)) worst.set(entry.target, { entry, ...counted });
    }
    const drafts: FindingDraft[] = [];
    for (const { entry, count, upgradeFirst } of worst.values()) {
      const final = finalResponse(entry.chain)?.url;
      const note = upgradeFirst ? ' (not counting the first http -> https upgrade)' : '';
      drafts.push({ target: entry.target, evidence: `${count} redirects before ${final}${note}: ${describeChain(entry.chain)}`, ...kindOf(entry) });
    }
    return drafts;
  },
});
