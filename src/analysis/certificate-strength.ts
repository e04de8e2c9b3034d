/** Weak keys and SHA-1 signatures, which browsers and OpenSSL's default security level refuse. */
import type { CertificateInfo } from '../core/artifacts.js';
import type { Severity } from '../core/finding.js';

// sha1WithRSAEncryption, ecdsa-with-SHA1, "SHA-1 with RSASSA-PKCS1-v1_5"; not SHA-128/256/...
const SHA1 = /sha-?1(?!\d)/i;

export interface Weakness {
  severity: Severity;
  text: string;
}

export function certificateWeaknesses(cert: CertificateInfo, role: string): Weakness[] {
  const found: Weakness[] = [];
  if (cert.keyType === 'RSA' && cert.keyBits !== undefined && cert.keyBits < 2048) {
    found.push({ severity: cert.keyBits < 1024 ? 'high' : 'medium', text: `${role} ${cert.subject} has a ${cert.keyBits}-bit RSA key` });
  }
  if (cert.signatureAlgorithm && SHA1.test(cert.signatureAlgorithm)) {
    found.push({ severity: 'medium', text: `${role} ${cert.subject} is signed with SHA-1 (${cert.signatureAlgorithm})` });
  }
  return found;
}
