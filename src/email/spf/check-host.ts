/**
 * RFC 7208 `check_host()`: the verdict a receiving mail server reaches for one connection (client
 * IP, MAIL FROM, HELO). Follows §4 (record lookup and selection), §5 (mechanisms), §6 (redirect and
 * exp), §7 (macros) and the processing limits of §4.6.4: at most 10 DNS-querying terms, 2 void
 * lookups, 10 MX names per `mx` and 10 PTR names per `ptr`. Every path ends: recursion goes through
 * include/redirect only, and each of those counts against the limit of 10.
 */
import { isVoid, normaliseName, type MailResolver } from '../resolver.js';
import { inNetwork, parseIp, parseIpv6Network, reverseName, type IpAddress } from './ip.js';
import { expandMacros, fitDomain, parseMacroString, type MacroContext, type MacroToken } from './macro.js';
import { parseSpfRecord, spfRecordsOf, type Mechanism, type Modifier, type Qualifier } from './record.js';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export const LOOKUP_LIMIT = 10;
export const VOID_LOOKUP_LIMIT = 2;
const MX_NAME_LIMIT = 10;
const PTR_NAME_LIMIT = 10;

export interface SpfQuery {
  /** The SMTP client's address. */
  ip: string;
  /** MAIL FROM; '' for the null reverse-path (bounces), when the HELO identity is checked instead (§2.4). */
  sender: string;
  helo?: string;
  /** The receiving host's domain, for `%{r}` in explanations. */
  receiver?: string;
  now?: Date;
}

export interface SpfVerdict {
  result: SpfResult;
  /** The domain whose record decided (the redirect target when one was followed). */
  domain: string;
  /** The term that matched at the top level, e.g. `-all` or `include:_spf.example.com`. */
  mechanism?: string;
  /** Why: for permerror, temperror, none and the default neutral. */
  reason?: string;
  /** The domain's own explanation of a fail (the `exp=` modifier, §6.2), macros expanded. */
  explanation?: string;
  lookups: number;
  voidLookups: number;
  /** What was looked at, in order, indented by include/redirect depth. */
  trace: string[];
}

const RESULT_OF: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** Ends the whole evaluation: limits exceeded, syntax errors, DNS failures. */
class Abort extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    reason: string,
  ) {
    super(reason);
  }
}

interface HostResult {
  result: SpfResult;
  domain: string;
  mechanism?: string;
  reason?: string;
  /** The exp= of the record that failed, evaluated only if the fail reaches the top (§6.2). */
  exp?: { modifier: Modifier; domain: string };
}

/** §4.3: a name check_host() can evaluate: several labels, none empty or longer than 63 octets. */
export function isCheckableDomain(name: string): boolean {
  const labels = name.replace(/\.$/, '').split('.');
  return name.length <= 253 && labels.length >= 2 && labels.every((l) => l.length >= 1 && l.length <= 63);
}

class Evaluation {
  lookups = 0;
  voids = 0;
  readonly trace: string[] = [];
  private validated?: Promise<{ names: string[]; void: boolean }>;

  constructor(
    private readonly dns: MailResolver,
    private readonly ip: IpAddress,
    private readonly identity: Omit<MacroContext, 'domain' | 'ip' | 'validatedName'>,
  ) {}

  private note(depth: number, line: string): void {
    this.trace.push(`${'  '.repeat(depth)}${line}`);
  }

  private countLookup(term: string): void {
    this.lookups++;
    // §4.6.4: "more than 10 ... MUST return permerror".
    if (this.lookups > LOOKUP_LIMIT) throw new Abort('permerror', `more than ${LOOKUP_LIMIT} DNS lookups (the 11th was "${term}")`);
  }

  private countVoid(term: string): void {
    this.voids++;
    if (this.voids > VOID_LOOKUP_LIMIT) throw new Abort('permerror', `more than ${VOID_LOOKUP_LIMIT} void lookups (the 3rd was "${term}")`);
  }

  private context(domain: string): MacroContext {
    return { ...this.identity, domain, ip: this.ip, validatedName: () => this.validatedName(domain) };
  }

  private async expandDomain(tokens: readonly MacroToken[], domain: string): Promise<string> {
    return normaliseName(fitDomain(await expandMacros(tokens, this.context(domain))));
  }

  /** Addresses of the client's family; DNS failures end the evaluation with temperror (§5). */
  private async addresses(name: string, term: string): Promise<string[] | 'void'> {
    const answer = await this.dns.lookup(name, this.ip.family === 4 ? 'A' : 'AAAA');
    if (answer.kind === 'error') throw new Abort('temperror', `"${term}": looking up ${name} failed (${answer.message})`);
    return answer.kind === 'records' ? answer.records : 'void';
  }

