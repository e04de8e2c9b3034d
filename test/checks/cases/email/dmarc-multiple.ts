import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withDmarc } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'one record', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'one DMARC record beside an unrelated TXT record', artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; rua=mailto:d@acme.test', 'some-verification=1')) },
  ],
  fail: [
    {
      name: 'two records',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=none', 'v=DMARC1; p=reject; rua=mailto:d@acme.test')),
      expect: [{ target: 'acme.test', severity: 'high', evidence: '_dmarc.acme.test has 2 DMARC records' }],
    },
  ],
});
