import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withDmarc } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a valid record', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'tags retired by RFC 9989 are not errors', artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; rf=afrf; ri=86400; rua=mailto:d@acme.test')) },
    { name: 'RFC 9989 tags are known', artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; np=reject; psd=n; t=n; rua=mailto:d@acme.test')) },
  ],
  fail: [
    {
      name: 'a misspelt policy with no rua: the record is ignored',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=rejet')),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'p=rejet is not a policy (none, quarantine or reject); did you mean p=reject?' }],
    },
    {
      name: 'a bad report URI next to a valid policy (medium)',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; rua=dmarc@acme.test')),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'rua: "dmarc@acme.test" is not a URI' }],
    },
    {
      name: 'an unknown tag (low)',
      artifacts: await emailArtifacts(withDmarc('v=DMARC1; p=reject; rua=mailto:d@acme.test; ruaa=mailto:x@acme.test')),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'unknown tag "ruaa" is ignored by receivers; did you mean "rua"?' }],
    },
  ],
});
