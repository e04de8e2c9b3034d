/**
 * YAML data files of the eval (case files, store facts) validated with a zod schema; every problem
 * is reported at its file:line:column in one ConfigError, the way launch-ready.yaml is.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { expectationMessages, problemsFromZod, type ConfigPath } from '../config/zod-issues.js';

const MAX_PROBLEMS = 20;

export interface YamlFile<T> {
  data: T;
  /** 1-based line of the node at `path` (or the nearest ancestor that exists). */
  lineOf(path: ConfigPath): number;
}

function offsetOf(doc: Document, path: ConfigPath, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const [i, seg] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyOffset = (pair.key as Node).range?.[0] ?? offset;
      if (atKey && i === path.length - 1) return keyOffset;
      node = pair.value;
      offset = isScalar(node) && node.value === null ? keyOffset : ((node as Node | null)?.range?.[0] ?? keyOffset);
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function fail(file: string, lines: LineCounter, problems: Array<{ offset: number; message: string }>): never {
  const located = problems.map((p) => ({ ...lines.linePos(p.offset), message: p.message })).sort((a, b) => a.line - b.line || a.col - b.col);
  const [first, ...rest] = located;
  const shown = rest.slice(0, MAX_PROBLEMS - 1).map((p) => `${file}:${p.line}:${p.col}: ${p.message}`);
  if (rest.length > shown.length) shown.push(`… and ${rest.length - shown.length} more problems`);
  throw new ConfigError([first.message, ...shown].join('\n'), file, first.line, first.col);
}

/**
 * Parses and validates `source`. `check` may add problems the schema cannot express (an unknown
 * tool, a bad regular expression) at a path, so they are reported with the rest.
 */
export function parseYamlFile<S extends z.ZodType>(
  source: string,
  file: string,
  schema: S,
  check?: (data: z.output<S>) => Array<{ path: ConfigPath; message: string }>,
): YamlFile<z.output<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) fail(file, lines, doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid YAML: ${e.message}` })));
  if (doc.contents === null) fail(file, lines, [{ offset: 0, message: 'the file is empty' }]);
  const parsed = schema.safeParse(doc.toJS({ maxAliasCount: 100 }), { error: expectationMessages, reportInput: true });
  if (!parsed.success) {
    fail(file, lines, problemsFromZod(parsed.error, schema).map((p) => ({ offset: offsetOf(doc, p.path, p.atKey ?? false), message: p.message })));
  }
  const extra = check?.(parsed.data) ?? [];
  if (extra.length) fail(file, lines, extra.map((p) => ({ offset: offsetOf(doc, p.path, false), message: p.message })));
  return { data: parsed.data, lineOf: (path) => lines.linePos(offsetOf(doc, path, false)).line };
}
