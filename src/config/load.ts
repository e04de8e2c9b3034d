/**
 * Reads launch-ready.yaml. Every problem (YAML syntax, schema, secrets written literally) is
 * reported at its file:line:column, all of them in one ConfigError, so a user fixes the file in
 * one pass instead of one error per run.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { UsageError } from '../core/errors.js';
import { malformedEnvRef } from './env-refs.js';
import { configSchema, type Config } from './schema.js';
import { findSecretLiteral } from './secret-literal.js';
import { parseYamlFile, type OffsetProblem } from './yaml-file.js';
import { formatPath } from './zod-issues.js';

export const DEFAULT_CONFIG_FILE = 'launch-ready.yaml';

export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** Its folder: relative paths in the config (network.ca, dns.desired, …) are resolved against it. */
  dir: string;
  config: Config;
}

/** Secrets written literally, and `${…}` that are not valid references, anywhere in the document. */
function scanStrings(node: unknown, path: PropertyKey[], key: string | undefined, out: OffsetProblem[]): void {
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
  return parseYamlFile(source, file, configSchema, {
    empty: 'the file is empty; expected a mapping with at least product, domain and canonical (`launch-ready init URL` writes a starter)',
    scan: (doc) => {
      const problems: OffsetProblem[] = [];
      scanStrings(doc.contents, [], undefined, problems);
      return problems;
    },
  }).data;
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
