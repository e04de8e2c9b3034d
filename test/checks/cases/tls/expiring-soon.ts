import { cases } from '../../../helpers/check-cases.js';
import { cert, host, plan, tls } from '../../../helpers/artifacts.js';

const withLeaf = (name: string, validTo: string) => host(name, { tls: tls(name, { chain: [cert({ subject: `CN=${name}`, validTo })] }) });

export default cases({
  pass: [
    { name: 'valid for another 60 days', artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2027-01-27T12:00:00.000Z')] } },
    { name: 'exactly 30 days left', artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2026-12-28T12:00:00.000Z')] } },
    { name: 'already expired is tls.expired, not expiring soon', artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2026-11-20T00:00:00.000Z')] } },
    {
      name: 'no certificate seen when the handshake failed',
      artifacts: { plan: plan(), hosts: [host('acme.test', { tls: tls('acme.test', { ok: false, authorized: false, chain: [], error: { code: 'tls', message: 'handshake failure' } }) })] },
    },
  ],
  fail: [
    {
      name: 'ten days left is high',
      artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2026-12-08T12:00:00.000Z'), host('www.acme.test')] },
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'expires on 2026-12-08T12:00:00.000Z, in 10 day(s)' }],
    },
    {
      name: 'exactly 14 days left is medium',
      artifacts: { plan: plan(), hosts: [withLeaf('acme.test', '2026-12-12T12:00:00.000Z')] },
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'in 14 day(s)' }],
    },
    {
      name: 'three weeks left is medium',
      artifacts: { plan: plan(), hosts: [withLeaf('www.acme.test', '2026-12-19T00:00:00.000Z')] },
      expect: [{ target: 'www.acme.test', severity: 'medium', evidence: 'expires on 2026-12-19T00:00:00.000Z, in 20 day(s)' }],
    },
  ],
});
