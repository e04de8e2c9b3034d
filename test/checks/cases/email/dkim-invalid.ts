import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, KEY_2048, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a valid key', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a key with folding white space inside p=', artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: [`v=DKIM1; p=${KEY_2048.slice(0, 100)} ${KEY_2048.slice(100)}`] } })) },
  ],
  fail: [
    {
      name: 'a key cut while pasting',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: [`v=DKIM1; k=rsa; p=${KEY_2048.slice(0, 200)}`] } })),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'p= does not decode to an RSA public key' }],
    },
    {
      name: 'not base64, and v= not first',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: ['k=rsa; v=DKIM1; p=not-base64!'] } })),
      expect: [{ target: 'acme.test', evidence: /v=DKIM1: must be the first tag[\s\S]*p= is not valid base64/ }],
    },
  ],
});
