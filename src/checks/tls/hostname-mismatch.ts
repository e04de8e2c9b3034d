import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'tls.hostname-mismatch',
  severity: 'high',
  stage: 2,
  title: 'Every certificate covers the name it is served for',
  failureTitle: 'A certificate does not cover its host name',
  description:
    'Checks that the certificate each host presents (with the host name sent as SNI) lists that name, or a matching wildcard, ' +
    'among its subject alternative names, as browsers require.',
  impact: 'Browsers show a "your connection is not private" warning on that host, and most visitors leave instead of clicking through.',
  remediation:
    'Issue a certificate whose subjectAltName includes this exact host name (or a wildcard one level up) and deploy it on every ' +
    'server or edge that answers for it; with a CDN, add the host to the edge certificate.',
  reference: 'https://www.rfc-editor.org/rfc/rfc9525#section-6',
  requires: ['hosts'],
  run({ hosts }) {
    const drafts: FindingDraft[] = [];
    for (const host of hosts) {
      const tls = host.tls;
      if (!tls?.ok || tls.hostnameMatches) continue;
      const leaf = tls.chain[0];
      const names = leaf ? leaf.subjectAltNames.join(', ') || 'no subjectAltName' : 'no certificate';
      drafts.push({
        target: host.host,
        evidence: `${host.host}:${tls.port} presents ${leaf?.subject ?? 'no certificate'} (issuer ${leaf?.issuer ?? 'unknown'}) naming ${names}, which does not cover ${host.host}`,
      });
    }
    return drafts;
  },
});
