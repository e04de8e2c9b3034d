import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createCa, daysFrom, type CertificateAuthority } from '../../src/demo/ca.js';

describe('demo certificate authority', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  let ca: CertificateAuthority;
  let root: X509Certificate;
  before(async () => {
    ca = await createCa('Test Root', now);
    root = new X509Certificate(ca.certPem);
  });

  it('issues a healthy leaf: EC P-256, SHA-256, two years, for its names, signed by the root', async (t) => {
    const started = performance.now();
    const leaf = await ca.issue({ names: ['www.acme.test', 'acme.test'] });
    t.diagnostic(`leaf issued in ${(performance.now() - started).toFixed(1)} ms`);
    const cert = new X509Certificate(leaf.certPem);
    assert.equal(cert.checkHost('www.acme.test'), 'www.acme.test');
    assert.equal(cert.checkHost('acme.test'), 'acme.test');
    assert.equal(cert.checkHost('api.acme.test'), undefined);
    assert.equal(cert.publicKey.asymmetricKeyType, 'ec');
    assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.ok(cert.verify(root.publicKey));
    assert.ok(cert.checkIssued(root));
    assert.equal(new Date(cert.validTo).getTime(), daysFrom(now, 730).setMilliseconds(0));
    assert.equal(root.ca, true);
    assert.equal(cert.ca, false);
  });

  it('issues expired and expiring certificates from the dates given', async () => {
    const expired = new X509Certificate((await ca.issue({ names: ['old.acme.test'], notBefore: daysFrom(now, -400), notAfter: daysFrom(now, -20) })).certPem);
    assert.ok(new Date(expired.validTo) < now);
    const soon = new X509Certificate((await ca.issue({ names: ['soon.acme.test'], notAfter: daysFrom(now, 9) })).certPem);
    assert.equal(Math.round((Date.parse(soon.validTo) - now.getTime()) / 86_400_000), 9);
  });

  it('issues a weak certificate: RSA 1024 signed with SHA-1', async () => {
    const weak = await ca.issue({ names: ['weak.acme.test'], weak: true });
    assert.equal(weak.weak, true);
    const cert = new X509Certificate(weak.certPem);
    assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 1024);
    // ecdsa-with-SHA1 (1.2.840.10045.4.1) in the signatureAlgorithm field.
    assert.ok(cert.raw.includes(Buffer.from('06072a8648ce3d0401', 'hex')));
  });

  it('keeps separate authorities apart: another CA does not verify', async () => {
    const other = await createCa('Other Root', now);
    const cert = new X509Certificate((await other.issue({ names: ['staging.acme.test'] })).certPem);
    assert.equal(cert.verify(root.publicKey), false);
    assert.equal(cert.checkIssued(root), false);
  });
});