  private matchesAny(addresses: readonly string[], cidr4 = 32, cidr6 = 128): boolean {
    return addresses.some((a) => {
      const parsed = parseIp(a);
      return parsed !== undefined && inNetwork(this.ip, parsed, parsed.family === 4 ? cidr4 : cidr6);
    });
  }

  /** §5.5: names the IP's PTR records give whose own addresses include the IP (the first 10 only). */
  private validatedNames(): Promise<{ names: string[]; void: boolean }> {
    this.validated ??= (async () => {
      const ptr = await this.dns.lookup(reverseName(this.ip), 'PTR');
      if (ptr.kind !== 'records') return { names: [], void: isVoid(ptr) };
      const names: string[] = [];
      for (const name of ptr.records.slice(0, PTR_NAME_LIMIT)) {
        const answer = await this.dns.lookup(name, this.ip.family === 4 ? 'A' : 'AAAA');
        // §5.5: a DNS error on one name skips that name.
        if (answer.kind === 'records' && this.matchesAny(answer.records)) names.push(normaliseName(name));
      }
      return { names, void: false };
    })();
    return this.validated;
  }

  /** `%{p}` (§7.3): the domain itself if validated, else a subdomain of it, else any, else "unknown". */
  private async validatedName(domain: string): Promise<string> {
    const { names } = await this.validatedNames();
    return names.find((n) => n === domain) ?? names.find((n) => n.endsWith(`.${domain}`)) ?? names[0] ?? 'unknown';
  }

  private async matches(m: Mechanism, domain: string, depth: number): Promise<boolean> {
    switch (m.kind) {
      case 'all':
        return true;
      case 'ip4':
        return inNetwork(this.ip, parseIp(m.network as string) as IpAddress, m.cidr4 ?? 32);
      case 'ip6':
        return inNetwork(this.ip, parseIpv6Network(m.network as string), m.cidr6 ?? 128);
      case 'include': {
        this.countLookup(m.text);
        const target = await this.expandDomain(m.target as MacroToken[], domain);
        const inner = await this.host(target, depth + 1);
        // §5.2: an include target without a record is a permerror, not a non-match.
        if (inner.result === 'none') throw new Abort('permerror', `"${m.text}": ${target} has no SPF record`);
        return inner.result === 'pass';
      }
      case 'a': {
        this.countLookup(m.text);
        const name = m.target ? await this.expandDomain(m.target, domain) : domain;
        const found = await this.addresses(name, m.text);
        if (found === 'void') {
          this.countVoid(m.text);
          return false;
        }
        return this.matchesAny(found, m.cidr4, m.cidr6);
      }
      case 'mx': {
        this.countLookup(m.text);
        const name = m.target ? await this.expandDomain(m.target, domain) : domain;
        const mx = await this.dns.lookup(name, 'MX');
        if (mx.kind === 'error') throw new Abort('temperror', `"${m.text}": looking up the MX of ${name} failed (${mx.message})`);
        if (mx.kind !== 'records') {
          this.countVoid(m.text);
          return false;
        }
        // A Null MX (RFC 7505) names no host; the rest in preference order, at most 10 of them (§4.6.4).
        const hosts = mx.records.filter((r) => r.exchange !== '' && r.exchange !== '.').sort((a, b) => a.priority - b.priority);
        for (const [i, host] of hosts.entries()) {
          if (i >= MX_NAME_LIMIT) throw new Abort('permerror', `"${m.text}": ${name} has more than ${MX_NAME_LIMIT} MX hosts`);
          const found = await this.addresses(host.exchange, m.text);
          if (found !== 'void' && this.matchesAny(found, m.cidr4, m.cidr6)) return true;
        }
        return false;
      }
      case 'ptr': {
        this.countLookup(m.text);
        const target = m.target ? await this.expandDomain(m.target, domain) : domain;
        const { names, void: empty } = await this.validatedNames();
        if (empty) this.countVoid(m.text);
        return names.some((n) => n === target || n.endsWith(`.${target}`));
      }
      case 'exists': {
        this.countLookup(m.text);
        const name = await this.expandDomain(m.target as MacroToken[], domain);
        // §5.7: always an A query, whatever the client's address family.
        const answer = await this.dns.lookup(name, 'A');
        if (answer.kind === 'error') throw new Abort('temperror', `"${m.text}": looking up ${name} failed (${answer.message})`);
        if (answer.kind !== 'records') {
          this.countVoid(m.text);
          return false;
        }
        return true;
      }
    }
  }

