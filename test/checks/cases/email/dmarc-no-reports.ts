import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withDmarc } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'rua present', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'no DMARC record at all is left to email.dmarc-missing', artifacts: await emailArtifacts(withDmarc()) },
  ],
  fail: [
    {
      name: 'no rua',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject')),
      expect: [{ target: 'acme.test', severity: 'low', evidence: '_dmarc.acme.test: "v=DMARC1; p=reject" has no rua=' }],
    },
  ],
});
