import { directAnswer, edgeEnvironments } from '../../analysis/edge-environments.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'edge.origin-exposed',
  severity: 'high',
  stage: 2,
  title: 'Every host of an environment goes through its edge',
  failureTitle: 'A host bypasses the CDN/WAF the others use',
  description:
    'Within each environment, compares the edge provider detected for each host that answers (by headers, CNAME and published ' +
    'address ranges): a host with no edge while others of the same environment are behind one reaches the origin directly.',
  impact:
    'The unproxied host reveals where the origin is, so attackers can hit it directly and bypass the firewall, rate limits and DDoS protection the other hosts rely on.',
  remediation:
    'Route this host through the same edge as the others (proxy its DNS record or CNAME it to the distribution); then firewall the ' +
    'origin to accept only the edge provider\'s published addresses, and consider moving the origin to a new address the DNS has never shown.',
  reference: 'https://developers.cloudflare.com/fundamentals/security/protect-your-origin-server/',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    for (const env of edgeEnvironments(plan, hosts)) {
      const behind = env.hosts.filter((h) => h.edge);
      if (behind.length === 0) continue;
      const others = behind.map(({ host, edge }) => `${host.host} (${edge?.provider}: ${edge?.evidence})`).join(', ');
      for (const { host, edge } of env.hosts) {
        if (edge) continue;
        drafts.push({ target: host.host, evidence: `${directAnswer(host)} with no edge, while ${env.name} hosts ${others} are behind one` });
      }
    }
    return drafts;
  },
});
