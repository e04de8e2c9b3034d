import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, KEY_2048, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a key at a common provider selector', artifacts: await emailArtifacts(healthyZone()) },
    {
      name: 'a key at a configured custom selector only',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': undefined, 'x7k2._domainkey.acme.test': { TXT: [`v=DKIM1; p=${KEY_2048}`] } }), { selectors: ['x7k2'] }),
    },
  ],
  fail: [
    {
      name: 'no key anywhere',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': undefined })),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: /^no usable key at any of \d+ selectors \(google, selector1, selector2, s1,/ }],
    },
    {
      name: 'only a revoked key',
      artifacts: await emailArtifacts(zoneWith({ 'google._domainkey.acme.test': { TXT: ['v=DKIM1; p='] } })),
      expect: [{ target: 'acme.test', evidence: 'answered: google' }],
    },
    {
      name: 'a configured selector without a key, while another works (low)',
      artifacts: await emailArtifacts(healthyZone(), { selectors: ['s2024'] }),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 's2024._domainkey.acme.test: no DKIM record' }],
    },
  ],
});
