/**
 * The only forms in which a secret leaves the scanner: a redacted label (visible type prefix,
 * length, short hash) and a fingerprint. Neither lets anyone rebuild a random key.
 */
import { createHash } from 'node:crypto';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** 8 hex of SHA-256: enough to see that two redacted values are the same secret. */
export function valueHash(value: string): string {
  return sha256Hex(value).slice(0, 8);
}

/**
 * `sk-proj-… [164 chars, sha256:3f9a1c2b]`. Only the key-type prefix is shown (never more than a
 * quarter of the value); a value without a known prefix shows its first two characters when it is
 * long enough that two characters give nothing away.
 */
export function redact(value: string, visiblePrefix = ''): string {
  const cap = Math.floor(value.length / 4);
  let shown = visiblePrefix && value.startsWith(visiblePrefix) ? visiblePrefix.length : value.length >= 16 ? 2 : 0;
  shown = Math.min(shown, cap);
  return `${value.slice(0, shown)}… [${value.length} chars, sha256:${valueHash(value)}]`;
}

/** Fingerprints look like `lr1-0123456789abcdef`, so they can be picked out of any report or list. */
export const FINGERPRINT = /\blr1-[0-9a-f]{16}\b/g;

/**
 * Identifies one secret in one place, independent of its line: rule, where (a repository path, or a
 * URL without query and with content hashes blanked so a rebuild keeps it) and the value itself, so
 * a rotated secret is reported again.
 */
export function fingerprint(ruleId: string, place: string, value: string): string {
  return `lr1-${sha256Hex(`${ruleId}\0${place}\0${value}`).slice(0, 16)}`;
}
