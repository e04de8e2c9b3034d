import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'no loop', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'the same include twice is not a loop', artifacts: await emailArtifacts(withSpf('v=spf1 include:_spf.mail.test include:_spf.mail.test ~all')) },
  ],
  fail: [
    {
      name: 'two records including each other',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:a.acme.test ~all', { 'a.acme.test': { TXT: ['v=spf1 include:acme.test ~all'] } })),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'include:acme.test loops: acme.test → a.acme.test → acme.test' }],
    },
    {
      name: 'a redirect to itself',
      artifacts: await emailArtifacts(withSpf('v=spf1 redirect=acme.test')),
      expect: [{ target: 'acme.test', evidence: 'redirect=acme.test loops: acme.test → acme.test' }],
    },
  ],
});
