import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

const many = (n: number) => `v=spf1 ${Array.from({ length: n }, (_, i) => `ip4:198.51.${Math.floor(i / 250)}.${i % 250}`).join(' ')} ~all`;

export default cases({
  pass: [{ name: 'a short record', artifacts: await emailArtifacts(healthyZone()) }],
  fail: [
    {
      name: 'a record over 512 bytes (low)',
      artifacts: await emailArtifacts(withSpf(many(40))),
      expect: [{ target: 'acme.test', severity: 'low', evidence: /^the TXT answer at acme\.test holds \d{3} bytes of text \(advised: under 512\)/ }],
    },
    {
      name: 'a 64 KB answer (medium)',
      artifacts: await emailArtifacts(withSpf(many(3500))),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: /holds [56]\d,\d{3} bytes/ }],
    },
  ],
});
