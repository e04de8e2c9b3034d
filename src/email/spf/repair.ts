/**
 * Term edits that make every SPF record of a walked tree valid again, placed where the domain
 * owner can make them: in the record that has the problem when it belongs to the domain's own
 * organisation, otherwise in the closest own record above it — usually, dropping the include of a
 * broken provider record (one that is a permerror for receivers anyway).
 */
import { didYouMean } from '../../config/did-you-mean.js';
import { organisationalDomain } from '../org-domain.js';
import { VOID_LOOKUP_LIMIT } from './check-host.js';
import { parseSpfRecord } from './record.js';
import { finalAll, nodesOf, voidTerms, type SpfNode } from './walk.js';

export interface NodeEdits {
  /** Term text → replacement (undefined: drop it). */
  terms: Map<string, string | undefined>;
  /** A whole record replacing this one (merged duplicates). */
  record?: string;
  /** End the record in `~all` (the root, and the end of its redirect chain). */
  safeEnding?: boolean;
  /** What changed and why, for the finding's text. */
  changes: string[];
}

const ALL = /^[+?]?all$/i;
const MECHANISM_NAMES = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];

/** One record from several: every distinct term once, a single `~all` at the end. */
export function mergeSpf(records: readonly string[]): string {
  const terms: string[] = [];
  for (const r of records) for (const t of r.split(' ').slice(1)) if (t !== '' && !/^[+?~-]?all$/i.test(t) && !terms.includes(t)) terms.push(t);
  return ['v=spf1', ...terms, '~all'].join(' ');
}

/** An unknown mechanism that is a typo of a known one, corrected when the result parses. */
function typoFix(term: string): string | undefined {
  const m = /^([+?~-]?)([A-Za-z0-9]+)(.*)$/.exec(term);
  const hint = m ? didYouMean(m[2].toLowerCase(), MECHANISM_NAMES) : undefined;
  if (!m || !hint) return undefined;
  const fixed = `${m[1]}${hint}${m[3]}`;
  return parseSpfRecord(`v=spf1 ${fixed}`).errors.length === 0 ? fixed : undefined;
}

/** Applies edits to a record's text; a second `redirect=` or `exp=` (a permerror, §6) is always dropped. */
export function applyEdits(record: string, edits: NodeEdits): string {
  if (edits.record) return edits.record;
  const seen = new Set<string>();
  const out = ['v=spf1'];
  for (const term of record.split(' ').slice(1).filter((t) => t !== '')) {
    const replacement = edits.terms.has(term) ? edits.terms.get(term) : term;
    if (replacement === undefined) continue;
    const modifier = /^(redirect|exp)=/i.exec(replacement)?.[1].toLowerCase();
    if (modifier && seen.has(modifier)) continue;
    if (modifier) seen.add(modifier);
    out.push(replacement);
  }
  return out.join(' ');
}

class Planner {
  readonly edits = new Map<SpfNode, NodeEdits>();
  private readonly parents = new Map<SpfNode, SpfNode>();
  private readonly org: string;

  constructor(private readonly root: SpfNode) {
    this.org = organisationalDomain(root.domain);
    for (const n of nodesOf(root)) for (const c of n.children) this.parents.set(c, n);
  }

  own(n: SpfNode): boolean {
    return n === this.root || organisationalDomain(n.domain) === this.org;
  }

  private editsOf(n: SpfNode): NodeEdits {
    let e = this.edits.get(n);
    if (!e) this.edits.set(n, (e = { terms: new Map(), changes: [] }));
    return e;
  }

  edit(n: SpfNode, term: string, replacement: string | undefined, why: string): void {
    const e = this.editsOf(n);
    if (e.terms.has(term)) return;
    e.terms.set(term, replacement);
    e.changes.push(why);
  }

  note(n: SpfNode, why: string): void {
    this.editsOf(n).changes.push(why);
  }

  endSafely(n: SpfNode): void {
    this.editsOf(n).safeEnding = true;
  }

  replaceRecord(n: SpfNode, record: string, why: string): void {
    const e = this.editsOf(n);
    e.record = record;
    e.changes.push(why);
  }

  /** Drops, from the closest own record above `n`, the term that leads down to it. */
  dropToward(n: SpfNode, why: string): void {
    let child = n;
    let parent = this.parents.get(n);
    while (parent && !this.own(parent)) {
      child = parent;
      parent = this.parents.get(parent);
    }
    if (!parent || !child.term) return;
    // Someone else's record: theirs to repair, and the term can come back once they have.
    const theirs = this.own(child) ? '' : `; ask the owner of ${child.domain} to fix it, then put it back`;
    // A redirect is the whole rest of the policy: keep the provider's servers with an include, and end here.
    if (child.via === 'redirect' && child.status === 'ok' && finalAll(child)?.term.qualifier !== '+') {
      this.edit(parent, child.term, `include:${child.domain} ~all`, `${child.term} replaced by include:${child.domain} ~all (${why})`);
    } else this.edit(parent, child.term, undefined, `${child.term} removed (${why}${theirs})`);
  }
}

