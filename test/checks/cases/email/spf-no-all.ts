import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'ends in ~all', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a redirect whose target ends in -all', artifacts: await emailArtifacts(withSpf('v=spf1 mx redirect=_spf.mail.test')) },
  ],
  fail: [
    {
      name: 'no all and no redirect',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:_spf.mail.test mx')),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'acme.test: "v=spf1 include:_spf.mail.test mx" has no "all"' }],
    },
    {
      name: 'a redirect chain that ends without all',
      artifacts: await emailArtifacts(withSpf('v=spf1 redirect=_spf.acme.test', { '_spf.acme.test': { TXT: ['v=spf1 ip4:192.0.2.0/24'] } })),
      expect: [{ target: 'acme.test', evidence: 'and neither does its redirect chain' }],
    },
  ],
});
