/** Every output format of `launch-ready eval`. */
import type { EvalReport } from '../types.js';
import { renderEvalJunit } from './junit.js';
import { renderEvalMarkdown } from './markdown.js';
import { renderEvalTerminal, type TerminalOptions } from './terminal.js';

export const EVAL_FORMATS = ['terminal', 'json', 'md', 'junit'] as const;
export type EvalFormat = (typeof EVAL_FORMATS)[number];

export const EVAL_FILE_NAMES: Record<Exclude<EvalFormat, 'terminal'>, string> = { json: 'eval.json', md: 'eval.md', junit: 'eval.junit.xml' };

export function renderEval(report: EvalReport, format: EvalFormat, terminal: TerminalOptions): string {
  switch (format) {
    case 'terminal':
      return renderEvalTerminal(report, terminal);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return renderEvalMarkdown(report);
    case 'junit':
      return renderEvalJunit(report);
  }
}
