import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'tls.expired',
  severity: 'critical',
  stage: 2,
  title: 'Every certificate is within its validity period',
  failureTitle: 'A certificate has expired',
  description:
    'Reads the certificate each host presents on port 443 and compares its notAfter date with the time of the audit. ' +
    'Hosts whose TLS handshake failed are left to route.unreachable.',
  impact: 'Every browser blocks the site with a full-page security warning, so no visitor reaches the shop or the checkout.',
  remediation:
    'Renew the certificate now and install it on every server or edge that answers for the host; then automate renewal ' +
    '(ACME/Let\'s Encrypt, or the CDN\'s managed certificates) so it renews 30 days before expiry.',
  reference: 'https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    const now = Date.parse(plan.now);
    for (const host of hosts) {
      const leaf = host.tls?.ok ? host.tls.chain[0] : undefined;
      if (!leaf || Date.parse(leaf.validTo) >= now) continue;
      const days = Math.floor((now - Date.parse(leaf.validTo)) / 86_400_000);
      drafts.push({
        target: host.host,
        evidence: `certificate ${leaf.subject} (issuer ${leaf.issuer}, serial ${leaf.serialNumber}) expired on ${leaf.validTo}, ${days} day(s) before the audit (${plan.now})`,
      });
    }
    return drafts;
  },
});
