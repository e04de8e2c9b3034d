import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, KEY_1024, rsaKey, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a 2048-bit key', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'an Ed25519 key', artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: [`v=DKIM1; k=ed25519; p=${Buffer.alloc(32, 7).toString('base64')}`] } })) },
  ],
  fail: [
    {
      name: 'a 1024-bit key (high)',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: [`v=DKIM1; k=rsa; p=${KEY_1024}`] } })),
      expect: [{ target: 'acme.test', severity: 'high', evidence: /^google\._domainkey\.acme\.test: 1024-bit RSA key — "v=DKIM1; k=rsa; p=MIGf/ }],
    },
    {
      name: 'a 1536-bit key (medium)',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: [`v=DKIM1; p=${rsaKey(1536)}`] } })),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: '1536-bit RSA key' }],
    },
    {
      name: 'a key limited to SHA-1',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: [`v=DKIM1; h=sha1; p=${rsaKey(2048)}`] } })),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'h=sha1' }],
    },
  ],
});
