/**
 * `launch-ready env [PATH]`: the environment inventory (which variable is read where and defined
 * for which environment, never a value) and the env.* findings: public-prefixed secrets, committed
 * .env files, undeclared and unused variables, secrets shared between staging and production.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { secretsStageChecks } from '../checks/secret/index.js';
import { UsageError } from '../core/errors.js';
import { severityAtLeast } from '../core/finding.js';
import { buildInventory } from '../envinv/inventory.js';
import { inventoryMarkdown, inventoryText } from '../envinv/table.js';
import { toJsonReport } from '../report/json.js';
import { writeReportDir } from '../report/write.js';
import { stagePlan, stageReport } from '../secrets/command-report.js';
import { addOutputOptions, type RegisterCommand } from './command-kit.js';
import { checkOutputFlags, emitReport, type OutputFlags } from './output.js';

const INVENTORY_CHECKS = secretsStageChecks.filter((c) => c.requires.length === 1 && c.requires[0] === 'envInventory');

export async function envAction(pathArg: string | undefined, flags: OutputFlags): Promise<number> {
  const { format, failOn } = checkOutputFlags(flags);
  const path = pathArg ?? '.';
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError('LR_NO_SUCH_PATH', `${path}: not a folder to take the inventory of.`);
  const startedAt = new Date();
  const envInventory = await buildInventory(resolve(path), path);
  const artifacts = { plan: stagePlan(path, basename(resolve(path)), startedAt), envInventory };
  const report = stageReport({ checks: INVENTORY_CHECKS, artifacts, target: path, startedAt, barItems: ['env-vars'] });
  if (format === 'json') {
    // One document: the inventory (hashes and redacted forms only) and the report.
    process.stdout.write(`${JSON.stringify({ inventory: envInventory, report: toJsonReport(report) }, null, 2)}\n`);
    if (flags.out) await writeReportDir(report, resolve(flags.out), INVENTORY_CHECKS);
    return report.findings.some((f) => severityAtLeast(f.severity, failOn)) ? 1 : 0;
  }
  if (format === 'terminal') process.stdout.write(`${inventoryText(envInventory)}\n`);
  if (format === 'md') process.stdout.write(`${inventoryMarkdown(envInventory)}\n`);
  return emitReport(report, flags);
}

export const registerEnvCommand: RegisterCommand = (root, run) => {
  addOutputOptions(
    root
      .command('env')
      .argument('[path]', 'project folder (default: .)')
      .description('inventory the environment variables the code reads and the files define, per environment, and flag secrets in public variables'),
  ).action(run((path: string | undefined, flags: OutputFlags) => envAction(path, flags)));
};
