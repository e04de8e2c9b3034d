/**
 * The inventory table: one row per variable, one column per environment — defined, public (defined
 * and inlined into the browser bundle), missing (that environment has files but not this
 * variable), or – (no file sets that environment). Never a value.
 */
import { ENVIRONMENTS, type EnvInventory, type EnvironmentName, type EnvVariable } from './types.js';

export interface InventoryTable {
  head: string[];
  rows: string[][];
}

function cell(v: EnvVariable, env: EnvironmentName, covered: Set<string>): string {
  if (v.definitions.some((d) => d.environment === env && (!d.empty || d.reference))) return v.publicPrefix ? 'public' : 'defined';
  return covered.has(env) ? 'missing' : '–';
}

export function inventoryTable(inv: EnvInventory): InventoryTable {
  const covered = new Set(inv.sources.flatMap((s) => s.environments));
  const envs = ENVIRONMENTS.filter((e) => e !== 'ci' || covered.has('ci'));
  const hasExample = inv.sources.some((s) => s.kind === 'example');
  const head = ['variable', ...(hasExample ? ['example'] : []), ...envs, 'read by code'];
  const rows = inv.variables.map((v) => [
    v.name,
    ...(hasExample ? [v.definitions.some((d) => d.environment === 'example') ? 'declared' : 'missing'] : []),
    ...envs.map((e) => cell(v, e, covered)),
    v.readCount > 0 ? `${v.readCount}× (${v.reads[0].file}:${v.reads[0].line})` : 'no',
  ]);
  return { head, rows };
}

/** Markdown; `|` in a cell is escaped. */
export function inventoryMarkdown(inv: EnvInventory): string {
  const { head, rows } = inventoryTable(inv);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)];
  return `## Environment variables\n\n${rows.length > 0 ? lines.join('\n') : 'No variable is read or defined.'}\n`;
}

/** Plain columns for the terminal. */
export function inventoryText(inv: EnvInventory): string {
  const { head, rows } = inventoryTable(inv);
  if (rows.length === 0) return 'Environment variables: none read or defined.\n';
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return `Environment variables\n\n${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
