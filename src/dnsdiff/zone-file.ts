/**
 * A BIND / RFC 1035 §5 master file reader for `dns diff --zone`. Written here because the npm
 * parsers fall short where zone exports need them: `dns-zonefile` (0.3.x) keeps only the first
 * parenthesised group (the SOA), so a DKIM key split over lines in parentheses is cut; it ignores
 * escapes, TTL units (1h) and class-before-TTL, silently drops unknown types and reports no errors;
 * `zone-file` is the same code, tailored to Blockstack. This reader handles comments, quoted strings
 * with \X and \DDD escapes, parentheses across lines, blank owners (the previous owner), `@`,
 * relative names, $ORIGIN, $TTL and BIND TTL units, and says what it refuses, with line numbers.
 */
import { UsageError } from '../core/errors.js';
import { canonicalName, canonicalValue, isDiffType, toRecordSets, type DiffType, type RecordSet } from './records.js';

interface Token {
  text: string;
  quoted: boolean;
}

interface Entry {
  line: number;
  /** The line started with white space: the owner is the previous record's. */
  blankOwner: boolean;
  tokens: Token[];
}

export interface ZoneFile {
  origin: string;
  sets: RecordSet[];
  /** Records of types the diff does not compare (SOA, PTR, DS, …), by type and count. */
  skipped: Record<string, number>;
}

const MAX_ERRORS = 20;

/** Splits the file into entries (one per record or directive), honouring quotes, escapes, comments and parentheses. */
function entries(text: string, errors: string[]): Entry[] {
  const out: Entry[] = [];
  let current: Entry | undefined;
  let token: Token | undefined;
  let inQuote = false;
  let depth = 0;
  let line = 1;
  const endToken = () => {
    if (token && current) current.tokens.push(token);
    token = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r') continue;
    if (ch === '\n') {
      if (inQuote) errors.push(`line ${line}: a quoted string is not closed on its line`);
      inQuote = false;
      endToken();
      // Inside parentheses a record goes on over the next lines (RFC 1035 §5.1).
      if (depth === 0 && current) {
        if (current.tokens.length > 0) out.push(current);
        current = undefined;
      }
      line++;
      continue;
    }
    current ??= { line, blankOwner: ch === ' ' || ch === '\t', tokens: [] };
    if (inQuote) {
      if (ch === '"') {
        inQuote = false;
        endToken();
      } else if (ch === '\\') i = escape(text, i, token as Token);
      else (token as Token).text += ch;
      continue;
    }
    if (ch === ';') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === ' ' || ch === '\t') {
      endToken();
    } else if (ch === '(' || ch === ')') {
      endToken();
      depth += ch === '(' ? 1 : -1;
      if (depth < 0) errors.push(`line ${line}: ")" without "("`);
      depth = Math.max(depth, 0);
    } else if (ch === '"') {
      endToken();
      token = { text: '', quoted: true };
      inQuote = true;
    } else {
      token ??= { text: '', quoted: false };
      if (ch === '\\') i = escape(text, i, token);
      else token.text += ch;
    }
  }
  if (inQuote) errors.push(`line ${line}: a quoted string is not closed`);
  if (depth > 0) errors.push(`line ${line}: "(" is never closed`);
  endToken();
  if (current && current.tokens.length > 0) out.push(current);
  return out;
}

/** `\DDD` is a decimal byte, `\X` is X itself (RFC 1035 §5.1); returns the index of the last character used. */
function escape(text: string, i: number, token: Token): number {
  const ddd = /^\d{3}/.exec(text.slice(i + 1, i + 4));
  if (ddd) {
    token.text += String.fromCharCode(Number(ddd[0]));
    return i + 3;
  }
  if (i + 1 < text.length) token.text += text[i + 1];
  return i + 1;
}

/** BIND TTLs: seconds, or units such as 1h30m, 2d, 1w. */
export function parseTtl(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:\d+[smhdw])+$/i.exec(text);
  if (!m) return undefined;
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  for (const [, n, u] of text.toLowerCase().matchAll(/(\d+)([smhdw])/g)) total += Number(n) * unit[u];
  return total;
}

function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.')) return canonicalName(name);
  return canonicalName(origin ? `${name}.${origin}` : name);
}

