import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [{ name: 'every include has a record', artifacts: await emailArtifacts(healthyZone()) }],
  fail: [
    {
      name: 'a misspelt provider domain',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:_spf.mial.test ~all')),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'include:_spf.mial.test: _spf.mial.test does not exist (NXDOMAIN)' }],
    },
    {
      name: 'a redirect to a name with TXT records but no SPF',
      artifacts: await emailArtifacts(withSpf('v=spf1 redirect=spf.acme.test', { 'spf.acme.test': { TXT: ['hello'] } })),
      expect: [{ target: 'acme.test', evidence: 'redirect=spf.acme.test: spf.acme.test has no TXT record starting with v=spf1' }],
    },
  ],
});
