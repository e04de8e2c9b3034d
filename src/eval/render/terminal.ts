/**
 * The eval on a terminal: one line per case (status, case, failure mode, why), the reply excerpt
 * under each failure, then the score per failure mode and the totals.
 */
import pc from 'picocolors';
import { formatDuration, oneLine, plural } from '../../report/plain-text.js';
import type { CaseStatus, EvalReport } from '../types.js';
import { caseName, percent, scoreLine, STATUS_SYMBOL, STATUS_WORD } from './labels.js';

export interface TerminalOptions {
  color: boolean;
  width: number;
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

export function renderEvalTerminal(report: EvalReport, opts: TerminalOptions): string {
  const c = pc.createColors(opts.color);
  const paint: Record<CaseStatus, (s: string) => string> = { pass: c.green, fail: c.red, flaky: c.yellow, 'not-checked': c.dim };
  const width = Math.max(60, opts.width);
  const nameWidth = Math.min(44, Math.max(...report.cases.map((x) => caseName(x).length), 10));
  const modeWidth = Math.max(...report.cases.map((x) => x.mode.length), 4);
  const out: string[] = [c.bold(`launch-ready eval · ${report.endpoint} · ${report.packs.join(', ') || 'custom cases'}`), ''];
  for (const r of report.cases) {
    const status = `${STATUS_SYMBOL[r.status]} ${STATUS_WORD[r.status]}`.padEnd(13);
    const rate = r.runs > 1 ? ` (${r.passes}/${r.runs})` : '';
    const head = `${status} ${cut(caseName(r), nameWidth).padEnd(nameWidth)}  ${r.mode.padEnd(modeWidth)}  `;
    const reason = r.status === 'pass' ? '' : oneLine(r.reason);
    out.push(`${paint[r.status](head.slice(0, 13))}${head.slice(13)}${cut(`${reason}${rate}`, width - head.length)}`);
    if (r.status === 'fail' || r.status === 'flaky') {
      const last = r.turns.findLast((t) => t.reply !== '' || t.error) ?? r.turns[r.turns.length - 1];
      const said = last?.error ? `[${last.error}]` : JSON.stringify(oneLine(last?.reply ?? ''));
      out.push(c.dim(cut(`${' '.repeat(14)}reply: ${said}`, width)));
    }
  }
  out.push('', c.bold('Score by failure mode'));
  for (const m of report.modes) out.push(`  ${m.mode.padEnd(20)} ${percent(m.score).padStart(4)}  ${scoreLine(m)}`);
  const s = report.summary;
  out.push(
    '',
    `${plural(s.cases, 'case')}: ${c.green(`${s.passed} passed`)}, ${s.failed ? c.red(`${s.failed} failed`) : '0 failed'}, ${s.notChecked} not checked · ${plural(s.requests, 'request')} · ${formatDuration(s.durationMs)}`,
    '',
  );
  return out.join('\n');
}
