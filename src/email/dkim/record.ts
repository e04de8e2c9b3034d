/**
 * DKIM key records (RFC 6376 §3.6.1) and the size of the key they publish. RSA keys are read from
 * the base64 SubjectPublicKeyInfo with node:crypto (some providers publish a bare PKCS#1 key, which
 * verifiers accept too); Ed25519 keys (RFC 8463) are 32 raw bytes.
 */
import { createPublicKey } from 'node:crypto';
import { parseTagList, tagValue } from '../tag-list.js';

export interface DkimKey {
  keyType: string;
  /** Key size in bits, when the key could be read. */
  bits?: number;
  /** `p=` empty: the key was revoked on purpose (§3.6.1). */
  revoked: boolean;
  /** `t=y`: the domain is testing DKIM; verifiers may treat failures as unsigned. */
  testing: boolean;
  /** Hash algorithms the key may be used with (`h=`); empty means any. */
  hashes: string[];
  /** Anything that makes verifiers ignore the key. */
  errors: string[];
}

/** True for a TXT record that is meant as a DKIM key: it says v=DKIM1, or at least has a p= tag. */
export function looksLikeDkim(text: string): boolean {
  return /^\s*v\s*=\s*DKIM1\b/.test(text) || /(?:^|;)\s*p\s*=/.test(text);
}

function rsaBits(der: Buffer): number | undefined {
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      const key = createPublicKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType === 'rsa') return key.asymmetricKeyDetails?.modulusLength;
    } catch {
      // Not this encoding; try the next.
    }
  }
  return undefined;
}

export function parseDkimRecord(text: string): DkimKey {
  const list = parseTagList(text);
  const out: DkimKey = { keyType: 'rsa', revoked: false, testing: false, hashes: [], errors: [...list.errors] };
  const version = tagValue(list, 'v');
  // §3.6.1: v= is optional, but when present it must be first and exactly DKIM1.
  if (version !== undefined && (version !== 'DKIM1' || list.tags[0].name !== 'v')) out.errors.push(`v=${version}: must be the first tag and exactly DKIM1`);
  out.keyType = (tagValue(list, 'k') ?? 'rsa').toLowerCase();
  out.hashes = (tagValue(list, 'h') ?? '').split(':').map((h) => h.trim().toLowerCase()).filter(Boolean);
  out.testing = (tagValue(list, 't') ?? '').split(':').some((f) => f.trim() === 'y');
  const p = tagValue(list, 'p');
  if (p === undefined) {
    out.errors.push('no p= tag: the record publishes no key');
    return out;
  }
  const base64 = p.replace(/\s+/g, '');
  if (base64 === '') {
    out.revoked = true;
    return out;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    out.errors.push(`p= is not valid base64 (${base64.length} characters starting "${base64.slice(0, 12)}")`);
    return out;
  }
  const der = Buffer.from(base64, 'base64');
  if (out.keyType === 'rsa') {
    const bits = rsaBits(der);
    if (bits === undefined) out.errors.push('p= does not decode to an RSA public key');
    else out.bits = bits;
  } else if (out.keyType === 'ed25519') {
    if (der.length === 32) out.bits = 256;
    else out.errors.push(`p= holds ${der.length} bytes; an Ed25519 key is 32 (RFC 8463)`);
  } else {
    out.errors.push(`k=${out.keyType}: unknown key type (rsa or ed25519)`);
  }
  return out;
}
