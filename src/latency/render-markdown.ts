/** The bench report as Markdown, for a PR comment or a run log. Server-supplied text is escaped. */
import { mdCode, mdText } from '../report/markdown-escape.js';
import { describeModel } from './describe.js';
import { formatMs, formatPercent } from './format.js';
import type { LatencySummary } from './histogram.js';
import type { BenchReport, TargetRun } from './result.js';
import { sendsLine, statusLine } from './render-terminal.js';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const cell = (s: LatencySummary, key: keyof LatencySummary) => (s.count > 0 ? formatMs(s[key]) : '—');

function targetSection(run: TargetRun): string[] {
  const out = [`## ${mdText(run.name)}`, '', `${mdCode(`${run.method} ${run.url}`)} — ${describeModel(run.model, run.plannedDurationMs)}`, '', mdText(statusLine(run))];
  const sends = sendsLine(run);
  if (sends) out.push('', mdText(sends));
  if (run.capReached) out.push('', `Stopped at the request cap (${run.requestCap}) before the schedule ended.`);
  if (run.interrupted) out.push('', 'Interrupted: figures cover the requests sent before Ctrl-C.');
  const keys: Array<keyof LatencySummary> = ['p50', 'p90', 'p95', 'p99', 'p999', 'max', 'mean'];
  out.push('', row(['', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'mean']), row(Array(8).fill('---')));
  out.push(row(['total', ...keys.map((k) => cell(run.total, k))]), row(['time to first byte', ...keys.map((k) => cell(run.ttfb, k))]));
  if (run.serverTiming.length > 0) {
    out.push('', '**Server-Timing**', '', row(['component', 'responses', 'p50', 'p95']), row(['---', '---:', '---:', '---:']));
    for (const m of run.serverTiming) out.push(row([mdText(m.name), String(m.count), formatMs(m.p50), formatMs(m.p95)]));
  }
  if (run.thresholds.length > 0) {
    out.push('', row(['budget', 'measured', 'result']), row(['---', '---:', '---']));
    for (const t of run.thresholds) {
      const value = t.value === null ? 'nothing measured' : t.threshold.metric === 'errorRate' ? formatPercent(t.value) : formatMs(t.value);
      out.push(row([mdCode(t.text, true), value, t.pass ? 'met' : '**failed**']));
    }
  }
  if (run.regression) {
    const g = run.regression;
    out.push('', `Baseline p95 ${formatMs(g.baselineP95)} → ${formatMs(g.currentP95)}: ${g.regressed ? '**regressed**' : 'within tolerance'}.`);
  }
  if (run.errorSamples.length > 0) out.push('', 'Errors seen:', '', ...run.errorSamples.map((e) => `- ${mdText(e)}`));
  return out;
}

export function renderBenchMarkdown(report: BenchReport): string {
  const out = ['# Latency benchmark', '', `launch-ready ${report.tool.version}, started ${report.startedAt}.`, ''];
  for (const run of report.targets) out.push(...targetSection(run), '');
  if (report.baseline?.missing.length) out.push(`In the baseline but not in this run: ${report.baseline.missing.map(mdText).join(', ')}.`, '');
  if (report.failures.length > 0) out.push('## Failures', '', ...report.failures.map((f) => `- ${mdText(f)}`), '');
  else out.push(report.targets.some((t) => t.thresholds.length > 0 || t.regression) ? 'Every budget met.' : 'No budgets set: nothing to fail.', '');
  return out.join('\n');
}
