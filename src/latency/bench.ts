/** A whole `launch-ready bench` run: every target in turn, its budgets, and the baseline comparison. */
import { VERSION } from '../version.js';
import { compareToBaseline, type Baseline, type Tolerance } from './baseline.js';
import { formatMs, formatPercent } from './format.js';
import type { BenchReport, TargetRun } from './result.js';
import { runTarget, type RunEnvironment } from './run-target.js';
import type { BenchTarget } from './targets.js';
import type { ThresholdResult } from './thresholds.js';

function budgetFailure(run: TargetRun, r: ThresholdResult): string {
  if (r.value === null) return `${run.name}: ${r.text} failed — no successful response to measure`;
  const percent = r.threshold.metric === 'errorRate';
  const measured = percent ? formatPercent(r.value) : formatMs(r.value);
  return `${run.name}: ${r.text} failed — measured ${measured}, budget ${r.threshold.limit} ${percent ? '%' : 'ms'}`;
}

function regressionFailure(run: TargetRun): string {
  const g = run.regression!;
  const pct = g.baselineP95 > 0 ? ` (+${Math.round(((g.currentP95 - g.baselineP95) / g.baselineP95) * 100)} %)` : '';
  return `${run.name}: p95 regressed — ${formatMs(g.currentP95)} now vs ${formatMs(g.baselineP95)} in the baseline${pct}; tolerance ${g.tolerance.percent} % and ${g.tolerance.ms} ms`;
}

/** Every failed budget and regression, one line each: what the exit code 1 is about. */
export function failuresOf(runs: readonly TargetRun[]): string[] {
  return runs.flatMap((run) => [...run.thresholds.filter((t) => !t.pass).map((t) => budgetFailure(run, t)), ...(run.regression?.regressed ? [regressionFailure(run)] : [])]);
}

export async function runBench(opts: {
  targets: readonly BenchTarget[];
  env: RunEnvironment;
  baseline?: { file: string; data: Baseline; tolerance?: Tolerance };
  /** Called before each target starts (the cost line is printed from here). */
  onTargetStart?(target: BenchTarget): void;
  now?: Date;
}): Promise<BenchReport> {
  const startedAt = opts.now ?? new Date();
  const runs: TargetRun[] = [];
  for (const target of opts.targets) {
    if (opts.env.signal?.aborted) break;
    opts.onTargetStart?.(target);
    const run = await runTarget(target, opts.env);
    const base = opts.baseline?.data.targets.find((t) => t.name === run.name);
    if (base) run.regression = compareToBaseline(run.total, base.total, opts.baseline?.tolerance);
    runs.push(run);
  }
  const report: BenchReport = { tool: { name: 'launch-ready', version: VERSION }, startedAt: startedAt.toISOString(), targets: runs, failures: failuresOf(runs) };
  if (opts.baseline) {
    const measured = new Set(runs.map((r) => r.name));
    report.baseline = { file: opts.baseline.file, savedAt: opts.baseline.data.savedAt, missing: opts.baseline.data.targets.map((t) => t.name).filter((n) => !measured.has(n)) };
  }
  return report;
}
