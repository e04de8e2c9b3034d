import { cases } from '../../../helpers/check-cases.js';
import { cert, host, plan, tls } from '../../../helpers/artifacts.js';

const withLeaf = (name: string, validTo: string) => host(name, { tls: tls(name, { chain: [cert({ subject: `CN=${name}`, validTo })] }) });

export default cases({
  pass: [
    { name: 'certificate valid for another year', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
    { name: 'expiring in 3 days is not expired yet', artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2026-12-01T12:00:00.000Z')] } },
    {
      name: 'a host whose TLS connect failed is left to route.unreachable',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { tls: tls('acme.test', { ok: false, authorized: false, chain: [], error: { code: 'connect-refused', message: 'ECONNREFUSED' } }) })],
      },
    },
  ],
  fail: [
    {
      name: 'leaf expired four weeks before the audit',
      artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2026-11-01T00:00:00.000Z'), host('www.acme.test')] },
      expect: [{ target: 'acme.test', severity: 'critical', evidence: 'expired on 2026-11-01T00:00:00.000Z, 27 day(s) before the audit' }],
    },
    {
      name: 'leaf expired an hour ago',
      artifacts: { plan: plan(), hosts: [withLeaf('www.acme.test', '2026-11-28T11:00:00.000Z')] },
      expect: [{ target: 'www.acme.test', severity: 'critical', evidence: 'expired on 2026-11-28T11:00:00.000Z' }],
    },
  ],
});
