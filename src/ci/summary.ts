/**
 * The CI summary: one table of the steps, then what each produced. Markdown for
 * `$GITHUB_STEP_SUMMARY` (GitHub renders it on the run's page) and PR comments; plain text for logs.
 */
import { mdText } from '../report/markdown-escape.js';
import { oneLine } from '../report/plain-text.js';
import { combinedExitCode, type StepResult, type StepStatus } from './step.js';

const MD: Record<StepStatus, string> = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped', error: '⚠️ error' };
const TEXT: Record<StepStatus, string> = { pass: 'pass   ', fail: 'FAIL   ', skipped: 'skipped', error: 'ERROR  ' };

function verdict(steps: readonly StepResult[]): string {
  const code = combinedExitCode(steps);
  return code === 0 ? 'passed' : code === 1 ? 'failed' : 'could not run every step';
}

export function renderSummaryMarkdown(steps: readonly StepResult[]): string {
  const lines = [`## launch-ready ci: ${combinedExitCode(steps) === 0 ? '✅' : '❌'} ${verdict(steps)}`, '', '| Step | Result | Detail |', '|---|---|---|'];
  for (const s of steps) lines.push(`| ${mdText(s.name)} | ${MD[s.status]} | ${mdText(s.summary)} |`);
  for (const s of steps.filter((x) => x.details)) lines.push('', `<details${s.status === 'fail' ? ' open' : ''}><summary>${mdText(s.name)}</summary>`, '', s.details as string, '', '</details>');
  return `${lines.join('\n')}\n`;
}

export function renderSummaryText(steps: readonly StepResult[]): string {
  const width = Math.max(...steps.map((s) => s.name.length));
  const lines = steps.map((s) => `${TEXT[s.status]}  ${s.name.padEnd(width)}  ${oneLine(s.summary)}`);
  return `${[`launch-ready ci: ${verdict(steps)}`, ...lines].join('\n')}\n`;
}
