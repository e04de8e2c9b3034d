/**
 * Just enough TOML for platform files (netlify.toml, fly.toml): tables, dotted and quoted table
 * names, `key = value` with string, number and boolean values, and one-line inline tables. Arrays of
 * tables and multi-line values are skipped; they never hold environment variables in these files.
 */
export interface TomlEntry {
  /** Table path plus key: `["context", "production", "environment", "API_URL"]`. */
  path: string[];
  value: string;
  line: number;
}

function splitKey(key: string): string[] {
  return [...key.matchAll(/"([^"]*)"|'([^']*)'|([^.\s]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function scalar(raw: string): string | undefined {
  const v = raw.trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(v);
  if (quoted) return quoted[1] !== undefined ? quoted[1].replace(/\\(.)/g, '$1') : quoted[2];
  const bare = v.replace(/\s+#.*$/, '');
  return /^[\w.+:-]+$/.test(bare) ? bare : undefined;
}

/** Splits `A = "x", B = 'y'` at top-level commas. */
function inlinePairs(body: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const m of body.matchAll(/\s*("[^"]*"|'[^']*'|[\w.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,}]+)\s*,?/g)) pairs.push([m[1], m[2]]);
  return pairs;
}

export function parseToml(text: string): TomlEntry[] {
  const out: TomlEntry[] = [];
  let table: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const header = /^\[([^[\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header) return void (table = splitKey(header[1]));
    if (line.startsWith('[[')) return void (table = ['[[array]]']);
    const kv = /^("[^"]*"|'[^']*'|[\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) return;
    const key = splitKey(kv[1]);
    const inline = /^\{(.*)\}\s*(?:#.*)?$/.exec(kv[2].trim());
    if (inline) {
      for (const [k, v] of inlinePairs(inline[1])) {
        const value = scalar(v);
        if (value !== undefined) out.push({ path: [...table, ...key, ...splitKey(k)], value, line: i + 1 });
      }
      return;
    }
    const value = scalar(kv[2]);
    if (value !== undefined) out.push({ path: [...table, ...key], value, line: i + 1 });
  });
  return out;
}
