import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, zoneWith } from '../../../email/zones.js';

const nullMx = (spf: string, dmarc: string) =>
  zoneWith({ 'acme.test': { TXT: [spf], MX: [[0, '.']], A: ['192.0.2.10'] }, '_dmarc.acme.test': { TXT: [dmarc] } });

export default cases({
  pass: [
    { name: 'two MX records', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a Null MX with v=spf1 -all and p=reject: a domain that sends no mail', artifacts: await emailArtifacts(nullMx('v=spf1 -all', 'v=DMARC1; p=reject')) },
  ],
  fail: [
    {
      name: 'no MX record',
      artifacts: await emailArtifacts(zoneWith({ 'acme.test': { TXT: ['v=spf1 include:_spf.mail.test ~all'], A: ['192.0.2.10'] } })),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'acme.test MX: no MX record' }],
    },
    {
      name: 'a Null MX while SPF still authorises senders (medium)',
      artifacts: await emailArtifacts(nullMx('v=spf1 include:_spf.mail.test ~all', 'v=DMARC1; p=reject')),
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'acme.test MX 0 . (Null MX)' }],
    },
  ],
});
