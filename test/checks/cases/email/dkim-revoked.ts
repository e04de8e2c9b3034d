import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, KEY_2048 } from '../../../email/zones.js';

export default cases({
  pass: [{ name: 'no revoked selector', artifacts: await emailArtifacts(healthyZone()) }],
  fail: [
    {
      name: 'an old selector revoked after rotation',
      artifacts: await emailArtifacts({ ...healthyZone(), 'selector1._domainkey.acme.test': { TXT: ['v=DKIM1; p='] }, 'selector2._domainkey.acme.test': { TXT: [`v=DKIM1; p=${KEY_2048}`] } }),
      expect: [{ target: 'acme.test', severity: 'info', evidence: 'selector1._domainkey.acme.test: "v=DKIM1; p="' }],
    },
  ],
});
