import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'every lookup answered', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'NXDOMAIN is an answer, not a failure', artifacts: await emailArtifacts(zoneWith({ '_dmarc.acme.test': undefined, '_mta-sts.acme.test': undefined })) },
  ],
  fail: [
    {
      name: 'the SPF lookup times out',
      artifacts: await emailArtifacts(zoneWith({ 'acme.test': { ...healthyZone()['acme.test'], fail: 'timeout', failTypes: ['TXT'] } })),
      expect: [{ target: 'acme.test', severity: 'high', evidence: /^1 lookup failed:\n {2}acme\.test TXT \(SPF\): ETIMEOUT/ }],
    },
    {
      name: 'a provider include fails and the DMARC server fails',
      artifacts: await emailArtifacts(zoneWith({ '_spf.mail.test': { fail: 'servfail' }, '_dmarc.acme.test': { fail: 'servfail' } })),
      expect: [{ target: 'acme.test', evidence: '_spf.mail.test TXT (SPF, include:_spf.mail.test): ESERVFAIL: server failure\n  _dmarc.acme.test TXT: ESERVFAIL' }],
    },
  ],
});
