/**
 * The SPF record grammar (RFC 7208 §4.5-§6, ABNF in §12). A record with any syntax error is a
 * permerror as a whole (§4.6), so parsing collects every error up front; things that are legal
 * but almost certainly mistakes (an unknown modifier, terms after `all`) are warnings.
 */
import { isIP } from 'node:net';
import { didYouMean } from '../../config/did-you-mean.js';
import { isStrictIpv4 } from './ip.js';
import { parseMacroString, type MacroToken } from './macro.js';

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismKind = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface Mechanism {
  type: 'mechanism';
  /** The term as written. */
  text: string;
  qualifier: Qualifier;
  kind: MechanismKind;
  /** include, exists (required); a, mx, ptr (optional, default: the current domain). */
  target?: MacroToken[];
  /** ip4/ip6: the network address as written. */
  network?: string;
  /** Prefix lengths; for ip4/ip6 the one that applies, for a/mx the dual-cidr-length. */
  cidr4?: number;
  cidr6?: number;
}

export interface Modifier {
  type: 'modifier';
  text: string;
  /** Lower-cased. */
  name: string;
  value: MacroToken[];
}

export type Term = Mechanism | Modifier;

export type SpfProblemCode =
  | 'unknown-mechanism'
  | 'bad-argument'
  | 'bad-ip'
  | 'bad-cidr'
  | 'bad-macro'
  | 'bad-domain'
  | 'duplicate-modifier'
  | 'unknown-modifier'
  | 'terms-after-all'
  | 'redirect-ignored';

export interface SpfProblem {
  code: SpfProblemCode;
  term: string;
  message: string;
}

export interface SpfRecord {
  terms: Term[];
  mechanisms: Mechanism[];
  redirect?: Modifier;
  exp?: Modifier;
  /** Grammar errors: any one makes the record a permerror. */
  errors: SpfProblem[];
  /** Legal but suspicious. */
  warnings: SpfProblem[];
}

