/**
 * A certificate authority made at start, and leaf certificates for the demo hosts: healthy ones
 * (EC P-256, SHA-256) and the flawed kinds the audit must catch — expired, expiring soon, wrong
 * name, weak (RSA 1024 signed with SHA-1), or issued by a CA nobody trusts.
 */
import type { webcrypto } from 'node:crypto';
import { x509 } from '../net/x509.js';

const DAY_MS = 86_400_000;
const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA_1024 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 1024 } as const;

export interface IssuedCertificate {
  /** Subject alternative names (DNS). */
  names: string[];
  certPem: string;
  keyPem: string;
  notBefore: Date;
  notAfter: Date;
  /** Needs a server at OpenSSL security level 0 to be served (SHA-1 signature, 1024-bit key). */
  weak: boolean;
}

export interface LeafOptions {
  /** DNS names; the first is also the common name. */
  names: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** RSA 1024 key and a SHA-1 signature, as an old provider would have issued. */
  weak?: boolean;
}

export interface CertificateAuthority {
  name: string;
  certPem: string;
  issue(options: LeafOptions): Promise<IssuedCertificate>;
}

export function daysFrom(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** A random positive serial (RFC 5280 §4.1.2.2: positive, at most 20 octets). */
function serialNumber(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await globalThis.crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A self-signed root; `now` anchors validity (default: the current time). */
export async function createCa(commonName: string, now = new Date()): Promise<CertificateAuthority> {
  const keys = (await globalThis.crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const name = `CN=${commonName}, O=Acme Demo`;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name,
    notBefore: daysFrom(now, -30),
    notAfter: daysFrom(now, 3650),
    keys,
    signingAlgorithm: EC_P256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });

  async function issue(options: LeafOptions): Promise<IssuedCertificate> {
    const weak = options.weak ?? false;
    const leafKeys = (await globalThis.crypto.subtle.generateKey(weak ? RSA_1024 : EC_P256, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const notBefore = options.notBefore ?? daysFrom(now, -1);
    // Two years by default: a long-lived certificate the audit should not flag.
    const notAfter = options.notAfter ?? daysFrom(now, 730);
    const usage = x509.KeyUsageFlags.digitalSignature | (weak ? x509.KeyUsageFlags.keyEncipherment : 0);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serialNumber(),
      subject: `CN=${options.names[0]}`,
      issuer: root.subject,
      notBefore,
      notAfter,
      publicKey: leafKeys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: weak ? { ...EC_P256, hash: 'SHA-1' } : EC_P256,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usage, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(options.names.map((value) => ({ type: 'dns' as const, value }))),
        await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return { names: options.names, certPem: cert.toString('pem'), keyPem: await privateKeyPem(leafKeys.privateKey), notBefore, notAfter, weak };
  }

  return { name: commonName, certPem: root.toString('pem'), issue };
}
