import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

const noSpf = healthyZone();
noSpf['acme.test'].TXT = ['google-site-verification=abc123', 'v=spf10 +all'];

export default cases({
  pass: [{ name: 'one SPF record among other TXT records', artifacts: await emailArtifacts(healthyZone()) }],
  fail: [
    {
      name: 'TXT records but none is SPF ("v=spf10" is not)',
      artifacts: await emailArtifacts(noSpf),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'no TXT record at acme.test starts with "v=spf1"' }],
    },
    {
      name: 'a subdomain that does not exist',
      artifacts: await emailArtifacts(zoneWith({}), {}, 'mail.acme.test'),
      expect: [{ target: 'mail.acme.test', evidence: 'mail.acme.test does not exist (NXDOMAIN)' }],
    },
  ],
});
