/**
 * Keys overwritten in place inside a text that is about to be written (saved artifacts keep
 * response bodies for replay): the key-type prefix stays, every other character becomes `*`, so
 * lengths, lines and columns still match the findings made from the original. Public-by-design keys
 * are masked too: what a rule matched is never written in full.
 */
import { scanText } from './engine.js';
import { styleOf } from './file-kind.js';

/** `text` with every rule match masked; `source` (a URL or path) picks the text style, as in a scan. */
export function maskSecrets(text: string, source: string): string {
  let path = source;
  try {
    path = new URL(source).pathname;
  } catch {
    // Not a URL: a path already.
  }
  const { matches } = scanText(text, { path, style: styleOf(path) });
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.index - b.index)) {
    if (m.index < at) continue;
    const shown = m.value.startsWith(m.visiblePrefix) ? m.visiblePrefix.length : 0;
    out += text.slice(at, m.index) + m.value.slice(0, shown) + '*'.repeat(m.value.length - shown);
    at = m.index + m.value.length;
  }
  return out + text.slice(at);
}
