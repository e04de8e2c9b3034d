/**
 * A corrected SPF record that fits under the lookup limit (RFC 7208 §4.6.4), built from the walked
 * tree. The most expensive includes are replaced by the addresses they authorise today ("flattening"),
 * only when that keeps the meaning: every term of the include is a pass for fixed addresses. What
 * stays an include keeps following the provider's changes; what is flattened must be refreshed.
 */
import { finalAll, totalLookups, type SpfNode, type SpfTermInfo } from './walk.js';

export interface SpfSuggestion {
  /** The domain's record first, then helper records it includes when the addresses do not fit in one. */
  records: Array<{ name: string; value: string }>;
  lookups: number;
  /** The terms replaced by addresses. */
  flattened: string[];
}

/** `fits`: the record is already under the limit, nothing to flatten. */
export type FlattenOutcome = { ok: true; suggestion: SpfSuggestion } | { ok: false; reason: string; fits?: true };

/** RFC 7208 §3.4 advises keeping a record small enough for one 512-byte UDP answer; 450 leaves room for the rest. */
export const MAX_RECORD_BYTES = 450;

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

const LOOKUP_KINDS = /^[+?~-]?(include:|a(?=$|[:/])|mx(?=$|[:/])|ptr(?=$|:)|exists:|redirect=)/i;

/**
 * `record` is the root's record, possibly edited (terms dropped or corrected): its terms that the
 * walk followed are costed from the tree, the others as one lookup each, and never flattened.
 */
export function flattenToLimit(root: SpfNode, limit = 10, record = root.record): FlattenOutcome {
  if (root.status !== 'ok' || !record) return { ok: false, reason: 'the domain has no single valid SPF record to start from' };
  const children = childrenByTerm(root);
  // Receivers never look past `all`, and ignore a redirect next to one (§6.1): those terms are left out.
  const written = record.split(' ').slice(1).filter((t) => t !== '');
  const allAt = written.findIndex((t) => /^[+?~-]?all$/i.test(t));
  const texts = allAt < 0 ? written : written.filter((t, i) => (i <= allAt || /^exp=/i.test(t)) && !/^redirect=/i.test(t));
  const units = texts
    .map((text) => {
      const term = root.terms.find((t) => t.text === text);
      if (!term) return { text, cost: LOOKUP_KINDS.test(text) ? 1 : 0, addresses: undefined };
      return { text, term, cost: term.lookups + (children.has(term) ? totalLookups(children.get(term) as SpfNode) : 0), addresses: termAddresses(term, children.get(term)) };
    })
    .filter((u) => u.cost > 0);
  const before = units.reduce((n, u) => n + u.cost, 0);
  if (before <= limit) return { ok: false, fits: true, reason: `the record already needs only ${before} lookups` };

  /** The records to publish when `flattened` terms are replaced by their addresses, and the lookups they need. */
  const build = (flattened: ReadonlySet<string>): SpfSuggestion => {
    const kept: string[] = [];
    const tail: string[] = [];
    const addresses: string[] = [];
    for (const text of texts) {
      if (/^[+?~-]?all$/i.test(text) || /^exp=/i.test(text)) tail.push(text);
      else if (!flattened.has(text)) kept.push(text);
      else for (const a of units.find((u) => u.text === text)?.addresses ?? []) if (!addresses.includes(a)) addresses.push(a);
    }
    const redirectFlattened = [...flattened].some((t) => /^redirect=/i.test(t));
    const ending = redirectFlattened && !tail.some((t) => /all$/i.test(t)) ? finalAll(root)?.term.text : undefined;
    if (ending) tail.unshift(ending);
    const lookups = units.filter((u) => !flattened.has(u.text)).reduce((n, u) => n + u.cost, 0);
    const single = ['v=spf1', ...kept, ...addresses, ...tail].join(' ');
    if (single.length <= MAX_RECORD_BYTES) return { records: [{ name: root.domain, value: single }], lookups, flattened: [...flattened] };
    const helpers = chunk(addresses).map((terms, i) => ({ name: `_spf${i + 1}.${root.domain}`, value: ['v=spf1', ...terms].join(' ') }));
    const main = ['v=spf1', ...kept, ...helpers.map((h) => `include:${h.name}`), ...tail].join(' ');
    return { records: [{ name: root.domain, value: main }, ...helpers], lookups: lookups + helpers.length, flattened: [...flattened] };
  };

  // Flatten the most expensive includes first, and no more than needed: what stays an include keeps following the provider.
  const flattened = new Set<string>();
  let suggestion = build(flattened);
  for (const u of units.filter((x) => x.addresses).sort((a, b) => b.cost - a.cost)) {
    if (suggestion.lookups <= limit) break;
    flattened.add(u.text);
    suggestion = build(flattened);
  }
  if (suggestion.lookups <= limit) return { ok: true, suggestion };
  const blocking = units.filter((u) => !u.addresses).map((u) => u.text);
  return {
    ok: false,
    reason:
      blocking.length > 0
        ? `${blocking.join(', ')} cannot be replaced by fixed addresses (their records use sender-dependent macros, ptr, exists or non-pass terms, or could not all be read), and the rest still needs ${suggestion.lookups} lookups`
        : `even with every include replaced by addresses, the record needs ${suggestion.lookups} lookups`,
  };
}

/**
 * A record over MAX_RECORD_BYTES with its address terms moved to helper records it includes, when
 * that keeps the meaning (every term before `all` is a pass, so their order does not matter) and
 * the helpers' lookups still fit under `limit`. undefined: not possible, or not needed.
 */
export function splitLongRecord(root: SpfNode, limit = 10): Array<{ name: string; value: string }> | undefined {
  const record = root.record;
  if (root.status !== 'ok' || !record || Buffer.byteLength(record) <= MAX_RECORD_BYTES) return undefined;
  const terms = record.split(' ').slice(1).filter((t) => t !== '');
  const tail = terms.filter((t) => /^[+?~-]?all$/i.test(t) || /^exp=/i.test(t));
  const body = terms.filter((t) => !tail.includes(t));
  if (body.some((t) => /^[-~?]/.test(t) || /^redirect=/i.test(t))) return undefined;
  const addresses = body.filter((t) => /^\+?ip[46]:/i.test(t));
  const helpers = chunk(addresses).map((chunkTerms, i) => ({ name: `_spf${i + 1}.${root.domain}`, value: ['v=spf1', ...chunkTerms].join(' ') }));
  if (addresses.length === 0 || totalLookups(root) + helpers.length > limit) return undefined;
  const main = ['v=spf1', ...body.filter((t) => !addresses.includes(t)), ...helpers.map((h) => `include:${h.name}`), ...tail].join(' ');
  return [{ name: root.domain, value: main }, ...helpers];
}
