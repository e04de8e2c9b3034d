/**
 * YAML files validated with a zod schema — launch-ready.yaml, eval case files, store facts — with
 * every problem (YAML syntax, schema, the caller's own checks) reported at its file:line:column,
 * all of them in one ConfigError, so a user fixes the file in one pass instead of one error per run.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { expectationMessages, problemsFromZod, type ConfigPath, type PathProblem } from './zod-issues.js';

/** More than this and the rest is summarised: a wrong file passed by mistake should not flood the terminal. */
const MAX_PROBLEMS = 30;

/** A problem at a character offset of the source. */
export interface OffsetProblem {
  offset: number;
  message: string;
}

export interface YamlFile<T> {
  data: T;
  /** 1-based line of the node at `path` (or the nearest ancestor that exists). */
  lineOf(path: ConfigPath): number;
}

export interface YamlFileOptions<T> {
  /** The message for a file with no content: what it should hold. */
  empty?: string;
  /** Problems found in the document itself, reported with the schema's (literal secrets in the config). */
  scan?(doc: Document): OffsetProblem[];
  /** Problems the schema cannot express (an unknown tool, a bad regular expression), once it passes. */
  check?(data: T): PathProblem[];
}

/** Offset of the node at `path` (or of its key), falling back to the nearest ancestor that exists. */
function offsetOf(doc: Document, path: ConfigPath, atKey = false): number {
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
      // A key with no value (`url:`) has no value node: point at the key.
      offset = isScalar(node) && node.value === null ? keyOffset : ((node as Node | null)?.range?.[0] ?? keyOffset);
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function fail(file: string, lines: LineCounter, problems: OffsetProblem[]): never {
  const located = problems.map((p) => ({ ...lines.linePos(p.offset), message: p.message })).sort((a, b) => a.line - b.line || a.col - b.col);
  const [first, ...rest] = located;
  const shown = rest.slice(0, MAX_PROBLEMS - 1).map((p) => `${file}:${p.line}:${p.col}: ${p.message}`);
  if (rest.length > shown.length) shown.push(`… and ${rest.length - shown.length} more problems`);
  throw new ConfigError([first.message, ...shown].join('\n'), file, first.line, first.col);
}

/** Parses and validates `source`; `file` is only used in messages. */
export function parseYamlFile<S extends z.ZodType>(source: string, file: string, schema: S, options: YamlFileOptions<z.output<S>> = {}): YamlFile<z.output<S>> {
  // prettyErrors off: the pretty form quotes the offending source line, which may hold a secret.
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) fail(file, lines, doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid YAML: ${e.message}` })));
  if (doc.contents === null) fail(file, lines, [{ offset: 0, message: options.empty ?? 'the file is empty' }]);
  const problems = options.scan?.(doc) ?? [];
  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb, or an alias to nothing.
    fail(file, lines, [...problems, { offset: 0, message: `invalid YAML: ${(error as Error).message}` }]);
  }
  const parsed = schema.safeParse(input, { error: expectationMessages, reportInput: true });
  const located = (p: PathProblem): OffsetProblem => ({ offset: offsetOf(doc, p.path, p.atKey), message: p.message });
  if (!parsed.success) problems.push(...problemsFromZod(parsed.error, schema).map(located));
  if (problems.length > 0 || !parsed.success) fail(file, lines, problems);
  const extra = options.check?.(parsed.data) ?? [];
  if (extra.length > 0) fail(file, lines, extra.map(located));
  return { data: parsed.data, lineOf: (path) => lines.linePos(offsetOf(doc, path)).line };
}
