/**
 * Escaping for text from hostile servers in Markdown. Everything is reduced to literal text:
 * CommonMark lets any ASCII punctuation be backslash-escaped, and GFM tables split cells on `|`
 * even inside code spans, so a pipe is escaped there too.
 */
import { oneLine, stripControl } from './plain-text.js';

/** Inline text on one line: emphasis, links, raw HTML and table pipes become literal characters. */
export function mdText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`);
}

/** Inline text that opens a block of its own: a leading list marker or rule (`- `, `+ `, `1. `, `---`) is escaped too. */
export function mdParagraph(text: string): string {
  return mdText(text).replace(/^[-+]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An inline code span whose fence is longer than any backtick run inside it (CommonMark §6.1). */
export function mdCode(text: string, inTable = false): string {
  let body = oneLine(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  if (inTable) body = body.replace(/\|/g, '\\|');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block that no line inside can close early (CommonMark §4.5). */
export function mdBlock(text: string, info = 'text'): string {
  const body = stripControl(text).trimEnd();
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** `<https://…>` for an http(s) URL, else the text escaped: a `javascript:` reference never becomes a link. */
export function mdLink(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' || u.protocol === 'http:') return `<${u.href}>`;
  } catch {
    // not a URL: falls through to plain text
  }
  return mdText(url);
}
