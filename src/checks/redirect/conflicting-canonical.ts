import { finalResponse, hostnameOf, isSuccess } from '../../analysis/http-exchange.js';
import { describeChain, redirectHops } from '../../analysis/redirect-chain.js';
import type { HostArtifact, RedirectChain } from '../../core/artifacts.js';
import { defineCheck } from '../../core/check.js';

interface Visit {
  chain: RedirectChain;
  /** The first other host the visit is redirected to, if any. */
  sendsTo?: string;
  /** The host answers with its own 2xx content. */
  serves: boolean;
}

/** What a visitor of the host gets: its https chain when that answered, else its http chain. */
function visitOf(host: HostArtifact): Visit | undefined {
  for (const chain of [host.https, host.http]) {
    const final = finalResponse(chain);
    if (!chain || !final) continue;
    const sendsTo = redirectHops(chain)
      .map((hop) => hostnameOf(hop.to))
      .find((name) => name !== host.host);
    return { chain, ...(sendsTo ? { sendsTo } : {}), serves: !sendsTo && isSuccess(final) };
  }
  return undefined;
}

export default defineCheck({
  id: 'redirect.conflicting-canonical',
  severity: 'medium',
  stage: 2,
  title: 'The apex and www agree on one canonical host',
  failureTitle: 'The apex and www disagree on the canonical host',
  description:
    'Compares what the apex (the configured domain) and its www host do: one must redirect to the other. It fails when each ' +
    'redirects to the other, or when both serve the site themselves so neither is canonical. The configured canonical URL says which should win.',
  impact:
    'Two copies of the shop split search ranking, cookies and analytics between hosts (a visitor logged in on one is logged out on the other), or, when they redirect to each other, nobody can load it.',
  remediation:
    'Pick the canonical host (the config\'s canonicalUrl), serve the site only there, and 301 the other host to it, keeping the path; ' +
    'remove any rule on the canonical host that redirects back.',
  reference: 'https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const apex = hosts.find((h) => h.host === plan.domain);
    const www = hosts.find((h) => h.host === `www.${plan.domain}`);
    const apexVisit = apex && visitOf(apex);
    const wwwVisit = www && visitOf(www);
    if (!apex || !www || !apexVisit || !wwwVisit) return [];
    const canonical = hostnameOf(plan.canonicalUrl);
    // The host that should redirect: the one the canonical URL does not name (the apex when it names neither).
    const target = canonical === apex.host ? www.host : apex.host;
    const chains = `${describeChain(apexVisit.chain)}; ${describeChain(wwwVisit.chain)}`;
    if (apexVisit.sendsTo === www.host && wwwVisit.sendsTo === apex.host) {
      return [{ target, evidence: `${apex.host} and ${www.host} redirect to each other: ${chains}; the canonical URL is ${plan.canonicalUrl}` }];
    }
    if (apexVisit.serves && wwwVisit.serves) {
      return [{ target, evidence: `both hosts serve the site, neither redirects: ${chains}; the canonical URL is ${plan.canonicalUrl}, so ${target} should 301 to it` }];
    }
    return [];
  },
});
