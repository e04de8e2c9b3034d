/** Words and symbols every eval format shares. */
import type { CaseResult, CaseStatus, ModeScore } from '../types.js';

export const STATUS_WORD: Record<CaseStatus, string> = { pass: 'pass', fail: 'FAIL', flaky: 'FLAKY', 'not-checked': 'not checked' };
export const STATUS_SYMBOL: Record<CaseStatus, string> = { pass: '✓', fail: '✗', flaky: '~', 'not-checked': '–' };

export function caseName(c: Pick<CaseResult, 'pack' | 'id'>): string {
  return `${c.pack}/${c.id}`;
}

export function percent(score: number | null): string {
  return score === null ? '—' : `${Math.round(score * 100)}%`;
}

export function scoreLine(m: ModeScore): string {
  return `${m.passed}/${m.passed + m.failed} passed${m.notChecked ? `, ${m.notChecked} not checked` : ''}`;
}

/** The conversation of a failed case, one line per turn, for details. */
export function transcript(c: CaseResult): string[] {
  return c.turns.flatMap((t, i) => [
    `${c.turns.length > 1 ? `turn ${i + 1} ` : ''}customer: ${t.prompt}`,
    `${c.turns.length > 1 ? `turn ${i + 1} ` : ''}bot${t.status !== undefined ? ` (HTTP ${t.status}, ${t.latencyMs} ms${t.tools.length ? `, tools: ${t.tools.join(', ')}` : ''})` : ''}: ${t.error ? `[${t.error}] ` : ''}${t.reply || '(empty)'}`,
  ]);
}
