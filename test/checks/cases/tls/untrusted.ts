import { cases } from '../../../helpers/check-cases.js';
import { cert, host, plan, tls } from '../../../helpers/artifacts.js';

const root = cert({ subject: 'CN=Acme Root', issuer: 'CN=Acme Root', selfSigned: true, validTo: '2035-01-01T00:00:00.000Z' });

export default cases({
  pass: [
    { name: 'chain verified', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
    {
      name: 'a chain refused only for its SHA-1 signature and 1024-bit key is tls.weak-key, not untrusted',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            tls: tls('acme.test', {
              authorized: false,
              authorizationError: 'UNSPECIFIED',
              chain: [cert({ subject: 'CN=acme.test', keyType: 'RSA', keyBits: 1024, signatureAlgorithm: 'SHA-1 with ECDSA' })],
            }),
          }),
        ],
      },
    },
    {
      name: 'an expired leaf is tls.expired, not untrusted',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { tls: tls('acme.test', { authorized: false, authorizationError: 'CERT_HAS_EXPIRED', chain: [cert({ validTo: '2026-11-01T00:00:00.000Z' })] }) })],
      },
    },
    {
      name: 'a wrong name is tls.hostname-mismatch, not untrusted',
      artifacts: {
        plan: plan(),
        hosts: [host('www.acme.test', { tls: tls('www.acme.test', { authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID', hostnameMatches: false }) })],
      },
    },
    {
      name: 'nothing to verify when the handshake failed',
      artifacts: { plan: plan(), hosts: [host('acme.test', { tls: tls('acme.test', { ok: false, authorized: false, chain: [], error: { code: 'reset', message: 'ECONNRESET' } }) })] },
    },
  ],
  fail: [
    {
      name: 'self-signed leaf',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test'),
          host('admin.acme.test', {
            tls: tls('admin.acme.test', {
              authorized: false,
              authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
              chain: [cert({ subject: 'CN=admin.acme.test', issuer: 'CN=admin.acme.test', selfSigned: true })],
            }),
          }),
        ],
      },
      expect: [{ target: 'admin.acme.test', severity: 'high', evidence: 'DEPTH_ZERO_SELF_SIGNED_CERT: the certificate is self-signed; chain sent: CN=admin.acme.test (issuer CN=admin.acme.test, self-signed)' }],
    },
    {
      name: 'intermediate not sent',
      artifacts: {
        plan: plan(),
        hosts: [host('acme.test', { tls: tls('acme.test', { authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', chain: [cert({ issuer: 'CN=Acme Issuing CA 2' })] }) })],
      },
      expect: [{ target: 'acme.test', evidence: 'does not send the intermediate certificate; chain sent: CN=acme.test (issuer CN=Acme Issuing CA 2)' }],
    },
    {
      name: 'an expired intermediate behind a valid leaf is untrusted',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            tls: tls('acme.test', {
              authorized: false,
              authorizationError: 'CERT_HAS_EXPIRED',
              chain: [cert(), cert({ subject: 'CN=Test CA', issuer: 'CN=Acme Root', validTo: '2026-06-01T00:00:00.000Z' }), root],
            }),
          }),
        ],
      },
      expect: [{ target: 'acme.test', evidence: 'CERT_HAS_EXPIRED: a certificate in the chain has expired' }],
    },
    {
      name: 'an expired self-signed leaf is untrusted for being self-signed',
      artifacts: {
        plan: plan(),
        hosts: [
          host('acme.test', {
            tls: tls('acme.test', {
              authorized: false,
              authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
              chain: [cert({ issuer: 'CN=acme.test', selfSigned: true, validTo: '2026-01-01T00:00:00.000Z' })],
            }),
          }),
        ],
      },
      expect: [{ target: 'acme.test', evidence: 'self-signed' }],
    },
  ],
});
