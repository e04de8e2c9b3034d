import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'every MX host has an address', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'an MX host with IPv6 only', artifacts: await emailArtifacts(zoneWith({ 'mx1.mail.test': { AAAA: ['2001:db8:1::1'] } })) },
  ],
  fail: [
    {
      name: 'one MX host does not exist',
      artifacts: await emailArtifacts(zoneWith({ 'mx2.mail.test': undefined })),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'MX 20 mx2.mail.test: NXDOMAIN (no such name)' }],
    },
    {
      name: 'an MX host with no address record',
      artifacts: await emailArtifacts(zoneWith({ 'mx1.mail.test': { TXT: ['hello'] } })),
      expect: [{ target: 'acme.test', evidence: 'MX 10 mx1.mail.test: no A or AAAA record' }],
    },
  ],
});
