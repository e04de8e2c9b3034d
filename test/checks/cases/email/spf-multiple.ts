import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'one record', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a record split over two TXT strings is one record', artifacts: await emailArtifacts(withSpf([['v=spf1 include:_spf.mail.test ', '~all']])) },
  ],
  fail: [
    {
      name: 'two records after adding a provider',
      artifacts: await emailArtifacts(withSpf(['v=spf1 include:_spf.mail.test ~all', 'v=spf1 include:sendgrid.test -all'])),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'acme.test has 2 SPF records' }],
    },
    {
      name: 'an included domain with two records',
      artifacts: await emailArtifacts({ ...healthyZone(), '_spf.mail.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all', 'v=spf1 ip4:203.0.113.0/24 -all'] } }),
      expect: [{ target: 'acme.test', evidence: 'include:_spf.mail.test → _spf.mail.test has 2 SPF records' }],
    },
  ],
});
