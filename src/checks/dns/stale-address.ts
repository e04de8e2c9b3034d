import { deploymentLabel } from '../../analysis/deployment-label.js';
import type { VersionProbe } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'dns.stale-address',
  severity: 'high',
  stage: 1,
  title: 'All addresses of a host serve the same deployment',
  failureTitle: 'One address of a host serves a different deployment',
  description:
    'Asks the version endpoint on every address a host resolves to, pinning the connection to each. When the addresses report ' +
    'different versions or commits, a stale server (an old origin, a forgotten A record, a node that missed the deploy) is still in the rotation.',
  impact: 'A share of customers gets the old release at random, with bugs you already fixed, and the failures cannot be reproduced on demand.',
  remediation:
    'Remove the stale address from the DNS record (or the load balancer pool) or redeploy it, then confirm every address reports the ' +
    'same version with `curl --connect-to HOST:443:ADDRESS:443 https://HOST/VERSION-PATH`.',
  reference: 'https://www.cloudflare.com/learning/dns/glossary/round-robin-dns/',
  requires: ['versions'],
  run({ versions }) {
    const byHost = new Map<string, VersionProbe[]>();
    for (const p of versions) byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
    const drafts: FindingDraft[] = [];
    for (const [host, probes] of byHost) {
      const labelled = probes.flatMap((p) => {
        const label = deploymentLabel(p);
        return label ? [{ address: p.address, label }] : [];
      });
      if (new Set(labelled.map((l) => l.label)).size < 2) continue;
      drafts.push({ target: host, evidence: labelled.map((l) => `${l.address} -> ${l.label}`).join('; ') });
    }
    return drafts;
  },
});
