/**
 * Text helpers for the terminal and Markdown reporters. Evidence comes from hostile servers, so
 * control characters are removed before anything reaches a terminal: an ANSI escape in a header
 * value could otherwise rewrite the screen, and bidi overrides could make text read differently
 * from what it is (CVE-2021-42574, "Trojan Source").
 */

// C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

/** Collapses a text to one line (newlines and tabs become spaces) with control characters removed. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s*\n\s*|\t/g, ' ').trim();
}

/**
 * Wraps text to `width` columns, each line prefixed by `indent`. Existing newlines are kept (evidence
 * is often a list, one line each); words longer than a line are cut rather than overflowing it.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  for (const paragraph of stripControl(text).replace(/\t/g, '  ').split('\n')) {
    // A paragraph's own leading spaces (an indented tree in the evidence) carry over to its continuation lines.
    const lead = /^ */.exec(paragraph)?.[0] ?? '';
    const room = Math.max(20, width - indent.length - lead.length);
    const start = out.length;
    let line = '';
    for (const word of paragraph.trimStart().split(/ +/)) {
      let rest = word;
      while (rest.length > room) {
        if (line) out.push(line);
        line = '';
        out.push(rest.slice(0, room));
        rest = rest.slice(room);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= room) line += ` ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
    for (let i = start; i < out.length; i++) out[i] = `${indent}${lead}${out[i]}`.trimEnd();
  }
  return out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3.2 s`, `850 ms`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `2026-11-28 12:00 UTC` from an ISO timestamp. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
