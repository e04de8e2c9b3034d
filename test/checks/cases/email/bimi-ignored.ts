import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

const BIMI = 'v=BIMI1; l=https://acme.test/logo.svg; a=https://acme.test/vmc.pem';

export default cases({
  pass: [
    { name: 'no BIMI record', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'BIMI with p=reject', artifacts: await emailArtifacts(zoneWith({ 'default._bimi.acme.test': { TXT: [BIMI] } })) },
  ],
  fail: [
    {
      name: 'BIMI while DMARC is p=none',
      artifacts: await emailArtifacts(zoneWith({ 'default._bimi.acme.test': { TXT: [BIMI] }, '_dmarc.acme.test': { TXT: ['v=DMARC1; p=none; rua=mailto:d@acme.test'] } })),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'DMARC policy is none; BIMI needs quarantine or reject' }],
    },
    {
      name: 'a logo over plain http',
      artifacts: await emailArtifacts(zoneWith({ 'default._bimi.acme.test': { TXT: ['v=BIMI1; l=http://acme.test/logo.svg'] } })),
      expect: [{ target: 'acme.test', evidence: 'l=http://acme.test/logo.svg: the logo must be an https: URL' }],
    },
  ],
});
