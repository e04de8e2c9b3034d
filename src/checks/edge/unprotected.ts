import { directAnswer, edgeEnvironments } from '../../analysis/edge-environments.js';
import { EDGE_RANGES } from '../../analysis/edge-ranges.js';
import { servedContent } from '../../analysis/host-responses.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

const PROVIDERS = EDGE_RANGES.map((r) => r.provider).join(', ');

export default defineCheck({
  id: 'edge.unprotected',
  severity: 'medium',
  stage: 2,
  title: 'Public hosts sit behind a CDN/WAF',
  failureTitle: 'No CDN/WAF in front of a public host',
  description:
    `Looks for an edge proxy (${PROVIDERS}) in front of each host that serves content, by the headers its responses carry, the ` +
    'CNAME it points at and the published address ranges it resolves into. Fails when neither the host nor any other host of its ' +
    'environment is behind one (a host that bypasses an edge its environment uses is edge.origin-exposed).',
  impact:
    'Launch traffic, bots and any DDoS hit the origin server directly, with no cache to absorb spikes and no firewall to block abuse, so the shop goes down when it gets busy.',
  remediation:
    'Put the host behind a CDN/WAF (e.g. proxy its DNS record through Cloudflare, or create a CloudFront/Fastly distribution and CNAME ' +
    'the host to it), enable its managed WAF rules and rate limiting, and then allow only the edge\'s addresses at the origin.',
  reference: 'https://developer.mozilla.org/en-US/docs/Glossary/CDN',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    for (const env of edgeEnvironments(plan, hosts)) {
      if (env.hosts.some((h) => h.edge)) continue;
      for (const { host } of env.hosts) {
        if (!servedContent(host)) continue;
        drafts.push({
          target: host.host,
          evidence: `${directAnswer(host)}: no edge header, CNAME or address of ${PROVIDERS}; no other ${env.name} host is behind an edge either`,
        });
      }
    }
    return drafts;
  },
});
