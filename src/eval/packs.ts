/**
 * The built-in packs, shipped as YAML data in src/eval/packs/ (package.json "files" publishes the
 * folder). They are found from the package root, so the compiled CLI in dist/ and the sources run
 * by tsx read the same files and no build step has to copy them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../config/did-you-mean.js';
import { loadCaseFile } from './case-file.js';
import type { EvalCase } from './types.js';

export const PACKS = ['ecommerce', 'injection', 'tools', 'failure'] as const;
export type PackName = (typeof PACKS)[number];

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'launch-ready') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('launch-ready: cannot find its package root (package.json) to read the eval packs from');
    dir = up;
  }
}

export function packFile(name: PackName): string {
  return join(packageRoot(), 'src', 'eval', 'packs', `${name}.yaml`);
}

/** `ecommerce,injection` → the names, refusing unknown ones with the closest match. */
export function parsePackList(list: string): PackName[] {
  const names = list.split(',').map((n) => n.trim()).filter(Boolean);
  for (const n of names) {
    if (!(PACKS as readonly string[]).includes(n)) {
      const hint = didYouMean(n, PACKS);
      throw new UsageError('LR_UNKNOWN_PACK', `--pack "${n}": no such pack${hint ? `; did you mean "${hint}"?` : ''} The packs are ${PACKS.join(', ')}.`);
    }
  }
  return [...new Set(names)] as PackName[];
}

export async function loadPacks(names: readonly PackName[]): Promise<EvalCase[]> {
  const loaded = await Promise.all(names.map((name) => loadCaseFile(packFile(name), name)));
  return loaded.flat();
}
