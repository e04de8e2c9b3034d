import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'no void lookup', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'two void lookups are tolerated', artifacts: await emailArtifacts(withSpf('v=spf1 a:old1.acme.test a:old2.acme.test include:_spf.mail.test ~all')) },
  ],
  fail: [
    {
      name: 'three terms for servers that no longer exist',
      artifacts: await emailArtifacts(withSpf('v=spf1 a:old1.acme.test mx:old2.acme.test a:old3.acme.test include:_spf.mail.test ~all')),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: '3 void lookups (the limit is 2):\n  a:old1.acme.test in acme.test\n  mx:old2.acme.test in acme.test\n  a:old3.acme.test in acme.test' }],
    },
  ],
});