function planNode(p: Planner, n: SpfNode, overVoidLimit: boolean): void {
  if (n.via !== 'root' && (n.status === 'none' || n.status === 'loop')) {
    p.dropToward(n, n.status === 'loop' ? 'it loops back' : `${n.domain} has no SPF record`);
    return;
  }
  if (n.via !== 'root' && n.status === 'multiple') {
    if (p.own(n)) p.replaceRecord(n, mergeSpf(n.records ?? []), `${n.domain}'s ${n.records?.length} SPF records merged into one`);
    else p.dropToward(n, `${n.domain} has more than one SPF record`);
    return;
  }
  if (n.status !== 'ok' || !n.record) return;
  const all = n.terms.find((t) => t.kind === 'all');
  const endsChain = n.via === 'redirect' && !n.children.some((c) => c.via === 'redirect');
  const weakEnd = !all || all.qualifier === '+' || all.qualifier === '?';
  if (!p.own(n)) {
    if (n.errors.length > 0) p.dropToward(n, `${n.domain}'s record has a syntax error`);
    // A provider's record that lets every address pass makes the include do the same.
    else if (n.via === 'include' && all?.qualifier === '+') p.dropToward(n, `it ends in ${all.text}`);
    else if (endsChain && weakEnd) p.dropToward(n, all ? `it ends in ${all.text}` : 'it has no "all"');
    return;
  }
  for (const e of n.errors.filter((x) => x.code !== 'duplicate-modifier')) {
    const fixed = e.code === 'unknown-mechanism' ? typoFix(e.term) : undefined;
    p.edit(n, e.term, fixed, fixed ? `${e.term} corrected to ${fixed}` : `${e.term} removed (not valid SPF)`);
  }
  if (n.errors.some((x) => x.code === 'duplicate-modifier')) p.note(n, 'the second redirect= or exp= removed');
  for (const w of n.warnings) {
    if (w.code === 'terms-after-all') for (const t of w.term.split(' ')) p.edit(n, t, undefined, `${w.term} removed (never evaluated after ${all?.text ?? 'all'})`);
    else if (w.code === 'redirect-ignored') p.edit(n, w.term, undefined, `${w.term} removed (ignored next to ${all?.text ?? 'all'})`);
    else {
      const name = /^([^=]+)=/.exec(w.term)?.[1] ?? '';
      // A misspelt modifier is corrected only where the right one would take effect (a redirect next to "all" never does).
      const hint = didYouMean(name, all ? ['exp'] : ['redirect', 'exp']);
      const parsed = parseSpfRecord(n.record);
      const fixed = hint && !(hint === 'exp' ? parsed.exp : parsed.redirect) ? `${hint}=${w.term.slice(name.length + 1)}` : undefined;
      p.edit(n, w.term, fixed, fixed ? `${w.term} corrected to ${fixed}` : `${w.term} removed (receivers ignore it)`);
    }
  }
  for (const t of n.terms) {
    if (t.kind === 'ptr') p.edit(n, t.text, undefined, `${t.text} removed (deprecated: add ip4:/ip6: terms for any server that only passed through it)`);
    if (t.void && overVoidLimit) p.edit(n, t.text, undefined, `${t.text} removed (${t.target ?? n.domain} has no address)`);
  }
  if (n.via === 'include' && all?.qualifier === '+') p.edit(n, all.text, '~all', `${all.text} in ${n.domain} replaced by ~all`);
  if (n.via === 'root' || (endsChain && weakEnd)) p.endSafely(n);
}

/** Edits for every record of the tree that needs one, root first. */
export function planRepairs(root: SpfNode): Map<SpfNode, NodeEdits> {
  const p = new Planner(root);
  const overVoidLimit = voidTerms(root).length > VOID_LOOKUP_LIMIT;
  for (const n of nodesOf(root)) planNode(p, n, overVoidLimit);
  return p.edits;
}

/** The root's own ending after its edits: `+all`, `?all` and bare `all` become `~all`; none (and no redirect) gets one. */
export function safeEnding(record: string): { record: string; change?: string } {
  const terms = record.split(' ');
  const i = terms.findIndex((t) => /^[+?~-]?all$/i.test(t));
  if (i >= 0) {
    if (!ALL.test(terms[i])) return { record };
    const was = terms[i];
    terms[i] = '~all';
    return { record: terms.join(' '), change: `${was} replaced by ~all` };
  }
  if (terms.some((t) => /^redirect=/i.test(t))) return { record };
  return { record: `${record} ~all`, change: '~all added' };
}