/** The rdata in the form canonicalValue expects, names made absolute. */
function rdataText(type: DiffType, tokens: Token[], origin: string): string {
  const t = tokens.map((x) => x.text);
  switch (type) {
    case 'CNAME':
    case 'NS':
      return absolute(t[0] ?? '', origin);
    case 'MX':
      return `${t[0] ?? ''} ${t[1] === '.' ? '.' : absolute(t[1] ?? '', origin)}`;
    case 'SRV':
      return `${t.slice(0, 3).join(' ')} ${t[3] === '.' ? '.' : absolute(t[3] ?? '', origin)}`;
    case 'TXT':
      // A record's character-strings are one text once joined (RFC 7208 §3.3 reads them so too).
      return t.join('');
    case 'CAA':
      return `${t[0] ?? ''} ${t[1] ?? ''} "${t.slice(2).join(' ')}"`;
    default:
      return t.join(' ');
  }
}

function expectedCount(type: DiffType, tokens: Token[]): boolean {
  const n = tokens.length;
  switch (type) {
    case 'MX':
      return n === 2;
    case 'SRV':
      return n === 4;
    case 'CAA':
      return n >= 3;
    case 'TXT':
      return n >= 1;
    default:
      return n === 1;
  }
}

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS']);

/** Reads a zone file; `origin` is used until an $ORIGIN line. Throws a UsageError listing every problem. */
export function parseZoneFile(text: string, file: string, defaultOrigin = ''): ZoneFile {
  const errors: string[] = [];
  const records: Array<{ name: string; type: DiffType; ttl?: number; value: string }> = [];
  const skipped: Record<string, number> = {};
  let origin = canonicalName(defaultOrigin);
  let firstOrigin = origin;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let owner: string | undefined;

  for (const entry of entries(text, errors)) {
    const fail = (message: string) => errors.push(`line ${entry.line}: ${message}`);
    const tokens = [...entry.tokens];
    const first = tokens[0].text;
    if (!entry.blankOwner && first.startsWith('$')) {
      const directive = first.toUpperCase();
      if (directive === '$ORIGIN') {
        origin = canonicalName(tokens[1]?.text ?? '');
        if (!firstOrigin) firstOrigin = origin;
      } else if (directive === '$TTL') {
        defaultTtl = parseTtl(tokens[1]?.text ?? '');
        if (defaultTtl === undefined) fail(`$TTL "${tokens[1]?.text ?? ''}" is not a TTL (seconds, or units such as 1h)`);
      } else fail(`${directive} is not supported; expand it into plain records first (e.g. named-compilezone -s full)`);
      continue;
    }
    if (!entry.blankOwner) owner = absolute((tokens.shift() as Token).text, origin);
    if (!owner) {
      fail('the first record has no owner name');
      continue;
    }
    // [TTL] [class] or [class] [TTL] before the type (RFC 1035 §5.1).
    let ttl: number | undefined;
    for (let k = 0; k < 2 && tokens.length > 0; k++) {
      const word = tokens[0].text;
      if (CLASSES.has(word.toUpperCase())) {
        if (word.toUpperCase() !== 'IN') fail(`class ${word} is not IN`);
        tokens.shift();
      } else if (parseTtl(word) !== undefined && ttl === undefined) {
        ttl = parseTtl(word);
        tokens.shift();
      }
    }
    const type = tokens.shift()?.text.toUpperCase();
    if (!type) {
      fail(`no record type for ${owner}`);
      continue;
    }
    if (ttl !== undefined) lastTtl = ttl;
    const effectiveTtl = ttl ?? defaultTtl ?? lastTtl;
    if (!isDiffType(type)) {
      if (!/^[A-Z][A-Z0-9-]*$/.test(type)) fail(`"${type}" is not a record type`);
      else skipped[type] = (skipped[type] ?? 0) + 1;
      continue;
    }
    if (!expectedCount(type, tokens)) {
      fail(`${owner} ${type}: unexpected data "${tokens.map((t) => t.text).join(' ')}"`);
      continue;
    }
    const value = canonicalValue(type, rdataText(type, tokens, origin));
    if (!value.ok) {
      fail(`${owner} ${type}: ${value.error}`);
      continue;
    }
    records.push({ name: owner, type, ...(effectiveTtl !== undefined ? { ttl: effectiveTtl } : {}), value: value.value });
  }
  if (errors.length > 0) {
    const lineOf = (e: string) => Number(/^line (\d+)/.exec(e)?.[1] ?? 0);
    const shown = [...errors].sort((a, b) => lineOf(a) - lineOf(b)).slice(0, MAX_ERRORS).map((e) => `${file}:${e.replace(/^line /, '')}`);
    if (errors.length > MAX_ERRORS) shown.push(`… and ${errors.length - MAX_ERRORS} more`);
    throw new UsageError('LR_ZONE_INVALID', `${file} is not a zone file launch-ready can read:\n${shown.join('\n')}`);
  }
  const zone = firstOrigin || (records.length > 0 ? records[0].name : '');
  return { origin: zone, sets: toRecordSets(records), skipped };
}
