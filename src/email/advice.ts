/**
 * The SPF records a founder can paste: a starter record from the providers the domain visibly
 * uses, and the whole tree corrected at once (repaired, ending in ~all, flattened under 10 lookups).
 * DMARC, DKIM, MX and MTA-STS records are built next to their parsers.
 */
import type { EmailArtifact } from './artifact.js';
import { looksLikeDkim } from './dkim/record.js';
import { LOOKUP_LIMIT } from './spf/check-host.js';
import { publishText, type DnsRecordLine } from './record-line.js';
import { flattenToLimit } from './spf/flatten.js';
import { applyEdits, planRepairs, safeEnding } from './spf/repair.js';
import { nodesOf, totalLookups, type SpfNode } from './spf/walk.js';

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

/** SPF domains of common senders, for "did you mean" on an include that does not exist. */
export const KNOWN_SPF_INCLUDES: readonly string[] = [
  ...new Set([
    ...MX_PROVIDERS.map(([, include]) => include),
    ...Object.values(SELECTOR_PROVIDERS),
    'servers.mcsv.net',
    'spf.mandrillapp.com',
    'spf.brevo.com',
    'spf.sendinblue.com',
    '_spf.salesforce.com',
    'mail.zendesk.com',
  ]),
];

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

export interface CorrectedSpf {
  /** The domain's record first, then helper records and own records further down the tree. */
  records: DnsRecordLine[];
  /** What was changed, for the finding's text. */
  changes: string[];
  /** Why the lookup count could not be brought under the limit, when it could not. */
  unflattenable?: string;
}

/**
 * Every SPF record of the tree with every fix the checks ask for at once, so two findings never
 * hand out two different records to paste: syntax errors, broken, looping and +all includes, stale
 * void terms and ptr repaired (see spf/repair.ts); the root ending in ~all rather than +all, ?all
 * or nothing; and under 10 lookups, flattened when possible. undefined: nothing to change.
 */
export function correctedSpf(root: SpfNode): CorrectedSpf | undefined {
  if (root.status !== 'ok' || !root.record) return undefined;
  const plan = planRepairs(root);
  const changes: string[] = [];
  const rootEdits = plan.get(root) ?? { terms: new Map(), changes: [] };
  let rootRecord = applyEdits(root.record, rootEdits);
  changes.push(...rootEdits.changes);
  let records: DnsRecordLine[] = [];
  let unflattenable: string | undefined;
  let flattened: string[] = [];
  if (totalLookups(root) > LOOKUP_LIMIT) {
    const flat = flattenToLimit(root, LOOKUP_LIMIT, rootRecord);
    if (flat.ok) {
      flattened = flat.suggestion.flattened;
      [rootRecord] = flat.suggestion.records.map((r) => r.value);
      records = flat.suggestion.records.slice(1).map((r) => ({ ...r, type: 'TXT' }));
      const which = flattened.length === 1 ? 'it authorises' : 'they authorise';
      changes.push(`${flattened.join(', ')} replaced by the addresses ${which} today (${flat.suggestion.lookups} lookups; re-check monthly, providers change addresses)`);
    } else if (!flat.fits) unflattenable = flat.reason;
  }
  const ending = safeEnding(rootRecord);
  if (ending.change) changes.push(ending.change);
  if (ending.record !== root.record) records.unshift({ name: root.domain, type: 'TXT', value: ending.record });
  // Records below a flattened include are no longer looked up: editing them would change nothing.
  const gone = new Set(root.children.filter((c) => c.term && flattened.includes(c.term)).flatMap(nodesOf));
  for (const [node, edits] of plan) {
    if (node === root || gone.has(node) || !node.record) continue;
    let value = applyEdits(node.record, edits);
    changes.push(...edits.changes);
    if (edits.safeEnding) {
      const end = safeEnding(value);
      value = end.record;
      if (end.change) changes.push(`${node.domain}: ${end.change}`);
    }
    if (value !== node.record) records.push({ name: node.domain, type: 'TXT', value });
  }
  if (changes.length === 0 && !unflattenable) return undefined;
  return { records, changes: [...new Set(changes)], ...(unflattenable ? { unflattenable } : {}) };
}

/** The records to publish, one a line as a DNS provider's form asks for them, then what changed and why. */
export function spfFixText(fix: CorrectedSpf): string {
  const lines: string[] = [];
  if (fix.changes.length > 0) lines.push(publishText(`Publish ${fix.records.length === 1 ? 'this record' : 'these records'}`, fix.records), `What changed: ${fix.changes.join('; ')}.`);
  if (fix.unflattenable) lines.push(`It stays over ${LOOKUP_LIMIT} lookups and cannot be flattened automatically: ${fix.unflattenable}. Remove includes of services you no longer send with.`);
  return lines.join('\n');
}

/** The corrected SPF records as a finding's remediation; undefined when there is nothing to correct. */
export function spfRemediation(root: SpfNode): string | undefined {
  const fix = correctedSpf(root);
  return fix ? spfFixText(fix) : undefined;
}
