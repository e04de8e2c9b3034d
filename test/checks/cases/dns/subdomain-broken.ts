import { cases } from '../../../helpers/check-cases.js';
import { edit, stateArtifacts } from '../../../dnsdiff/states.js';

export default cases({
  pass: [
    { name: 'every host resolves', artifacts: stateArtifacts() },
    { name: 'an address changed but still there is drift, not breakage', artifacts: stateArtifacts({ live: edit((r) => r[0] === 'api.acme.test', [['api.acme.test', 'A', '198.51.100.30']]) }) },
    { name: 'a host that moved from A to a working CNAME', artifacts: stateArtifacts({ live: edit((r) => r[0] === 'app.acme.test', [['app.acme.test', 'CNAME', 'acme.edge.test']]) }) },
    { name: 'a lookup that failed proves nothing', artifacts: stateArtifacts({ live: edit((r) => r[0] === 'api.acme.test'), failures: [{ name: 'api.acme.test', type: 'A', message: 'ETIMEOUT' }] }) },
  ],
  fail: [
    {
      name: 'api. dropped from the live zone',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'api.acme.test'), missingNames: ['api.acme.test'] }),
      expect: [{ target: 'api.acme.test', severity: 'high', evidence: 'api.acme.test: desired A 192.0.2.30 (dns.yaml); live: NXDOMAIN (the name does not exist)' }],
    },
    {
      name: 'a CNAME whose target is gone',
      artifacts: stateArtifacts({ cnameTargets: [{ target: 'acme.edge.test', resolves: false }] }),
      expect: [{ target: 'www.acme.test', evidence: 'live: CNAME acme.edge.test, which no longer resolves' }],
    },
    {
      name: 'the name still exists (it has a TXT record) but lost its address',
      artifacts: stateArtifacts({ live: edit((r) => r[0] === 'admin.acme.test', [['admin.acme.test', 'TXT', 'hello']]) }),
      expect: [{ target: 'admin.acme.test', evidence: 'live: no A, AAAA or CNAME record' }],
    },
  ],
});
