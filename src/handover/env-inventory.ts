/**
 * The environment-variable inventory of the secrets stage (`launch-ready env`), for the handover:
 * which variable is defined where, per environment. Taken from the repository in process, or read
 * from a saved `launch-ready env --format json`. Only names, files and environments are kept; the
 * inventory never holds values.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { buildInventory } from '../envinv/inventory.js';

export interface InventoryVariable {
  name: string;
  publicPrefix?: string;
  /** Environment → the files that define it there. */
  definedIn: Record<string, string[]>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The variables of an inventory as the handover shows them: names and where each is defined. */
export function toVariables(variables: readonly unknown[]): InventoryVariable[] {
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

/** A saved inventory: what `launch-ready env --format json` prints (`{ inventory, report }`), or the bare inventory. */
export async function readEnvInventory(file: string): Promise<InventoryVariable[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError('LR_ENV_INVENTORY_UNREADABLE', `--env-inventory ${file}: cannot read it as JSON (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); write it with \`launch-ready env --format json > ${file}\`.`);
  }
  const inventory = isObject(parsed) && isObject(parsed.inventory) ? parsed.inventory : parsed;
  const variables = isObject(inventory) && Array.isArray(inventory.variables) ? inventory.variables : undefined;
  if (!variables) throw new UsageError('LR_ENV_INVENTORY_INVALID', `--env-inventory ${file}: no "variables" list; expected the JSON of \`launch-ready env --format json\`.`);
  return toVariables(variables);
}

/** The inventory of the repository itself, taken as `launch-ready env` takes it; undefined when it cannot be. */
export async function takeEnvInventory(dir: string): Promise<InventoryVariable[] | undefined> {
  try {
    return toVariables((await buildInventory(dir)).variables);
  } catch {
    return undefined;
  }
}