  async host(rawDomain: string, depth: number): Promise<HostResult> {
    const domain = normaliseName(fitDomain(rawDomain));
    if (!isCheckableDomain(domain)) return { result: 'none', domain, reason: `"${rawDomain}" is not a multi-label domain name (RFC 7208 §4.3)` };
    const txt = await this.dns.lookup(domain, 'TXT');
    if (txt.kind === 'error') throw new Abort('temperror', `looking up the TXT records of ${domain} failed (${txt.message})`);
    const records = txt.kind === 'records' ? spfRecordsOf(txt.records) : [];
    if (records.length === 0) {
      this.note(depth, `${domain}: no SPF record`);
      return { result: 'none', domain, reason: txt.kind === 'nxdomain' ? `${domain} does not exist` : `${domain} publishes no SPF record` };
    }
    if (records.length > 1) throw new Abort('permerror', `${domain} publishes ${records.length} SPF records; there must be exactly one (RFC 7208 §4.5)`);
    const record = parseSpfRecord(records[0]);
    this.note(depth, `${domain}: "${records[0]}"`);
    if (record.errors.length > 0) throw new Abort('permerror', `syntax error in the record of ${domain}: ${record.errors[0].message}`);

    for (const m of record.mechanisms) {
      const matched = await this.matches(m, domain, depth);
      this.note(depth + 1, `${m.text} → ${matched ? 'match' : 'no match'}`);
      if (!matched) continue;
      const result = RESULT_OF[m.qualifier];
      return { result, domain, mechanism: m.text, ...(result === 'fail' && record.exp ? { exp: { modifier: record.exp, domain } } : {}) };
    }
    // §6.1: redirect applies when nothing matched, and is ignored when the record has "all".
    if (record.redirect && !record.mechanisms.some((m) => m.kind === 'all')) {
      this.countLookup(record.redirect.text);
      const target = await this.expandDomain(record.redirect.value, domain);
      this.note(depth + 1, `${record.redirect.text} → ${target}`);
      const inner = await this.host(target, depth + 1);
      if (inner.result === 'none') throw new Abort('permerror', `"${record.redirect.text}": ${target} has no SPF record`);
      return inner;
    }
    return { result: 'neutral', domain, reason: 'no mechanism matched and the record has no "all": the default result is neutral (RFC 7208 §4.7)' };
  }

  /** §6.2: the TXT record exp= names, macro-expanded; any problem means no explanation. */
  async explanation(exp: { modifier: Modifier; domain: string }): Promise<string | undefined> {
    const name = await this.expandDomain(exp.modifier.value, exp.domain);
    const txt = await this.dns.lookup(name, 'TXT');
    if (txt.kind !== 'records' || txt.records.length !== 1) return undefined;
    const parsed = parseMacroString(txt.records[0].join(''), 'explain');
    return parsed.ok ? expandMacros(parsed.tokens, this.context(exp.domain)) : undefined;
  }
}

/** The identity checked: MAIL FROM, or postmaster@HELO for the null reverse-path (§2.4, §4.3). */
function identityOf(query: SpfQuery): { localPart: string; domain: string } {
  const sender = query.sender.trim().replace(/^<(.*)>$/, '$1');
  if (sender === '') return { localPart: 'postmaster', domain: normaliseName(query.helo ?? '') };
  const at = sender.lastIndexOf('@');
  if (at < 0) return { localPart: 'postmaster', domain: normaliseName(sender) };
  return { localPart: sender.slice(0, at) || 'postmaster', domain: normaliseName(sender.slice(at + 1)) };
}

export async function checkHost(dns: MailResolver, query: SpfQuery): Promise<SpfVerdict> {
  const ip = parseIp(query.ip);
  if (!ip) throw new TypeError(`not an IP address: ${query.ip}`);
  const { localPart, domain } = identityOf(query);
  const evaluation = new Evaluation(dns, ip, {
    sender: `${localPart}@${domain}`,
    localPart,
    senderDomain: domain,
    helo: query.helo ?? 'unknown',
    ...(query.receiver ? { receiver: query.receiver } : {}),
    now: query.now ?? new Date(),
  });
  const counts = () => ({ lookups: Math.min(evaluation.lookups, LOOKUP_LIMIT + 1), voidLookups: evaluation.voids, trace: evaluation.trace });
  try {
    const top = await evaluation.host(domain, 0);
    const explanation = top.result === 'fail' && top.exp ? await evaluation.explanation(top.exp) : undefined;
    return {
      result: top.result,
      domain: top.domain,
      ...(top.mechanism ? { mechanism: top.mechanism } : {}),
      ...(top.reason ? { reason: top.reason } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
      ...counts(),
    };
  } catch (err) {
    if (!(err instanceof Abort)) throw err;
    return { result: err.result, domain, reason: err.message, ...counts() };
  }
}
