import { cases } from '../../../helpers/check-cases.js';
import { cert, host, plan, tls } from '../../../helpers/artifacts.js';

export default cases({
  pass: [
    { name: 'certificate names the host', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
    {
      name: 'no certificate judged when the handshake failed',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { tls: tls('acme.test', { ok: false, authorized: false, hostnameMatches: false, chain: [], error: { code: 'connect-timeout', message: 'no TLS handshake within 5000 ms' } }) })],
      },
    },
  ],
  fail: [
    {
      name: 'the front serves another site\'s certificate',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test'),
          host('www.acme.test', {
            tls: tls('www.acme.test', {
              authorized: false,
              authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
              hostnameMatches: false,
              chain: [cert({ subject: 'CN=default.hosting.test', subjectAltNames: ['DNS:default.hosting.test'] })],
            }),
          }),
        ],
      },
      expect: [{ target: 'www.acme.test', severity: 'high', evidence: 'CN=default.hosting.test (issuer CN=Test CA) naming DNS:default.hosting.test, which does not cover www.acme.test' }],
    },
    {
      name: 'apex-only certificate on a subdomain',
      artifacts: {
        plan: plan(),
        hosts: [host('api.acme.test', { tls: tls('api.acme.test', { hostnameMatches: false, chain: [cert({ subjectAltNames: ['DNS:acme.test'] })] }) })],
      },
      expect: [{ target: 'api.acme.test', evidence: 'naming DNS:acme.test' }],
    },
  ],
});
