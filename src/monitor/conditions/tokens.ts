/**
 * Tokens of the condition language (docs/monitor.md#conditions). Numbers may carry a duration
 * unit and are then milliseconds (`2s` is 2000), so `latency < 2s` and `latency < 2000` agree.
 */
import { ConditionError } from './error.js';

export type Token =
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'string'; value: string; text: string; at: number }
  | { kind: 'name'; value: string; text: string; at: number }
  | { kind: 'op'; value: string; text: string; at: number }
  | { kind: 'end'; value: ''; text: ''; at: number };

/** The escapes JSON.stringify writes, so a generated condition reads back the same text. */
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Longest first, so `<=` is not read as `<` then `=`. */
const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '[', ']', ',', '.', '$'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch)) {
      const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?(?![A-Za-z0-9_])/.exec(source.slice(i));
      if (!m) {
        const word = /^[0-9A-Za-z_.]+/.exec(source.slice(i))![0];
        throw new ConditionError(`"${word}" is not a number; a number may end in a duration unit: ms, s, m, h or d (e.g. 500ms, 2s)`, source, start);
      }
      const value = Number(m[1]) * (m[2] ? UNIT_MS[m[2]] : 1);
      tokens.push({ kind: 'number', value, text: m[0], at: start });
      i += m[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new ConditionError(`unterminated text: add the closing ${ch}`, source, start);
        const c = source[i];
        if (c === ch) break;
        if (c === '\\' && i + 1 < source.length) {
          value += ESCAPES[source[i + 1]] ?? source[i + 1];
          i += 2;
        } else {
          value += c;
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', value, text: source.slice(start, i), at: start });
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      // Names may contain '-' so header names read naturally: header.content-type.
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'name', value: m[0], text: m[0], at: start });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) {
      const hint = ch === '=' ? '; compare with ==' : ch === '&' ? '; "and" is &&' : ch === '|' ? '; "or" is ||' : '';
      throw new ConditionError(`unexpected "${ch}"${hint}`, source, start);
    }
    tokens.push({ kind: 'op', value: op, text: op, at: start });
    i += op.length;
  }
  tokens.push({ kind: 'end', value: '', text: '', at: source.length });
  return tokens;
}
