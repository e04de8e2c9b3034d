import { cases } from '../../../helpers/check-cases.js';
import { edit, stateArtifacts, ZONE } from '../../../dnsdiff/states.js';

export default cases({
  pass: [
    { name: 'live matches desired', artifacts: stateArtifacts() },
    {
      name: 'values written in another order or case are the same',
      artifacts: stateArtifacts({ live: [...ZONE].reverse() }),
    },
    {
      name: 'a TTL difference from a caching resolver is not compared',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'app.acme.test', [['app.acme.test', 'A', '192.0.2.20', 117]]), authoritative: false }),
    },
    {
      name: 'a lookup that failed is unknown, not deleted',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'admin.acme.test'), failures: [{ name: 'admin.acme.test', type: 'A', message: 'ETIMEOUT' }] }),
    },
    {
      name: 'mail changes and broken hosts are left to their own checks',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'api.acme.test' || r[1] === 'MX'), missingNames: ['api.acme.test'] }),
    },
  ],
  fail: [
    {
      name: 'an address changed outside the process',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'app.acme.test', [['app.acme.test', 'A', '198.51.100.7']]) }),
      expect: [{ target: 'app.acme.test', severity: 'medium', evidence: '~ modify  app.acme.test A "198.51.100.7" → "192.0.2.20"' }],
    },
    {
      name: 'a record added live that the desired state does not have',
      artifacts: stateArtifacts({ live: [...ZONE, ['app.acme.test', 'AAAA', '2001:db8::20']] }),
      expect: [{ target: 'app.acme.test', evidence: '- delete  app.acme.test AAAA ttl 300 "2001:db8::20"' }],
    },
    {
      name: 'a TTL-only change (low)',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'www.acme.test', [['www.acme.test', 'CNAME', 'acme.edge.test', 3600]]) }),
      expect: [{ target: 'www.acme.test', severity: 'low', evidence: '~ ttl     www.acme.test CNAME 3600 → 300' }],
    },
    {
      name: 'a desired state that would change the apex NS: dangerous',
      artifacts: stateArtifacts({ desired: edit((r) => r[1] === 'NS', [['acme.test', 'NS', 'ns1.other-dns.test', 3600]]) }),
      expect: [
        { target: 'acme.test', severity: 'medium', evidence: '~ modify  acme.test NS' },
        { target: 'acme.test', severity: 'high', evidence: 'it changes the apex NS records of acme.test (ns1.dns-host.test, ns2.dns-host.test → ns1.other-dns.test)' },
      ],
    },
    {
      name: 'a stale desired state that would delete over 30% of the zone: dangerous',
      artifacts: stateArtifacts({ desired: edit((r) => ['app.acme.test', 'admin.acme.test', 'www.acme.test'].includes(r[0]) || r[1] === 'A') }),
      expect: [
        { target: 'acme.test', severity: 'medium', evidence: '- delete  acme.test A' },
        { target: 'app.acme.test', evidence: '- delete' },
        { target: 'api.acme.test', evidence: '- delete' },
        { target: 'admin.acme.test', evidence: '- delete' },
        { target: 'www.acme.test', evidence: '- delete' },
        { target: 'acme.test', severity: 'high', evidence: "it deletes or modifies 6 of the zone's 12 records (50%, over 30%)" },
      ],
    },
  ],
});
