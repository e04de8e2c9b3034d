import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withDmarc, zoneWith } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a record at _dmarc.DOMAIN', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'a subdomain covered by its organisational domain\'s record', artifacts: await emailArtifacts(zoneWith({ 'news.acme.test': { TXT: ['v=spf1 -all'] } }), {}, 'news.acme.test') },
    { name: 'a lookup that failed proves nothing (left to email.lookup-failed)', artifacts: await emailArtifacts(zoneWith({ '_dmarc.acme.test': { fail: 'timeout' } })) },
  ],
  fail: [
    {
      name: 'no record, with the starter record to paste',
      artifacts: await emailArtifacts(withDmarc()),
      expect: [{ target: 'acme.test', severity: 'high', evidence: '_dmarc.acme.test: NXDOMAIN (no such name)' }],
    },
    {
      name: 'a TXT record that is not DMARC',
      artifacts: await emailArtifacts(withDmarc('v=spf1 -all')),
      expect: [{ target: 'acme.test', evidence: '_dmarc.acme.test: TXT "v=spf1 -all" (none starts with v=DMARC1)' }],
    },
    {
      name: 'a subdomain: both the subdomain and the organisational domain are asked',
      artifacts: await emailArtifacts(withDmarc(), {}, 'news.acme.test'),
      expect: [{ target: 'news.acme.test', evidence: '_dmarc.news.acme.test: NXDOMAIN (no such name)\n_dmarc.acme.test: NXDOMAIN (no such name)' }],
    },
  ],
});
