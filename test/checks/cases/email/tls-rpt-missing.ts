import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [{ name: 'TLS-RPT published', artifacts: await emailArtifacts(healthyZone()) }],
  fail: [
    {
      name: 'no _smtp._tls record',
      artifacts: await emailArtifacts(zoneWith({ '_smtp._tls.acme.test': undefined })),
      expect: [{ target: 'acme.test', severity: 'info', evidence: '_smtp._tls.acme.test: NXDOMAIN' }],
    },
  ],
});
