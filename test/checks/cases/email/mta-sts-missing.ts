import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'MTA-STS published', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a domain that receives no mail needs none', artifacts: await emailArtifacts(zoneWith({ 'acme.test': { TXT: ['v=spf1 -all'], MX: [[0, '.']] }, '_mta-sts.acme.test': undefined })) },
  ],
  fail: [
    {
      name: 'no _mta-sts record',
      artifacts: await emailArtifacts(zoneWith({ '_mta-sts.acme.test': undefined })),
      expect: [{ target: 'acme.test', severity: 'info', evidence: '_mta-sts.acme.test: NXDOMAIN' }],
    },
  ],
});
