import { cases } from '../../../helpers/check-cases.js';
import { host, plan, tls } from '../../../helpers/artifacts.js';

export default cases({
  pass: [
    { name: 'TLS 1.0 and 1.1 refused', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
    {
      name: 'legacy probes inconclusive (timed out) are not reported',
      artifacts: { plan: plan(), hosts: [host('acme.test', { tls: tls('acme.test', { legacyProtocols: { TLSv1: null, 'TLSv1.1': null } }) })] },
    },
  ],
  fail: [
    {
      name: 'TLS 1.0 still accepted',
      artifacts: { plan: plan(), hosts: [host('acme.test', { tls: tls('acme.test', { legacyProtocols: { TLSv1: true, 'TLSv1.1': false } }) }), host('www.acme.test')] },
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'acme.test:443 completes a handshake limited to TLSv1' }],
    },
    {
      name: 'both legacy versions accepted',
      artifacts: { plan: plan(), hosts: [host('api.acme.test', { tls: tls('api.acme.test', { legacyProtocols: { TLSv1: true, 'TLSv1.1': true } }) })] },
      expect: [{ target: 'api.acme.test', evidence: 'limited to TLSv1 and TLSv1.1' }],
    },
  ],
});
