/** The bench report for a terminal: one block per target, failures last. */
import pc from 'picocolors';
import { oneLine, plural } from '../report/plain-text.js';
import { describeModel } from './describe.js';
import { formatMs, formatPercent, formatRate } from './format.js';
import type { LatencySummary } from './histogram.js';
import type { BenchReport, TargetRun } from './result.js';

const COLUMNS: Array<[keyof LatencySummary, string]> = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
  ['max', 'max'],
  ['mean', 'mean'],
];

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `  ${pad(r, widths)}`.trimEnd());
}

export function statusLine(run: TargetRun): string {
  const statuses = Object.entries(run.statusCounts)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  const kinds = Object.entries(run.errorKinds)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return `${plural(run.requests, 'request')} · ${formatRate(run.achievedRate)} achieved · errors ${run.errors} (${formatPercent(run.errorRatePercent)})${kinds ? `: ${kinds}` : ''}${statuses ? ` · status ${statuses}` : ''}`;
}

export function sendsLine(run: TargetRun): string | undefined {
  const s = run.sends;
  if (!s) return undefined;
  return `sends: ${s.late} late by more than ${s.lateThresholdMs} ms (p99 ${formatMs(s.p99LateMs)}, max ${formatMs(s.maxLateMs)}), ${s.dropped} dropped`;
}

type Colors = ReturnType<typeof pc.createColors>;

function targetBlock(run: TargetRun, c: Colors): string[] {
  const request = `${run.method} ${run.url}`;
  const title = run.name === run.url ? c.bold(request) : `${c.bold(oneLine(run.name))}${c.dim(`  ${request}`)}`;
  const lines = [`${title}${c.dim(` — ${describeModel(run.model, run.plannedDurationMs)}`)}`];
  lines.push(`  ${statusLine(run)}`);
  const sends = sendsLine(run);
  if (sends) lines.push(`  ${run.sends!.late > 0 || run.sends!.dropped > 0 ? c.yellow(sends) : sends}`);
  if (run.capReached) lines.push(`  ${c.yellow(`stopped at the request cap (${run.requestCap}) before the schedule ended`)}`);
  if (run.interrupted) lines.push(`  ${c.yellow('interrupted: figures cover the requests sent before Ctrl-C')}`);
  const header = ['', ...COLUMNS.map(([, label]) => label)];
  const row = (label: string, s: LatencySummary) => [label, ...COLUMNS.map(([key]) => (s.count > 0 ? formatMs(s[key]) : '—'))];
  const fromIntended = run.model.kind === 'open' ? ' (from intended send)' : '';
  lines.push(...table([header, row(`total${fromIntended}`, run.total), row(`ttfb${fromIntended}`, run.ttfb)]));
  if (run.serverTiming.length > 0) {
    lines.push('  Server-Timing:');
    lines.push(...table([['component', 'responses', 'p50', 'p95'], ...run.serverTiming.map((m) => [`  ${oneLine(m.name)}`, String(m.count), formatMs(m.p50), formatMs(m.p95)])]));
  }
  for (const t of run.thresholds) {
    const value = t.value === null ? 'nothing measured' : t.threshold.metric === 'errorRate' ? formatPercent(t.value) : formatMs(t.value);
    lines.push(`  ${t.pass ? c.green('✓') : c.red('✗')} ${t.text} (${value})`);
  }
  if (run.regression) {
    const g = run.regression;
    const verdict = g.regressed ? c.red('regressed') : c.green('within tolerance');
    lines.push(`  baseline p95 ${formatMs(g.baselineP95)} → ${formatMs(g.currentP95)}: ${verdict}`);
  }
  for (const sample of run.errorSamples) lines.push(c.dim(`  error: ${oneLine(sample)}`));
  return lines;
}

export function renderBenchTerminal(report: BenchReport, opts: { color: boolean }): string {
  const c = pc.createColors(opts.color);
  const blocks = report.targets.map((run) => targetBlock(run, c).join('\n'));
  if (report.baseline?.missing.length) blocks.push(c.yellow(`not in this run, but in the baseline: ${report.baseline.missing.join(', ')}`));
  blocks.push(
    report.failures.length > 0
      ? [c.red(c.bold(`${plural(report.failures.length, 'failure')}:`)), ...report.failures.map((f) => `  ${oneLine(f)}`)].join('\n')
      : c.green(report.targets.some((t) => t.thresholds.length > 0 || t.regression) ? 'Every budget met.' : 'No budgets set: nothing to fail (add --p95 500ms or a budget in the config).'),
  );
  return `${blocks.join('\n\n')}\n`;
}
