/**
 * The secret scanner's vocabulary. `SecretMatch` is what leaves the scanner: it is serialisable and
 * holds no secret (only a redacted form and a short hash). The full value lives only in `RawMatch`,
 * inside one scan, long enough to redact, fingerprint and optionally verify it.
 */

/** `secret`: must never be shipped or committed. `public`: designed to be public (publishable keys, web configs). */
export type SecretKind = 'secret' | 'public';

/** Where a match was seen. `leak-path` is a well-known file served by the site (`/.env`, `/.git/config`). */
export type SecretSource = 'repo' | 'history' | 'frontend' | 'sourcemap' | 'leak-path';

/** How a file is written, which decides whether unquoted values count as values (`KEY=value` vs code). */
export type TextStyle = 'code' | 'env';

/** Outcome of `--verify`: the provider's "who am I" call accepted the key, refused it, or could not tell. */
export type Verification = 'live' | 'rejected' | 'unknown';

export interface Commit {
  sha: string;
  /** `Name <email>` */
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

export interface SecretMatch {
  ruleId: string;
  /** Key into the rotation table (src/secrets/rotation.ts). */
  provider: string;
  /** What was found, e.g. "OpenAI project API key". */
  title: string;
  kind: SecretKind;
  /** Why a public kind is safe to ship. */
  publicReason?: string;
  source: SecretSource;
  /** Safe to print: visible prefix, length, short hash. */
  redacted: string;
  /** First 8 hex of SHA-256 of the value: the same secret in two places shows the same hash. */
  valueHash: string;
  /** Stable across line moves; what `.launch-ready-ignore` and `--baseline` list. */
  fingerprint: string;
  /** Repository path (working tree, history) or URL (frontend, source map, leak path). */
  location: string;
  /** 1-based position in the file or document (for a source map: in the map's original source). */
  line: number;
  column: number;
  /** Other lines of the same file holding the same secret. */
  alsoAt?: number[];
  /** Source maps: the original file the secret sat in, as the map names it. */
  originalSource?: string;
  /** History: the commit that first introduced it; working tree: the same, when history was scanned. */
  introduced?: Commit;
  /** History: whether HEAD's tree still holds it. */
  inHead?: boolean;
  /** Something worth knowing next to the value (e.g. an AWS key id's secret half sits two lines below). */
  note?: string;
  verified?: Verification;
}

/** One rule's hit inside a scan. Holds the secret in clear: never serialise, log or print it. */
export interface RawMatch {
  ruleId: string;
  provider: string;
  title: string;
  kind: SecretKind;
  publicReason?: string;
  value: string;
  /** Characters of `value` that identify the key type and may be shown (`sk-proj-`, `AKIA`). */
  visiblePrefix: string;
  /** Offset of the value in the scanned text. */
  index: number;
  line: number;
  column: number;
  note?: string;
  /** Rule order: when two matches overlap, the lower priority number wins. */
  priority: number;
}
