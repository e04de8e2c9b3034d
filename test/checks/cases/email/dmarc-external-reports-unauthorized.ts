import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withDmarc } from '../../../email/zones.js';

const external = withDmarc('v=DMARC1; p=reject; rua=mailto:dmarc@acme.test,mailto:acme@reports.example; ruf=mailto:f@forensic.example');

export default cases({
  pass: [
    { name: 'reports to the domain itself need no authorisation', artifacts: await emailArtifacts(healthyZone()) },
    {
      name: 'the external destinations publish the authorisation record',
      artifacts: await emailArtifacts({
        ...external,
        'acme.test._report._dmarc.reports.example': { TXT: ['v=DMARC1'] },
        'acme.test._report._dmarc.forensic.example': { TXT: ['v=DMARC1;'] },
      }),
    },
  ],
  fail: [
    {
      name: 'an external rua and ruf without authorisation',
      artifacts: await emailArtifacts({ ...external, 'reports.example': { A: ['192.0.2.99'] } }),
      expect: [
        { target: 'acme.test', severity: 'low', evidence: 'mailto:acme@reports.example: acme.test._report._dmarc.reports.example has no v=DMARC1 record (NXDOMAIN)' },
        { target: 'acme.test', evidence: 'mailto:f@forensic.example: acme.test._report._dmarc.forensic.example' },
      ],
    },
  ],
});
