/**
 * Lines of a finding's fix that are meant to be pasted — a DNS record (src/email/record-line.ts), a
 * header line — must reach the reader exactly as written: re-flowing, squeezing double spaces or
 * joining them onto one line breaks them. The convention, shared by every human-readable reporter:
 * a fix line that starts with two spaces is verbatim; every other line is prose the reporter may wrap.
 */
import { stripControl } from './plain-text.js';

export const VERBATIM_MARK = '  ';

export type FixPart =
  | { kind: 'prose'; text: string }
  /** Consecutive verbatim lines without their two-space mark (any further indentation is kept). */
  | { kind: 'verbatim'; lines: string[] };

/** A fix text as prose and verbatim runs, in order, control characters removed; blank prose is dropped. */
export function fixParts(text: string): FixPart[] {
  const parts: FixPart[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.some((l) => l.trim() !== '')) parts.push({ kind: 'prose', text: prose.join('\n').trim() });
    prose = [];
  };
  for (const line of stripControl(text).split('\n')) {
    if (line.startsWith(VERBATIM_MARK) && line.trim() !== '') {
      const last = prose.length === 0 ? parts.at(-1) : undefined;
      flushProse();
      const body = line.slice(VERBATIM_MARK.length).trimEnd();
      if (last?.kind === 'verbatim') last.lines.push(body);
      else parts.push({ kind: 'verbatim', lines: [body] });
    } else {
      prose.push(line);
    }
  }
  flushProse();
  return parts;
}
