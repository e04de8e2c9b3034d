import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'CAA at the registered domain covers its hosts', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a CAA lookup that failed proves nothing', artifacts: await emailArtifacts(zoneWith({ 'www.acme.test': { fail: 'servfail', failTypes: ['CAA'] } }), { webHosts: ['www.acme.test'] }) },
  ],
  fail: [
    {
      name: 'no CAA anywhere',
      artifacts: await emailArtifacts(zoneWith({ 'acme.test': { ...healthyZone()['acme.test'], CAA: undefined } })),
      expect: [
        { target: 'acme.test', severity: 'info', evidence: 'acme.test: no CAA record on the host or its parents' },
        { target: 'www.acme.test', severity: 'info' },
      ],
    },
  ],
});
