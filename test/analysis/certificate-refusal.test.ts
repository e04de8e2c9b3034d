import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { certificateRefusals } from '../../src/analysis/certificate-refusal.js';
import { cert, NOW, tls } from '../helpers/artifacts.js';

describe('certificateRefusals', () => {
  it('accepts a valid, trusted, matching certificate', () => assert.deepEqual(certificateRefusals(tls('www.acme.test'), NOW), []));
  it('reports a failed handshake with its code', () => {
    const probe = tls('www.acme.test', { ok: false, authorized: false, chain: [], error: { code: 'connect-timeout', message: 'no answer in 5000 ms' } });
    assert.deepEqual(certificateRefusals(probe, NOW), ['TLS handshake with www.acme.test:443 failed (connect-timeout: no answer in 5000 ms)']);
  });
  it('says an expiry once, although Node also marks the chain unauthorized', () => {
    const probe = tls('www.acme.test', { authorized: false, authorizationError: 'CERT_HAS_EXPIRED', chain: [cert({ validTo: '2026-11-27T00:00:00.000Z' })] });
    assert.deepEqual(certificateRefusals(probe, NOW), ['certificate for www.acme.test expired on 2026-11-27T00:00:00.000Z']);
  });
  it('reports an untrusted self-signed certificate', () => {
    const probe = tls('www.acme.test', { authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    assert.deepEqual(certificateRefusals(probe, NOW), ['certificate for www.acme.test is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)']);
  });
});
