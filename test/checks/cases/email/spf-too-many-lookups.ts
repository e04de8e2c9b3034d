import { cases } from '../../../helpers/check-cases.js';
import type { FakeZone } from '../../../email/fake-dns.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

/** Eleven lookups through nested includes, every target a plain address list: flattening fixes it. */
const nested: FakeZone = {
  'a.spf.test': { TXT: ['v=spf1 include:b.spf.test include:c.spf.test ip4:203.0.113.1 ~all'] },
  'b.spf.test': { TXT: ['v=spf1 include:d.spf.test ip4:203.0.113.2 ~all'] },
  'c.spf.test': { TXT: ['v=spf1 include:e.spf.test ip4:203.0.113.3 ~all'] },
  'd.spf.test': { TXT: ['v=spf1 include:e.spf.test ip4:203.0.113.4 ~all'] },
  'e.spf.test': { TXT: ['v=spf1 ip4:203.0.113.5 ~all'] },
  'f.spf.test': { TXT: ['v=spf1 include:g.spf.test include:h.spf.test ~all'] },
  'g.spf.test': { TXT: ['v=spf1 ip6:2001:db8:7::/48 ~all'] },
  'h.spf.test': { TXT: ['v=spf1 ip4:203.0.113.8 ~all'] },
  'mail.acme.test': { A: ['192.0.2.25'] },
};

export default cases({
  pass: [
    { name: 'two lookups', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'exactly ten', artifacts: await emailArtifacts(withSpf('v=spf1 include:a.spf.test include:f.spf.test mx ~all', nested)) },
  ],
  fail: [
    {
      name: '11 lookups through nested includes, with the flattened record to paste',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:a.spf.test include:f.spf.test mx a:mail.acme.test ~all', nested)),
      expect: [
        {
          target: 'acme.test',
          severity: 'high',
          evidence: /^11 DNS lookups \(the limit is 10\):\nacme\.test: 11 lookups — own: include:a\.spf\.test, include:f\.spf\.test, mx, a:mail\.acme\.test\n {2}include:a\.spf\.test \(a\.spf\.test\): 5 lookups/,
        },
      ],
    },
    {
      name: 'a tree that never ends is cut and still reported',
      artifacts: await emailArtifacts(
        withSpf(
          'v=spf1 include:n1.spf.test -all',
          Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`n${i + 1}.spf.test`, { TXT: [i === 99 ? 'v=spf1 -all' : `v=spf1 include:n${i + 2}.spf.test -all`] }])),
        ),
      ),
      expect: [{ target: 'acme.test', evidence: /^at least 2\d DNS lookups/ }],
    },
  ],
});
