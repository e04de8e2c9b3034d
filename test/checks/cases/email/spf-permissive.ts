import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: '~all', artifacts: await emailArtifacts(healthyZone()) },
    { name: '-all at the end of a redirect chain', artifacts: await emailArtifacts(withSpf('v=spf1 redirect=_spf.mail.test')) },
  ],
  fail: [
    {
      name: '+all: anyone can send',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:_spf.mail.test +all')),
      expect: [{ target: 'acme.test', severity: 'critical', evidence: 'acme.test: "v=spf1 include:_spf.mail.test +all"' }],
    },
    {
      name: 'a bare "all" is +all',
      artifacts: await emailArtifacts(withSpf('v=spf1 mx all')),
      expect: [{ target: 'acme.test', severity: 'critical' }],
    },
    {
      name: '?all vouches for no one',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:_spf.mail.test ?all')),
      expect: [{ target: 'acme.test', severity: 'high' }],
    },
    {
      name: 'an include whose record ends in +all',
      artifacts: await emailArtifacts({ ...healthyZone(), '_spf.mail.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 +all'] } }),
      expect: [{ target: 'acme.test', severity: 'critical', evidence: 'include:_spf.mail.test → _spf.mail.test: "v=spf1 ip4:198.51.100.0/24 +all"' }],
    },
  ],
});
