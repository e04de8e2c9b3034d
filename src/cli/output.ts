import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checks } from '../checks/index.js';
import { UsageError } from '../core/errors.js';
import { isSeverity, severityAtLeast, type Severity } from '../core/finding.js';
import type { Report } from '../report/types.js';
import { renderReport, writeReportDir, type ReportFormat } from '../report/write.js';

export interface OutputFlags {
  format?: string;
  out?: string;
  failOn?: string;
  quiet?: boolean;
}

const FORMATS: ReportFormat[] = ['terminal', 'md', 'html', 'json', 'sarif'];

/** Validates output flags before any network work starts, so a typo costs nothing. */
export function checkOutputFlags(flags: OutputFlags): { format: ReportFormat; failOn: Severity } {
  const format = (flags.format ?? 'terminal') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError('LR_BAD_FORMAT', `--format "${flags.format}": expected one of ${FORMATS.join(', ')}.`);
  const failOn = flags.failOn ?? 'high';
  if (!isSeverity(failOn)) throw new UsageError('LR_BAD_FAIL_ON', `--fail-on "${failOn}": expected one of critical, high, medium, low, info.`);
  return { format, failOn };
}

function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/** Prints the report in the chosen format, writes every format under --out, and returns the exit code. */
export async function emitReport(report: Report, flags: OutputFlags): Promise<number> {
  const { format, failOn } = checkOutputFlags(flags);
  const rules = checks;
  process.stdout.write(renderReport(report, format, { color: format === 'terminal' && useColor(), width: process.stdout.columns || 100, rules }));
  if (flags.out) {
    const dir = resolve(flags.out);
    await mkdir(dir, { recursive: true });
    const written = await writeReportDir(report, dir, rules);
    if (!flags.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
  }
  return report.findings.some((f) => severityAtLeast(f.severity, failOn)) ? 1 : 0;
}
