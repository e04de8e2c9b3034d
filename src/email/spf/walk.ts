/**
 * Static analysis of a domain's SPF: the whole include/redirect tree as receivers would walk it for
 * a sender that matches nothing (the worst case, and the usual one for a spoofer), with the DNS
 * lookups each term costs under RFC 7208 §4.6.4, the void lookups, loops and missing targets. The
 * result is plain data (part of the email artifact), so checks and the flattening advice stay pure.
 */
import { isVoid, normaliseName, type MailResolver } from '../resolver.js';
import { isCheckableDomain } from './check-host.js';
import { expandMacros, fitDomain, isStatic, type MacroToken } from './macro.js';
import { parseSpfRecord, spfRecordsOf, type MechanismKind, type Qualifier, type SpfProblem } from './record.js';

export interface SpfTermInfo {
  text: string;
  kind: MechanismKind | 'redirect';
  qualifier?: Qualifier;
  /** 1 for include, a, mx, ptr, exists and redirect; 0 for the rest (§4.6.4). */
  lookups: number;
  /** The domain the term looks up, when it is the same for every sender. */
  target?: string;
  /** The target depends on the sender (macros such as %{i} or %{l}): counted, not followed. */
  dynamic?: boolean;
  /** The lookup found nothing (NXDOMAIN or no records): a void lookup. */
  void?: boolean;
  /** a/mx: the addresses the term stands for today. */
  addresses?: string[];
  /** ip4/ip6 and a/mx prefix lengths, kept for flattening. */
  network?: string;
  cidr4?: number;
  cidr6?: number;
  /** A lookup that failed, or an mx with more than 10 hosts. */
  problem?: string;
}

export type SpfNodeStatus = 'ok' | 'none' | 'multiple' | 'error' | 'loop' | 'not-followed';

export interface SpfNode {
  domain: string;
  via: 'root' | 'include' | 'redirect';
  /** The parent's term that led here. */
  term?: string;
  status: SpfNodeStatus;
  /** none: why there is no record. */
  missing?: 'nxdomain' | 'nodata' | 'no-spf' | 'bad-name';
  /** error / not-followed: what went wrong. */
  problem?: string;
  record?: string;
  /** multiple: every v=spf1 record found. */
  records?: string[];
  /** Bytes of all TXT strings at the name: what a query for the SPF record returns (RFC 7208 §3.4). */
  txtBytes?: number;
  errors: SpfProblem[];
  warnings: SpfProblem[];
  /** Terms in record order, up to and including `all` (receivers never look past it). */
  terms: SpfTermInfo[];
  children: SpfNode[];
}

/** The walk stops following includes after this many lookups or this depth: a hostile tree ends. */
const WALK_LOOKUP_CAP = 40;
const WALK_DEPTH_CAP = 20;
const MX_NAME_LIMIT = 10;

function nodeOf(domain: string, via: SpfNode['via'], term: string | undefined, status: SpfNodeStatus): SpfNode {
  return { domain, via, ...(term ? { term } : {}), status, errors: [], warnings: [], terms: [], children: [] };
}

class Walker {
  private counted = 0;

  constructor(
    private readonly dns: MailResolver,
    private readonly root: string,
  ) {}

  /** Expands a target that only uses %{d}/%{o}; undefined when it depends on the sender. */
  private async staticTarget(tokens: readonly MacroToken[], domain: string): Promise<string | undefined> {
    if (!isStatic(tokens)) return undefined;
    const ctx = {
      sender: `postmaster@${this.root}`,
      localPart: 'postmaster',
      senderDomain: this.root,
      domain,
      ip: { family: 4 as const, bytes: [0, 0, 0, 0] },
      helo: this.root,
      now: new Date(0),
      validatedName: async () => 'unknown',
    };
    return normaliseName(fitDomain(await expandMacros(tokens, ctx)));
  }

  private async addressesOf(name: string): Promise<{ addresses: string[]; void: boolean; problem?: string }> {
    const [a, aaaa] = await Promise.all([this.dns.lookup(name, 'A'), this.dns.lookup(name, 'AAAA')]);
    const failed = [a, aaaa].find((x) => x.kind === 'error');
    const addresses = [...(a.kind === 'records' ? a.records : []), ...(aaaa.kind === 'records' ? aaaa.records : [])];
    return { addresses, void: isVoid(a) && isVoid(aaaa), ...(failed?.kind === 'error' ? { problem: `${name}: ${failed.message}` } : {}) };
  }

