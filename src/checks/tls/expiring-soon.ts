import { defineCheck, type FindingDraft } from '../../core/check.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'tls.expiring-soon',
  severity: 'medium',
  stage: 2,
  title: 'Every certificate is valid for at least 30 more days',
  failureTitle: 'A certificate expires soon',
  description:
    'Reads the certificate each host presents and reports one that expires within 30 days of the audit (high within 14 days). ' +
    'A certificate that has already expired is reported by tls.expired instead.',
  impact: 'When it lapses every browser blocks the site with a security warning, typically at the worst moment of a launch or campaign.',
  remediation:
    'Renew the certificate and check that automated renewal actually runs (ACME client timer, CDN managed certificate status); ' +
    'alert on certificates with fewer than 21 days left.',
  reference: 'https://www.rfc-editor.org/rfc/rfc8555',
  requires: ['hosts'],
  run({ plan, hosts }) {
    const drafts: FindingDraft[] = [];
    const now = Date.parse(plan.now);
    for (const host of hosts) {
      const leaf = host.tls?.ok ? host.tls.chain[0] : undefined;
      if (!leaf) continue;
      const left = Date.parse(leaf.validTo) - now;
      if (left < 0 || left >= 30 * DAY) continue;
      drafts.push({
        target: host.host,
        severity: left < 14 * DAY ? 'high' : 'medium',
        evidence: `certificate ${leaf.subject} (issuer ${leaf.issuer}) expires on ${leaf.validTo}, in ${Math.floor(left / DAY)} day(s)`,
      });
    }
    return drafts;
  },
});
