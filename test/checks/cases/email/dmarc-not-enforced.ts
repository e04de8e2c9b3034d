import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withDmarc } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'p=reject', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'p=quarantine with sp=reject', artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=quarantine; sp=reject; rua=mailto:d@acme.test')) },
  ],
  fail: [
    {
      name: 'p=none',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=none; rua=mailto:d@acme.test')),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'the policy that applies to acme.test is none' }],
    },
    {
      name: 'sp=none while p enforces',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; sp=none; rua=mailto:d@acme.test')),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'sp=none' }],
    },
    {
      name: 'a subdomain inherits sp=none from its organisational domain',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; sp=none; rua=mailto:d@acme.test'), {}, 'news.acme.test'),
      expect: [{ target: 'news.acme.test', severity: 'medium', evidence: 'inherited by news.acme.test from its organisational domain' }],
    },
    {
      name: 'pct below 100 (RFC 7489 receivers; retired by RFC 9989)',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=quarantine; pct=20; rua=mailto:d@acme.test')),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'pct=20: RFC 7489 receivers apply the policy to only 20% of failing mail' }],
    },
  ],
});
