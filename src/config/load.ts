/**
 * Reads launch-ready.yaml. Every problem (YAML syntax, schema, secrets written literally) is
 * reported at its file:line:column, all of them in one ConfigError, so a user fixes the file in
 * one pass instead of one error per run.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError, UsageError } from '../core/errors.js';
import { malformedEnvRef } from './env-refs.js';
import { configSchema, type Config } from './schema.js';
import { findSecretLiteral } from './secret-literal.js';
import { expectationMessages, formatPath, problemsFromZod, type ConfigPath, type PathProblem } from './zod-issues.js';

export const DEFAULT_CONFIG_FILE = 'launch-ready.yaml';

export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** Its folder: relative paths in the config (network.ca, dns.desired, …) are resolved against it. */
  dir: string;
  config: Config;
}

interface Problem {
  offset: number;
  message: string;
}

/** More than this and the rest is summarised: a wrong file passed by mistake should not flood the terminal. */
const MAX_PROBLEMS = 30;

function fail(file: string, lines: LineCounter, problems: Problem[]): never {
  const located = problems
    .map((p) => ({ ...lines.linePos(p.offset), message: p.message }))
    .sort((a, b) => a.line - b.line || a.col - b.col);
  const [first, ...rest] = located;
  const shown = rest.slice(0, MAX_PROBLEMS - 1).map((p) => `${file}:${p.line}:${p.col}: ${p.message}`);
  if (rest.length > shown.length) shown.push(`… and ${rest.length - shown.length} more problems`);
  throw new ConfigError([first.message, ...shown].join('\n'), file, first.line, first.col);
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

/** Secrets written literally, and `${…}` that are not valid references, anywhere in the document. */
function scanStrings(node: unknown, path: PropertyKey[], key: string | undefined, out: Problem[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      scanStrings(pair.value, [...path, k ?? '?'], k, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => scanStrings(item, [...path, i], key, out));
  } else if (isScalar(node) && typeof node.value === 'string') {
    const offset = node.range?.[0] ?? 0;
    const secret = findSecretLiteral(node.value, key);
    if (secret) {
      out.push({
        offset,
        message:
          `${formatPath(path)}: this looks like a ${secret.kind} (${secret.redacted}). Secrets must not be written in the config: ` +
          `put the value in an environment variable and write "\${${secret.envName}}" here instead`,
      });
      return;
    }
    const malformed = malformedEnvRef(node.value);
    if (malformed) {
      out.push({ offset, message: `${formatPath(path)}: "${malformed}" is not an environment reference; write \${NAME}, NAME made of letters, digits and _` });
    }
  }
}

/** Validates the text of a config file; `file` is only used in messages. */
export function parseConfig(source: string, file: string): Config {
  // prettyErrors off: the pretty form quotes the offending source line, which may hold a secret.
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    fail(file, lines, doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid YAML: ${e.message}` })));
  }
  if (doc.contents === null) {
    fail(file, lines, [{ offset: 0, message: 'the file is empty; expected a mapping with at least product, domain and canonical (`launch-ready init URL` writes a starter)' }]);
  }
  const problems: Problem[] = [];
  scanStrings(doc.contents, [], undefined, problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(file, lines, [...problems, { offset: 0, message: `invalid YAML: ${(error as Error).message}` }]);
  }
  const parsed = configSchema.safeParse(data, { error: expectationMessages, reportInput: true });
  if (!parsed.success) {
    const toProblem = (p: PathProblem): Problem => ({ offset: offsetOf(doc, p.path, p.atKey), message: p.message });
    problems.push(...problemsFromZod(parsed.error, configSchema).map(toProblem));
  }
  if (problems.length || !parsed.success) fail(file, lines, problems);
  return parsed.data;
}

/**
 * Loads and validates a config file. `path` may also be a folder holding launch-ready.yaml
 * (what `demo --serve --dir DIR` writes).
 */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  let file = resolve(path);
  let source: string;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, DEFAULT_CONFIG_FILE);
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError('LR_CONFIG_NOT_FOUND', `config file not found: ${file}. Write a starter with \`launch-ready init URL\`, or pass --config PATH.`);
    }
    throw new UsageError('LR_CONFIG_UNREADABLE', `cannot read config file ${file}: ${(error as Error).message}`);
  }
  return { file, dir: dirname(file), config: parseConfig(source, file) };
}
