import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a valid record', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'an https report endpoint', artifacts: await emailArtifacts(zoneWith({ '_smtp._tls.acme.test': { TXT: ['v=TLSRPTv1; rua=https://reports.example/tls'] } })) },
  ],
  fail: [
    {
      name: 'no rua',
      artifacts: await emailArtifacts(zoneWith({ '_smtp._tls.acme.test': { TXT: ['v=TLSRPTv1;'] } })),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'no rua= tag' }],
    },
    {
      name: 'a report address that is not a URI',
      artifacts: await emailArtifacts(zoneWith({ '_smtp._tls.acme.test': { TXT: ['v=TLSRPTv1; rua=tls@acme.test'] } })),
      expect: [{ target: 'acme.test', evidence: 'rua: "tls@acme.test" is not a mailto: or https: URI' }],
    },
  ],
});
