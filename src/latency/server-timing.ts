/**
 * Parses `Server-Timing` (W3C Server Timing §3): a comma-separated list of metrics, each a name
 * with `;`-separated parameters whose values are tokens or quoted strings. Only `dur` matters
 * here; a metric without a valid `dur` is skipped, and the first `dur` of a metric wins (§4.2).
 */

export interface ServerTimingMetric {
  name: string;
  durMs: number;
}

/** Splits on `sep` outside double quotes (a `desc="db, cache"` holds commas and semicolons). */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function paramValue(raw: string): string {
  const v = raw.trim();
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}

/** Every metric with a duration, across all the header's values, in order. */
export function parseServerTiming(values: string | readonly string[]): ServerTimingMetric[] {
  const metrics: ServerTimingMetric[] = [];
  for (const value of typeof values === 'string' ? [values] : values) {
    for (const entry of splitOutsideQuotes(value, ',')) {
      const [rawName, ...params] = splitOutsideQuotes(entry, ';');
      const name = rawName.trim();
      if (!TOKEN.test(name)) continue;
      for (const param of params) {
        const eq = param.indexOf('=');
        if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'dur') continue;
        const text = paramValue(param.slice(eq + 1));
        const dur = Number(text);
        if (text !== '' && Number.isFinite(dur) && dur >= 0) metrics.push({ name, durMs: dur });
        break;
      }
    }
  }
  return metrics;
}
