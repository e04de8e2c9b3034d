/**
 * Builds the environment inventory of a project folder: reads from the code, definitions from
 * dotenv and platform files, per environment, with values reduced to a hash and, when a value looks
 * like a secret (a secrets-stage rule matches it, or it is random under a secret-sounding name), a
 * redacted form.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { looksRandom } from '../secrets/entropy.js';
import { scanText } from '../secrets/engine.js';
import { isVendored } from '../secrets/file-kind.js';
import { redact } from '../secrets/redact.js';
import { listTreeFiles, trackedFiles } from '../secrets/sources/working-tree.js';
import { definitionKindOf, parseDefinitions, type ParsedDefinition } from './definitions.js';
import { publicPrefixOf, secretLookingName } from './public-prefix.js';
import { findReads, readsCode } from './reads.js';
import type { DefinitionKind, EnvDefinition, EnvInventory, EnvRead, EnvSourceFile, EnvVariable } from './types.js';

const MAX_READS_KEPT = 10;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** How deep the extra walk for git-ignored `.env*` files goes (monorepos keep them in apps/<name>/). */
const DOTENV_DEPTH = 3;

/** `${{ secrets.X }}`, `${X}`, `$X`, `@vercel-secret`: the value lives elsewhere. */
const REFERENCE = /^\$\{\{.*\}\}$|^\$\{?[A-Za-z_][A-Za-z0-9_]*(?:[:?+-][^}]*)?\}?$|^@[\w-]+$/;

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

/** `.env*` files on disk, including git-ignored ones: they define the local environment. */
async function dotenvFilesOnDisk(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, depth: number) => {
    const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory() && depth < DOTENV_DEPTH && !isVendored(rel) && !e.name.startsWith('.')) await visit(rel, depth + 1);
      else if (e.isFile() && /^\.env/.test(e.name)) found.push(rel);
    }
  };
  await visit('', 0);
  return found;
}

function definitionOf(file: string, kind: DefinitionKind, d: ParsedDefinition): EnvDefinition[] {
  const empty = d.value === undefined || d.value === '';
  const reference = d.value === undefined ? kind === 'docker-compose' || kind === 'render' : REFERENCE.test(d.value);
  const base = { file, line: d.line, kind, empty: empty && !reference, reference };
  let described: Partial<EnvDefinition> = {};
  if (!empty && !reference && d.value !== undefined) {
    const value = d.value;
    const secret = scanText(`${d.name}=${value}`, { path: file, style: 'env' }).matches.find((m) => m.kind === 'secret');
    const randomUnderSecretName = !secret && secretLookingName(d.name) && looksRandom(value);
    described = {
      valueHash: hash(value),
      ...(secret ? { secretLike: secret.title, redacted: redact(secret.value, secret.visiblePrefix) } : {}),
      ...(randomUnderSecretName ? { secretLike: 'high-entropy value', redacted: redact(value) } : {}),
    };
  }
  const envs = kind === 'example' ? (['example'] as const) : d.environments;
  return envs.map((environment) => ({ ...base, environment, ...described }));
}

export async function buildInventory(root: string, display = root): Promise<EnvInventory> {
  const skipped = { vendored: 0, binary: 0, tooLarge: 0, unreadable: 0 };
  const [listing, tracked, onDisk] = await Promise.all([listTreeFiles(root, skipped), trackedFiles(root), dotenvFilesOnDisk(root)]);
  const files = [...new Set([...listing.files, ...onDisk])].filter((f) => !isVendored(f)).sort();
  const variables = new Map<string, EnvVariable>();
  const variable = (name: string) => {
    let v = variables.get(name);
    if (!v) {
      const prefix = publicPrefixOf(name);
      v = { name, ...(prefix ? { publicPrefix: prefix } : {}), reads: [], readCount: 0, definitions: [] };
      variables.set(name, v);
    }
    return v;
  };
  const sources: EnvSourceFile[] = [];
  let filesScanned = 0;
  for (const file of files) {
    const reads = readsCode(file);
    const defines = definitionKindOf(file) !== undefined;
    if (!reads && !defines) continue;
    let text: string;
    try {
      const bytes = await readFile(join(root, file));
      if (bytes.length > MAX_FILE_BYTES) continue;
      text = bytes.toString('utf8');
    } catch {
      continue;
    }
    if (reads) {
      filesScanned++;
      for (const r of findReads(file, text)) {
        const v = variable(r.name);
        v.readCount++;
        const read: EnvRead = { file: r.file, line: r.line, column: r.column, syntax: r.syntax };
        if (v.reads.length < MAX_READS_KEPT) v.reads.push(read);
      }
    }
    const parsed = defines ? parseDefinitions(file, text) : undefined;
    if (parsed) {
      sources.push({ file, kind: parsed.kind, environments: parsed.environments, ...(tracked ? { tracked: tracked.has(file) } : {}), variables: parsed.definitions.length });
      for (const d of parsed.definitions) variable(d.name).definitions.push(...definitionOf(file, parsed.kind, d));
    }
  }
  return {
    root: display,
    git: listing.git,
    filesScanned,
    sources,
    variables: [...variables.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
