import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [{ name: 'no ptr', artifacts: await emailArtifacts(healthyZone()) }],
  fail: [
    {
      name: 'ptr in the domain\'s own record',
      artifacts: await emailArtifacts(withSpf('v=spf1 ptr include:_spf.mail.test ~all')),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'ptr in acme.test: "v=spf1 ptr include:_spf.mail.test ~all"' }],
    },
    {
      name: 'ptr in an included record',
      artifacts: await emailArtifacts({ ...healthyZone(), '_spf.mail.test': { TXT: ['v=spf1 ptr:mail.test -all'] } }),
      expect: [{ target: 'acme.test', evidence: 'ptr:mail.test in include:_spf.mail.test (_spf.mail.test)' }],
    },
  ],
});
