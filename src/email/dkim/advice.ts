/**
 * DKIM records to paste. A key cannot be synthesised (the private half lives with whoever signs
 * the mail), so the advice gives the exact name, the record's shape with the key to fill in, and
 * the order of steps that rotates a key without a day of unsigned or failing mail (RFC 6376 §3.6.1:
 * an empty p= revokes a selector).
 */
import { publishText, recordLine } from '../record-line.js';
import { parseTagList } from '../tag-list.js';
import { parseDkimRecord } from './record.js';

export function keyShape(keyType = 'rsa'): string {
  return `v=DKIM1; k=${keyType}; p=<the ${keyType === 'ed25519' ? 'Ed25519' : '2048-bit RSA'} public key, base64, in one piece>`;
}

/** A selector not in `taken`: the trailing number counted up (s1 → s2, selector1 → selector2), else "2" appended. */
export function nextSelector(selector: string, taken: readonly string[]): string {
  const m = /^(.*?)(\d+)$/.exec(selector);
  const [stem, start] = m ? [m[1], Number(m[2]) + 1] : [selector, 2];
  let n = start;
  while (taken.includes(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** Moving a signer from a weak key to a 2048-bit one under a new selector, step by step. */
export function rotationSteps(domain: string, oldSelector: string, taken: readonly string[]): string {
  const next = nextSelector(oldSelector, taken);
  return [
    `Rotate to a 2048-bit key under a new selector (${next} below; if your mail provider names its selectors itself, use its name):`,
    `1. Generate a 2048-bit key where your mail is signed: your provider's DKIM settings, or on your own server:`,
    `  openssl genrsa -out ${next}.key 2048 && openssl rsa -in ${next}.key -pubout -outform der | openssl base64 -A`,
    '2. Publish its public key (longer than 255 characters: DNS hosts split it into quoted strings, which receivers join):',
    `  ${recordLine({ name: `${next}._domainkey.${domain}`, type: 'TXT', value: keyShape() })}`,
    `3. Switch signing to ${next}, send yourself a message and check its DKIM-Signature header says s=${next} and the receiver shows dkim=pass.`,
    '4. A week later (mail in flight is verified against the old key), revoke the old selector:',
    `  ${recordLine({ name: `${oldSelector}._domainkey.${domain}`, type: 'TXT', value: 'v=DKIM1; p=' })}`,
  ].join('\n');
}

/**
 * The record with `v=DKIM1` first and each tag once (first occurrence kept), when that alone makes
 * it valid; otherwise the record's shape for the key to be copied again.
 */
export function repairedDkimText(name: string, record: string): string {
  const kept = new Map<string, string>();
  for (const t of parseTagList(record).tags) if (t.name !== 'v' && !kept.has(t.name)) kept.set(t.name, `${t.name}=${t.value}`);
  const repaired = ['v=DKIM1', ...kept.values()].join('; ');
  const parsed = parseDkimRecord(repaired);
  if (parsed.errors.length === 0 && !parsed.revoked) return publishText('Publish this record in place of the broken one (v=DKIM1 first, each tag once)', [{ name, type: 'TXT', value: repaired }]);
  return publishText(
    'Copy the public key again from your mail provider (or your signing server), in full, and publish it in place of the broken record; a key longer than 255 characters is split into quoted strings by your DNS host, never by hand',
    [{ name, type: 'TXT', value: keyShape(['rsa', 'ed25519'].includes(parsed.keyType) ? parsed.keyType : 'rsa') }],
  );
}