const MECHANISMS: readonly MechanismKind[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
const KNOWN_MODIFIERS = ['redirect', 'exp'];
const QUALIFIERS = '+-~?';
const MODIFIER = /^([A-Za-z][A-Za-z0-9\-_.]*)=(.*)$/;
/** §12 toplabel: alphanumeric with at least one letter, or with an inner hyphen. */
const TOPLABEL = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

/** True for `v=spf1` alone or followed by a space (§4.5: "v=spf10" is not SPF). Case-insensitive like all ABNF literals. */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

type Parsed<T> = { ok: true; value: T } | { ok: false; code: SpfProblemCode; message: string };

/** §12 domain-spec: a macro-string ending in a macro or in "." toplabel with an optional final dot. */
function parseDomainSpec(text: string): Parsed<MacroToken[]> {
  if (text === '') return { ok: false, code: 'bad-domain', message: 'the domain is empty' };
  const macro = parseMacroString(text, 'domain');
  if (!macro.ok) return { ok: false, code: 'bad-macro', message: macro.error };
  const last = macro.tokens[macro.tokens.length - 1];
  if (last.kind === 'macro') return { ok: true, value: macro.tokens };
  const labels = text.replace(/\.$/, '').split('.');
  if (labels.length < 2 || !TOPLABEL.test(labels[labels.length - 1])) {
    return { ok: false, code: 'bad-domain', message: `"${text}" is not a fully qualified domain name (it must end in a label such as .com)` };
  }
  return { ok: true, value: macro.tokens };
}

/** ip4-cidr-length / ip6-cidr-length: no leading zero, at most `max`. */
function parseCidr(text: string, max: number): number | undefined {
  if (!/^(?:0|[1-9]\d{0,2})$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

function parseMechanism(text: string): Parsed<Mechanism> {
  const qualifier = (QUALIFIERS.includes(text[0]) ? text[0] : '+') as Qualifier;
  const body = QUALIFIERS.includes(text[0]) ? text.slice(1) : text;
  const name = /^[A-Za-z0-9]+/.exec(body)?.[0] ?? '';
  const kind = name.toLowerCase() as MechanismKind;
  if (!MECHANISMS.includes(kind)) {
    const hint = didYouMean(name.toLowerCase(), [...MECHANISMS]);
    return { ok: false, code: 'unknown-mechanism', message: `unknown mechanism "${name || body}"${hint ? `; did you mean "${hint}"?` : ''}` };
  }
  const rest = body.slice(name.length);
  const base = { type: 'mechanism' as const, text, qualifier, kind };
  const bad = (message: string, code: SpfProblemCode = 'bad-argument'): Parsed<Mechanism> => ({ ok: false, code, message });

  switch (kind) {
    case 'all':
      return rest === '' ? { ok: true, value: base } : bad(`"all" takes no argument (got "${text}")`);
    case 'include':
    case 'exists': {
      if (!rest.startsWith(':')) return bad(`"${kind}" needs a domain: ${kind}:example.com`);
      const target = parseDomainSpec(rest.slice(1));
      return target.ok ? { ok: true, value: { ...base, target: target.value } } : target;
    }
    case 'ptr': {
      if (rest === '') return { ok: true, value: base };
      if (!rest.startsWith(':')) return bad(`"ptr" takes an optional ":domain" (got "${text}")`);
      const target = parseDomainSpec(rest.slice(1));
      return target.ok ? { ok: true, value: { ...base, target: target.value } } : target;
    }
    case 'a':
    case 'mx': {
      // dual-cidr-length sits at the end: [ "/" ip4-cidr ] [ "//" ip6-cidr ]; digits cannot end a valid domain-spec.
      const m = /(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest) as RegExpExecArray;
      const spec = rest.slice(0, m.index);
      const value: Mechanism = { ...base };
      if (m[1] !== undefined) {
        const n = parseCidr(m[1], 32);
        if (n === undefined) return bad(`"${text}": /${m[1]} is not an IPv4 prefix length (0-32)`, 'bad-cidr');
        value.cidr4 = n;
      }
      if (m[2] !== undefined) {
        const n = parseCidr(m[2], 128);
        if (n === undefined) return bad(`"${text}": //${m[2]} is not an IPv6 prefix length (0-128)`, 'bad-cidr');
        value.cidr6 = n;
      }
      if (spec === '') return { ok: true, value };
      if (!spec.startsWith(':')) return bad(`"${kind}" takes an optional ":domain" and "/prefix" (got "${text}")`);
      const target = parseDomainSpec(spec.slice(1));
      return target.ok ? { ok: true, value: { ...value, target: target.value } } : target;
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':')) return bad(`"${kind}" needs an address: ${kind === 'ip4' ? 'ip4:192.0.2.0/24' : 'ip6:2001:db8::/32'}`, 'bad-ip');
      const [network, cidr, ...extra] = rest.slice(1).split('/');
      const max = kind === 'ip4' ? 32 : 128;
      if (!(kind === 'ip4' ? isStrictIpv4(network) : isIP(network) === 6)) {
        return bad(`"${text}": "${network}" is not an IPv${kind === 'ip4' ? 4 : 6} address`, 'bad-ip');
      }
      if (extra.length > 0) return bad(`"${text}": more than one "/"`, 'bad-cidr');
      const value: Mechanism = { ...base, network };
      if (cidr !== undefined) {
        const n = parseCidr(cidr, max);
        if (n === undefined) return bad(`"${text}": /${cidr} is not a prefix length (0-${max})`, 'bad-cidr');
        if (kind === 'ip4') value.cidr4 = n;
        else value.cidr6 = n;
      }
      return { ok: true, value };
    }
  }
}

function parseModifier(text: string, name: string, raw: string): Parsed<Modifier> {
  const lower = name.toLowerCase();
  if (lower === 'redirect' || lower === 'exp') {
    const spec = parseDomainSpec(raw);
    return spec.ok ? { ok: true, value: { type: 'modifier', text, name: lower, value: spec.value } } : spec;
  }
  const value = parseMacroString(raw, 'domain');
  if (!value.ok) return { ok: false, code: 'bad-macro', message: `"${text}": ${value.error}` };
  return { ok: true, value: { type: 'modifier', text, name: lower, value: value.tokens } };
}

/** Parses one record that `isSpfRecord` accepted (the TXT strings already joined, §3.3). */
export function parseSpfRecord(record: string): SpfRecord {
  const out: SpfRecord = { terms: [], mechanisms: [], errors: [], warnings: [] };
  // Terms are separated by one or more SP (§12); a tab or newline is part of a term, and so an error.
  for (const text of record.slice('v=spf1'.length).split(' ').filter((t) => t !== '')) {
    const modifier = MODIFIER.exec(text);
    const parsed = modifier ? parseModifier(text, modifier[1], modifier[2]) : parseMechanism(text);
    if (!parsed.ok) {
      out.errors.push({ code: parsed.code, term: text, message: parsed.message });
      continue;
    }
    const term = parsed.value;
    out.terms.push(term);
    if (term.type === 'mechanism') {
      out.mechanisms.push(term);
      continue;
    }
    if (term.name === 'redirect' || term.name === 'exp') {
      // §6: redirect and exp may each appear once.
      if (out[term.name]) out.errors.push({ code: 'duplicate-modifier', term: text, message: `"${term.name}=" appears more than once` });
      else out[term.name] = term;
    } else {
      // §6: unknown modifiers are ignored by receivers, which is exactly why a typo in one goes unnoticed.
      const hint = didYouMean(term.name, KNOWN_MODIFIERS);
      out.warnings.push({ code: 'unknown-modifier', term: text, message: `unknown modifier "${term.name}=" is ignored by receivers${hint ? `; did you mean "${hint}="?` : ''}` });
    }
  }
  const all = out.mechanisms.findIndex((m) => m.kind === 'all');
  if (all >= 0 && all < out.mechanisms.length - 1) {
    const after = out.mechanisms.slice(all + 1).map((m) => m.text).join(' ');
    out.warnings.push({ code: 'terms-after-all', term: after, message: `"${after}" comes after "${out.mechanisms[all].text}" and is never evaluated` });
  }
  if (all >= 0 && out.redirect) {
    out.warnings.push({ code: 'redirect-ignored', term: out.redirect.text, message: `"${out.redirect.text}" is ignored because the record has "all" (RFC 7208 §6.1)` });
  }
  return out;
}

/** The SPF records among a name's TXT records, each record's strings joined without spaces (RFC 7208 §3.3). */
export function spfRecordsOf(txt: readonly string[][]): string[] {
  return txt.map((strings) => strings.join('')).filter(isSpfRecord);
}
