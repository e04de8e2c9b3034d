/**
 * The records a founder can paste: a starter SPF from the providers the domain visibly uses, an
 * SPF with a safe ending, merged SPF records, starter and enforcing DMARC records.
 */
import type { EmailArtifact } from './artifact.js';
import { looksLikeDkim } from './dkim/record.js';
import { parseDmarcRecord } from './dmarc/record.js';
import { LOOKUP_LIMIT } from './spf/check-host.js';
import { flattenToLimit } from './spf/flatten.js';
import { finalAll, totalLookups, type SpfNode } from './spf/walk.js';

/** MX host suffix → the SPF include the provider documents for sending. */
const MX_PROVIDERS: ReadonlyArray<[string, string]> = [
  ['google.com', '_spf.google.com'],
  ['googlemail.com', '_spf.google.com'],
  ['outlook.com', 'spf.protection.outlook.com'],
  ['zoho.com', 'zoho.com'],
  ['zoho.eu', 'zoho.eu'],
  ['mailgun.org', 'mailgun.org'],
  ['messagingengine.com', 'spf.messagingengine.com'],
  ['protonmail.ch', '_spf.protonmail.ch'],
  ['amazonaws.com', 'amazonses.com'],
];

/** DKIM selector found → the provider's SPF include. */
const SELECTOR_PROVIDERS: Readonly<Record<string, string>> = {
  google: '_spf.google.com',
  selector1: 'spf.protection.outlook.com',
  selector2: 'spf.protection.outlook.com',
  s1: 'sendgrid.net',
  s2: 'sendgrid.net',
  pm: 'spf.mtasv.net',
  amazonses: 'amazonses.com',
  mailjet: 'spf.mailjet.com',
};

/** The provider includes this domain's MX and DKIM records point at, in a stable order. */
export function detectedIncludes(a: EmailArtifact): string[] {
  const found = new Set<string>();
  for (const h of a.mx.hosts) for (const [suffix, include] of MX_PROVIDERS) if (h.exchange.endsWith(suffix)) found.add(include);
  for (const s of a.dkim.selectors) if (s.lookup.records.some(looksLikeDkim) && SELECTOR_PROVIDERS[s.selector]) found.add(SELECTOR_PROVIDERS[s.selector]);
  return [...found];
}

/** A starter SPF: the includes detected, or a placeholder naming what to fill in. */
export function starterSpf(a: EmailArtifact): string {
  const includes = detectedIncludes(a);
  const terms = includes.length > 0 ? includes.map((i) => `include:${i}`) : ['include:YOUR-MAIL-PROVIDER-SPF-DOMAIN'];
  return `v=spf1 ${terms.join(' ')} ~all`;
}

/** The record with its `all` (or a missing one) replaced by `~all` at the end. */
export function withSafeAll(record: string): string {
  const terms = record.split(' ').filter((t) => t !== '' && !/^[+?~-]?all$/i.test(t));
  return [...terms, '~all'].join(' ');
}

export interface CorrectedSpf {
  records: Array<{ name: string; value: string }>;
  /** What was changed, for the finding's text. */
  changes: string[];
  /** Why the lookup count could not be brought under the limit, when it could not. */
  unflattenable?: string;
}

/**
 * The root's SPF with every fix the checks ask for at once, so two findings never hand out two
 * different records to paste: under 10 lookups (flattened when possible) and ending in ~all when
 * it ended in +all, ?all or nothing. A root that delegates its ending to a redirect keeps it.
 */
export function correctedSpf(root: SpfNode): CorrectedSpf | undefined {
  if (root.status !== 'ok' || !root.record) return undefined;
  const changes: string[] = [];
  let records = [{ name: root.domain, value: root.record }];
  let unflattenable: string | undefined;
  if (totalLookups(root) > LOOKUP_LIMIT) {
    const flat = flattenToLimit(root, LOOKUP_LIMIT);
    if (flat.ok) {
      records = flat.suggestion.records;
      changes.push(`${flat.suggestion.flattened.join(', ')} replaced by the addresses they authorise today (${flat.suggestion.lookups} lookups; re-check monthly, providers change addresses)`);
    } else unflattenable = flat.reason;
  }
  const end = finalAll(root);
  const delegated = !end && root.terms.some((t) => t.kind === 'redirect');
  if (!delegated && (!end || (end.node === root && (end.term.qualifier === '+' || end.term.qualifier === '?')))) {
    records[0] = { ...records[0], value: withSafeAll(records[0].value) };
    changes.push(end ? `${end.term.text} replaced by ~all` : '~all added');
  }
  return { records, changes, ...(unflattenable ? { unflattenable } : {}) };
}

/** "Publish this record (what changed):" and the records, one a line, as a DNS provider's form asks for them. */
export function spfFixText(fix: CorrectedSpf): string {
  const lines = fix.records.map((r) => `  ${r.name}  TXT  "${r.value}"`).join('\n');
  return `Publish ${fix.records.length === 1 ? 'this record' : 'these records'} (${fix.changes.join('; ')}):\n${lines}`;
}

/** One record from several: every distinct term once, a single `~all` at the end. */
export function mergeSpf(records: readonly string[]): string {
  const terms: string[] = [];
  for (const r of records) for (const t of r.split(' ').slice(1)) if (t !== '' && !/^[+?~-]?all$/i.test(t) && !terms.includes(t)) terms.push(t);
  return ['v=spf1', ...terms, '~all'].join(' ');
}

export function starterDmarc(domain: string): string {
  return `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}; fo=1`;
}

/** The record moved to `p=quarantine` (its other tags kept, `sp=none` and `pct` dropped, `rua` added if missing). */
export function enforcedDmarc(record: string, domain: string): string {
  const parsed = parseDmarcRecord(record);
  const kept = record
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '' && !/^(v|p|sp|pct|t)\s*=/i.test(t));
  const rua = parsed.rua.length > 0 ? [] : [`rua=mailto:dmarc-reports@${domain}`];
  return ['v=DMARC1', 'p=quarantine', ...kept, ...rua].join('; ');
}
