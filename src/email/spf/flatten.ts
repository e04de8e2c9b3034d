/**
 * A corrected SPF record that fits under the lookup limit (RFC 7208 §4.6.4), built from the walked
 * tree. The most expensive includes are replaced by the addresses they authorise today ("flattening"),
 * only when that keeps the meaning: every term of the include is a pass for fixed addresses. What
 * stays an include keeps following the provider's changes; what is flattened must be refreshed.
 */
import { parseSpfRecord } from './record.js';
import { finalAll, totalLookups, type SpfNode, type SpfTermInfo } from './walk.js';

export interface SpfSuggestion {
  /** The domain's record first, then helper records it includes when the addresses do not fit in one. */
  records: Array<{ name: string; value: string }>;
  lookups: number;
  /** The terms replaced by addresses. */
  flattened: string[];
}

export type FlattenOutcome = { ok: true; suggestion: SpfSuggestion } | { ok: false; reason: string };

/** RFC 7208 §3.4 advises keeping a record small enough for one 512-byte UDP answer; 450 leaves room for the rest. */
const MAX_RECORD_BYTES = 450;

function cidrSuffix(family: 4 | 6, cidr: number | undefined): string {
  return cidr === undefined || cidr === (family === 4 ? 32 : 128) ? '' : `/${cidr}`;
}

function addressTerms(t: SpfTermInfo): string[] {
  return (t.addresses ?? []).map((a) => (a.includes(':') ? `ip6:${a}${cidrSuffix(6, t.cidr6)}` : `ip4:${a}${cidrSuffix(4, t.cidr4)}`));
}

/** The address terms a term stands for, or undefined when it cannot be written as addresses without changing its meaning. */
function termAddresses(t: SpfTermInfo, child: SpfNode | undefined): string[] | undefined {
  const pass = t.qualifier === undefined || t.qualifier === '+';
  switch (t.kind) {
    case 'ip4':
    case 'ip6':
      return pass ? [`${t.kind}:${t.network}${t.kind === 'ip4' ? cidrSuffix(4, t.cidr4) : cidrSuffix(6, t.cidr6)}`] : undefined;
    case 'a':
    case 'mx':
      return pass && !t.dynamic && !t.problem ? addressTerms(t) : undefined;
    case 'include':
    case 'redirect':
      return pass && child ? nodeAddresses(child) : undefined;
    default:
      return undefined;
  }
}

/** Every term of the record is a pass for fixed addresses (its `all` may be anything but a pass). */
function nodeAddresses(node: SpfNode): string[] | undefined {
  if (node.status !== 'ok' || node.errors.length > 0) return undefined;
  const out: string[] = [];
  const children = childrenByTerm(node);
  for (const t of node.terms) {
    if (t.kind === 'all') {
      if (t.qualifier === '+') return undefined;
      continue;
    }
    const found = termAddresses(t, children.get(t));
    if (!found) return undefined;
    out.push(...found);
  }
  return out;
}

/** Pairs include/redirect terms with the subtree walked for them (children are in term order). */
function childrenByTerm(node: SpfNode): Map<SpfTermInfo, SpfNode> {
  const map = new Map<SpfTermInfo, SpfNode>();
  const queue = [...node.children];
  for (const t of node.terms) if ((t.kind === 'include' || t.kind === 'redirect') && t.target && queue.length > 0) map.set(t, queue.shift() as SpfNode);
  return map;
}

/** Splits address terms into helper records of at most MAX_RECORD_BYTES each. */
function chunk(terms: string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const t of terms) {
    if (current.length > 0 && `v=spf1 ${[...current, t].join(' ')}`.length > MAX_RECORD_BYTES) {
      chunks.push(current);
      current = [];
    }
    current.push(t);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function flattenToLimit(root: SpfNode, limit = 10): FlattenOutcome {
  if (root.status !== 'ok' || !root.record) return { ok: false, reason: 'the domain has no single valid SPF record to start from' };
  const children = childrenByTerm(root);
  const units = root.terms
    .filter((t) => t.lookups > 0)
    .map((t) => ({ term: t, cost: 1 + (children.has(t) ? totalLookups(children.get(t) as SpfNode) : 0), addresses: termAddresses(t, children.get(t)) }));
  const before = units.reduce((n, u) => n + u.cost, 0);
  if (before <= limit) return { ok: false, reason: `the record already needs only ${before} lookups` };

  const exp = parseSpfRecord(root.record).exp?.text;
  /** The records to publish when `flattened` terms are replaced by their addresses, and the lookups they need. */
  const build = (flattened: ReadonlySet<SpfTermInfo>): SpfSuggestion => {
    const kept: string[] = [];
    const addresses: string[] = [];
    for (const t of root.terms) {
      if (t.kind === 'all') continue;
      if (!flattened.has(t)) kept.push(t.text);
      else for (const a of units.find((u) => u.term === t)?.addresses ?? []) if (!addresses.includes(a)) addresses.push(a);
    }
    const redirectFlattened = [...flattened].some((t) => t.kind === 'redirect');
    const all = root.terms.find((t) => t.kind === 'all')?.text ?? (redirectFlattened ? finalAll(root)?.term.text : undefined);
    const tail = [...(all ? [all] : []), ...(exp ? [exp] : [])];
    const lookups = units.filter((u) => !flattened.has(u.term)).reduce((n, u) => n + u.cost, 0);
    const text = [...flattened].map((t) => t.text);
    const single = ['v=spf1', ...kept, ...addresses, ...tail].join(' ');
    if (single.length <= MAX_RECORD_BYTES) return { records: [{ name: root.domain, value: single }], lookups, flattened: text };
    const helpers = chunk(addresses).map((terms, i) => ({ name: `_spf${i + 1}.${root.domain}`, value: ['v=spf1', ...terms].join(' ') }));
    const main = ['v=spf1', ...kept, ...helpers.map((h) => `include:${h.name}`), ...tail].join(' ');
    return { records: [{ name: root.domain, value: main }, ...helpers], lookups: lookups + helpers.length, flattened: text };
  };

  // Flatten the most expensive includes first, and no more than needed: what stays an include keeps following the provider.
  const flattened = new Set<SpfTermInfo>();
  let suggestion = build(flattened);
  for (const u of units.filter((x) => x.addresses).sort((a, b) => b.cost - a.cost)) {
    if (suggestion.lookups <= limit) break;
    flattened.add(u.term);
    suggestion = build(flattened);
  }
  if (suggestion.lookups <= limit) return { ok: true, suggestion };
  const blocking = units.filter((u) => !u.addresses).map((u) => u.term.text);
  return {
    ok: false,
    reason:
      blocking.length > 0
        ? `${blocking.join(', ')} cannot be replaced by fixed addresses (their records use sender-dependent macros, ptr, exists or non-pass terms, or could not all be read), and the rest still needs ${suggestion.lookups} lookups`
        : `even with every include replaced by addresses, the record needs ${suggestion.lookups} lookups`,
  };
}
