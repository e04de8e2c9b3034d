/** The eval as Markdown (a CI summary or a PR comment): scores, then each failure with its conversation, then every case. */
import { mdBlock, mdCode, mdText } from '../../report/markdown-escape.js';
import { formatDuration } from '../../report/plain-text.js';
import type { EvalReport } from '../types.js';
import { caseName, percent, scoreLine, STATUS_SYMBOL, STATUS_WORD, transcript } from './labels.js';

export function renderEvalMarkdown(report: EvalReport): string {
  const s = report.summary;
  const out: string[] = [
    `# Chatbot eval: ${s.failed === 0 ? 'all checked cases pass' : `${s.failed} failing`}`,
    '',
    `Endpoint ${mdCode(report.endpoint)} · packs: ${report.packs.map((p) => mdCode(p)).join(', ') || 'custom cases'} · ${s.cases} cases, ${s.passed} passed, ${s.failed} failed, ${s.notChecked} not checked · ${s.requests} requests · ${formatDuration(s.durationMs)}`,
    '',
    '| Failure mode | Score | Cases |',
    '|---|---|---|',
    ...report.modes.map((m) => `| ${m.mode} | ${percent(m.score)} | ${scoreLine(m)} |`),
    '',
  ];
  const failing = report.cases.filter((c) => c.status === 'fail' || c.status === 'flaky');
  if (failing.length > 0) {
    out.push('## Failures', '');
    for (const c of failing) {
      out.push(`### ${mdText(caseName(c))} (${c.mode}${c.runs > 1 ? `, passed ${c.passes} of ${c.runs} runs` : ''})`, '');
      if (c.description) out.push(mdText(c.description), '');
      out.push(`**Why:** ${mdText(c.reason)}`, '', mdBlock(transcript(c).join('\n')), '');
    }
  }
  out.push('## Every case', '', '| | Case | Mode | Result |', '|---|---|---|---|');
  for (const c of report.cases) out.push(`| ${STATUS_SYMBOL[c.status]} | ${mdCode(caseName(c), true)} | ${c.mode} | ${STATUS_WORD[c.status]}${c.status === 'pass' ? '' : `: ${mdText(c.reason)}`} |`);
  out.push('');
  return out.join('\n');
}