  async node(domain: string, via: SpfNode['via'], term: string | undefined, ancestors: readonly string[]): Promise<SpfNode> {
    if (ancestors.includes(domain)) return { ...nodeOf(domain, via, term, 'loop'), problem: `${[...ancestors, domain].join(' → ')}` };
    if (ancestors.length > WALK_DEPTH_CAP || this.counted > WALK_LOOKUP_CAP) {
      return { ...nodeOf(domain, via, term, 'not-followed'), problem: `the tree is over ${WALK_LOOKUP_CAP} lookups or ${WALK_DEPTH_CAP} levels deep` };
    }
    if (!isCheckableDomain(domain)) return { ...nodeOf(domain, via, term, 'none'), missing: 'bad-name' };
    const txt = await this.dns.lookup(domain, 'TXT');
    if (txt.kind === 'error') return { ...nodeOf(domain, via, term, 'error'), problem: txt.message };
    if (txt.kind !== 'records') return { ...nodeOf(domain, via, term, 'none'), missing: txt.kind };
    const txtBytes = txt.records.flat().reduce((n, s) => n + Buffer.byteLength(s), 0);
    const records = spfRecordsOf(txt.records);
    if (records.length === 0) return { ...nodeOf(domain, via, term, 'none'), missing: 'no-spf', txtBytes };
    if (records.length > 1) return { ...nodeOf(domain, via, term, 'multiple'), records, txtBytes };

    const parsed = parseSpfRecord(records[0]);
    const node: SpfNode = { ...nodeOf(domain, via, term, 'ok'), record: records[0], txtBytes, errors: parsed.errors, warnings: parsed.warnings };
    const path = [...ancestors, domain];
    const allAt = parsed.mechanisms.findIndex((m) => m.kind === 'all');
    for (const m of allAt >= 0 ? parsed.mechanisms.slice(0, allAt + 1) : parsed.mechanisms) {
      const info: SpfTermInfo = { text: m.text, kind: m.kind, qualifier: m.qualifier, lookups: 0 };
      if (m.network !== undefined) info.network = m.network;
      if (m.cidr4 !== undefined) info.cidr4 = m.cidr4;
      if (m.cidr6 !== undefined) info.cidr6 = m.cidr6;
      node.terms.push(info);
      if (m.kind === 'all' || m.kind === 'ip4' || m.kind === 'ip6') continue;
      info.lookups = 1;
      this.counted++;
      const target = m.target ? await this.staticTarget(m.target, domain) : domain;
      if (target === undefined) {
        info.dynamic = true;
        continue;
      }
      info.target = target;
      if (m.kind === 'include') node.children.push(await this.node(target, 'include', m.text, path));
      else if (m.kind === 'a') {
        const found = await this.addressesOf(target);
        info.addresses = found.addresses;
        if (found.void) info.void = true;
        if (found.problem) info.problem = found.problem;
      }
      else if (m.kind === 'mx') await this.mx(info, target);
      else if (m.kind === 'exists') {
        // §5.7: exists asks for A records only; a fixed name that has none is a void lookup for every sender.
        const a = await this.dns.lookup(target, 'A');
        if (a.kind === 'error') info.problem = `${target}: ${a.message}`;
        else if (isVoid(a)) info.void = true;
      }
    }
    if (parsed.redirect && allAt < 0) {
      this.counted++;
      const target = await this.staticTarget(parsed.redirect.value, domain);
      node.terms.push({ text: parsed.redirect.text, kind: 'redirect', lookups: 1, ...(target ? { target } : { dynamic: true }) });
      if (target) node.children.push(await this.node(target, 'redirect', parsed.redirect.text, path));
    }
    return node;
  }

  private async mx(info: SpfTermInfo, target: string): Promise<void> {
    const mx = await this.dns.lookup(target, 'MX');
    if (mx.kind === 'error') {
      info.problem = `${target}: ${mx.message}`;
      return;
    }
    if (mx.kind !== 'records') {
      info.void = true;
      return;
    }
    const hosts = mx.records.filter((r) => r.exchange !== '' && r.exchange !== '.');
    if (hosts.length > MX_NAME_LIMIT) info.problem = `${target} has ${hosts.length} MX hosts; SPF looks at no more than ${MX_NAME_LIMIT} (permerror)`;
    const found = await Promise.all(hosts.slice(0, MX_NAME_LIMIT).map((h) => this.addressesOf(h.exchange)));
    info.addresses = found.flatMap((f) => f.addresses);
    const failed = found.find((f) => f.problem);
    if (failed && !info.problem) info.problem = failed.problem;
  }
}

export function walkSpf(dns: MailResolver, domain: string): Promise<SpfNode> {
  const root = normaliseName(domain);
  return new Walker(dns, root).node(root, 'root', undefined, []);
}

/** DNS-querying terms in the whole tree: what counts against the limit of 10. */
export function totalLookups(node: SpfNode): number {
  return node.terms.reduce((n, t) => n + t.lookups, 0) + node.children.reduce((n, c) => n + totalLookups(c), 0);
}

/** Terms whose lookup came back empty, across the tree. */
export function voidTerms(node: SpfNode): Array<{ domain: string; term: string }> {
  return [...node.terms.filter((t) => t.void).map((t) => ({ domain: node.domain, term: t.text })), ...node.children.flatMap(voidTerms)];
}

/** Every node of the tree, root first. */
export function nodesOf(node: SpfNode): SpfNode[] {
  return [node, ...node.children.flatMap(nodesOf)];
}

/** The tree with its lookup counts, one node a line, for evidence. */
export function lookupTree(node: SpfNode, depth = 0): string[] {
  const own = node.terms.filter((t) => t.lookups > 0).map((t) => t.text);
  const label = depth === 0 ? node.domain : `${node.term} (${node.domain})`;
  const status = node.status === 'ok' ? '' : ` [${node.status}${node.problem ? `: ${node.problem}` : ''}]`;
  const line = `${'  '.repeat(depth)}${label}: ${totalLookups(node)} lookup${totalLookups(node) === 1 ? '' : 's'}${own.length ? ` — own: ${own.join(', ')}` : ''}${status}`;
  return [line, ...node.children.flatMap((c) => lookupTree(c, depth + 1))];
}

/**
 * The `all` that ends the root's evaluation: the root's own, or, when it has none, the one its
 * redirect chain ends on (RFC 7208 §6.1). undefined: no `all` anywhere in the chain.
 */
export function finalAll(node: SpfNode): { node: SpfNode; term: SpfTermInfo } | undefined {
  if (node.status !== 'ok') return undefined;
  const all = node.terms.find((t) => t.kind === 'all');
  if (all) return { node, term: all };
  const redirect = node.children.find((c) => c.via === 'redirect');
  return redirect ? finalAll(redirect) : undefined;
}
