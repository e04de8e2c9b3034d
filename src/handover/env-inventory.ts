/**
 * The environment-variable inventory `launch-ready env --format json` writes (the secrets stage),
 * read for the handover: which variable is defined where, per environment. Only names, files and
 * environments are read; the file never holds values.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';

export interface InventoryVariable {
  name: string;
  publicPrefix?: string;
  /** Environment → the files that define it there. */
  definedIn: Record<string, string[]>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export async function readEnvInventory(file: string): Promise<InventoryVariable[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError('LR_ENV_INVENTORY_UNREADABLE', `--env-inventory ${file}: cannot read it as JSON (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); write it with \`launch-ready env --format json > ${file}\`.`);
  }
  const variables = isObject(parsed) && Array.isArray(parsed.variables) ? parsed.variables : undefined;
  if (!variables) throw new UsageError('LR_ENV_INVENTORY_INVALID', `--env-inventory ${file}: no "variables" list; expected the JSON of \`launch-ready env --format json\`.`);
  return variables.filter(isObject).flatMap((v) => {
    if (typeof v.name !== 'string') return [];
    const definedIn: Record<string, string[]> = {};
    for (const d of Array.isArray(v.definitions) ? v.definitions.filter(isObject) : []) {
      if (typeof d.environment !== 'string' || typeof d.file !== 'string') continue;
      definedIn[d.environment] = [...new Set([...(definedIn[d.environment] ?? []), d.file])];
    }
    return [{ name: v.name, ...(typeof v.publicPrefix === 'string' ? { publicPrefix: v.publicPrefix } : {}), definedIn }];
  });
}
