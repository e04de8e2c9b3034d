/**
 * SPF macros (RFC 7208 §7): `%{ir}.%{v}._spf.%{d2}` and friends, parsed once with the record so a
 * bad macro is a syntax error (permerror) before anything is looked up, and expanded per check.
 */
import { dottedIp, readableIp, type IpAddress } from './ip.js';

export interface MacroExpand {
  kind: 'macro';
  /** Lower-case macro letter; `escape` remembers it was written in upper case. */
  letter: string;
  /** Keep this many right-hand parts (after reversal); absent means all. */
  digits?: number;
  reverse: boolean;
  /** Characters to split on; '' means the default '.'. */
  delimiters: string;
  /** Upper-case letter: URL-escape the result (§7.3). */
  escape: boolean;
}

export type MacroToken = { kind: 'literal'; text: string } | MacroExpand;

/** Where a macro-string appears: domain-specs may not use the explanation-only letters c, r and t (§7.2). */
export type MacroPlace = 'domain' | 'explain';

const DOMAIN_LETTERS = 'slodiphv';
const EXPLAIN_LETTERS = `${DOMAIN_LETTERS}crt`;
const MACRO_BODY = /^([a-z])(\d*)(r?)([.\-+,/_=]*)$/i;

export type MacroParse = { ok: true; tokens: MacroToken[] } | { ok: false; error: string };

export function parseMacroString(input: string, place: MacroPlace): MacroParse {
  const tokens: MacroToken[] = [];
  let literal = '';
  const flush = () => {
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch !== '%') {
      const code = ch.charCodeAt(0);
      // macro-literal is visible ASCII (%x21-7E); an explanation may also hold spaces (§12 explain-string).
      if (place === 'domain' && (code < 0x21 || code > 0x7e)) return { ok: false, error: `character ${JSON.stringify(ch)} is not allowed in a domain-spec` };
      literal += ch;
      continue;
    }
    const next = input[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      literal += next === '%' ? '%' : next === '_' ? ' ' : '%20';
      i++;
      continue;
    }
    if (next !== '{') return { ok: false, error: `"%" must be followed by {, %, _ or - (at "${input.slice(i, i + 4)}")` };
    const close = input.indexOf('}', i);
    if (close < 0) return { ok: false, error: `unclosed macro "${input.slice(i)}"` };
    const body = input.slice(i + 2, close);
    const m = MACRO_BODY.exec(body);
    if (!m) return { ok: false, error: `bad macro "%{${body}}"` };
    const letter = m[1].toLowerCase();
    const allowed = place === 'domain' ? DOMAIN_LETTERS : EXPLAIN_LETTERS;
    if (!allowed.includes(letter)) {
      const why = EXPLAIN_LETTERS.includes(letter) ? 'is only allowed in an exp explanation' : 'is not a macro letter';
      return { ok: false, error: `macro "%{${body}}": "${m[1]}" ${why}` };
    }
    // §7.3: "If a DIGIT is specified, the value MUST be nonzero."
    if (m[2] !== '' && Number(m[2]) === 0) return { ok: false, error: `macro "%{${body}}": the number of parts must not be zero` };
    flush();
    tokens.push({
      kind: 'macro',
      letter,
      ...(m[2] !== '' ? { digits: Number(m[2]) } : {}),
      reverse: m[3] !== '',
      delimiters: m[4],
      escape: m[1] !== letter,
    });
    i = close;
  }
  flush();
  return { ok: true, tokens };
}

export interface MacroContext {
  /** `<sender>`: local-part@domain (postmaster@… when the local-part is empty, §4.3). */
  sender: string;
  localPart: string;
  senderDomain: string;
  /** `<domain>`: the domain whose record is being evaluated. */
  domain: string;
  ip: IpAddress;
  helo: string;
  /** The receiving host's domain, for `%{r}`. */
  receiver?: string;
  now: Date;
  /** `%{p}`: the validated domain name of the IP (§5.5), or "unknown". */
  validatedName(): Promise<string>;
}

async function valueOf(letter: string, ctx: MacroContext): Promise<string> {
  switch (letter) {
    case 's':
      return ctx.sender;
    case 'l':
      return ctx.localPart;
    case 'o':
      return ctx.senderDomain;
    case 'd':
      return ctx.domain;
    case 'i':
      return dottedIp(ctx.ip);
    case 'p':
      return ctx.validatedName();
    case 'v':
      return ctx.ip.family === 4 ? 'in-addr' : 'ip6';
    case 'h':
      return ctx.helo;
    case 'c':
      return readableIp(ctx.ip);
    case 'r':
      return ctx.receiver || 'unknown';
    default:
      return String(Math.floor(ctx.now.getTime() / 1000));
  }
}

/** RFC 3986 escaping: everything but the unreserved characters. */
function urlEscape(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => {
    const ch = String.fromCharCode(b);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

function transform(value: string, macro: MacroExpand): string {
  const delimiters = macro.delimiters || '.';
  const pattern = new RegExp(`[${delimiters.replace(/[-\\\]^]/g, '\\$&')}]`);
  let parts = value.split(pattern);
  if (macro.reverse) parts = parts.reverse();
  if (macro.digits !== undefined && macro.digits < parts.length) parts = parts.slice(parts.length - macro.digits);
  const joined = parts.join('.');
  return macro.escape ? urlEscape(joined) : joined;
}

export async function expandMacros(tokens: readonly MacroToken[], ctx: MacroContext): Promise<string> {
  let out = '';
  for (const t of tokens) out += t.kind === 'literal' ? t.text : transform(await valueOf(t.letter, ctx), t);
  return out;
}

/**
 * §7.3: an expanded domain name longer than 253 characters loses labels from the left until it
 * fits. The trailing dot some records write is dropped here too.
 */
export function fitDomain(name: string): string {
  let out = name.replace(/\.$/, '');
  while (out.length > 253 && out.includes('.')) out = out.slice(out.indexOf('.') + 1);
  return out;
}

/** True when a macro-string expands the same for every sender: only literals and `%{d}`/`%{o}`. */
export function isStatic(tokens: readonly MacroToken[]): boolean {
  return tokens.every((t) => t.kind === 'literal' || t.letter === 'd' || t.letter === 'o');
}
