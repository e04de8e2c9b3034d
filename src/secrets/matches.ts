/**
 * From the raw matches of one scanned document to what leaves the scanner: one `SecretMatch` per
 * secret per document (repeats become `alsoAt` lines), redacted and fingerprinted.
 */
import { fingerprint, redact, valueHash } from './redact.js';
import type { RawMatch, SecretMatch, SecretSource, Verification } from './types.js';

export interface Placement {
  source: SecretSource;
  /** What the finding names: a path or a URL. */
  location: string;
  /** What the fingerprint names: the root-relative path, or the URL with query and content hashes removed. */
  place: string;
  originalSource?: string;
}

const MAX_ALSO_AT = 20;

export function toSecretMatches(raw: readonly RawMatch[], at: Placement, verified?: (m: RawMatch) => Verification | undefined): SecretMatch[] {
  const byValue = new Map<string, { first: RawMatch; more: number[] }>();
  for (const m of raw) {
    const key = `${m.ruleId}\0${m.value}`;
    const seen = byValue.get(key);
    if (!seen) byValue.set(key, { first: m, more: [] });
    else if (seen.more.length < MAX_ALSO_AT && m.line !== seen.first.line && !seen.more.includes(m.line)) seen.more.push(m.line);
  }
  return [...byValue.values()].map(({ first: m, more }) => {
    const verdict = verified?.(m);
    return {
    ruleId: m.ruleId,
    provider: m.provider,
    title: m.title,
    kind: m.kind,
    ...(m.publicReason ? { publicReason: m.publicReason } : {}),
    source: at.source,
    redacted: redact(m.value, m.visiblePrefix),
    valueHash: valueHash(m.value),
    fingerprint: fingerprint(m.ruleId, at.place, m.value),
    location: at.location,
    line: m.line,
    column: m.column,
    ...(more.length > 0 ? { alsoAt: more } : {}),
    ...(at.originalSource ? { originalSource: at.originalSource } : {}),
    ...(m.note ? { note: m.note } : {}),
    ...(verdict ? { verified: verdict } : {}),
    };
  });
}
