import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a valid record and an enforce policy covering every MX', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'no MTA-STS at all is left to email.mta-sts-missing', artifacts: await emailArtifacts(zoneWith({ '_mta-sts.acme.test': undefined })) },
  ],
  fail: [
    {
      name: 'a record without id',
      artifacts: await emailArtifacts(zoneWith({ '_mta-sts.acme.test': { TXT: ['v=STSv1;'] } })),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'no id= tag' }],
    },
    {
      name: 'the policy file is missing',
      artifacts: await emailArtifacts(healthyZone(), { policy: { status: 404, body: 'not found' } }),
      expect: [{ target: 'acme.test', evidence: 'https://mta-sts.acme.test/.well-known/mta-sts.txt: HTTP 404' }],
    },
    {
      name: 'an enforce policy that misses an MX host (medium)',
      artifacts: await emailArtifacts(healthyZone(), { policy: { status: 200, body: 'version: STSv1\nmode: enforce\nmx: mx1.mail.test\nmax_age: 86400\n' } }),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'not covered: mx2.mail.test' }],
    },
    {
      name: 'a policy with a bad mode and no max_age',
      artifacts: await emailArtifacts(healthyZone(), { policy: { status: 200, body: 'version: STSv1\nmode: enforcing\nmx: *.mail.test\n' } }),
      expect: [{ target: 'acme.test', severity: 'low', evidence: /mode: expected enforce, testing or none \(got "enforcing"\)\n {2}max_age/ }],
    },
  ],
});
