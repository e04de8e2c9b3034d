/** The run's totals and the per-failure-mode scores. A flaky case counts as failed. */
import { FAILURE_MODES, type CaseResult, type EvalReport, type ModeScore } from './types.js';

function modeScores(cases: readonly CaseResult[]): ModeScore[] {
  return FAILURE_MODES.map((mode): ModeScore => {
    const mine = cases.filter((c) => c.mode === mode);
    const passed = mine.filter((c) => c.status === 'pass').length;
    const failed = mine.filter((c) => c.status === 'fail' || c.status === 'flaky').length;
    const notChecked = mine.filter((c) => c.status === 'not-checked').length;
    return { mode, passed, failed, notChecked, score: passed + failed > 0 ? passed / (passed + failed) : null };
  }).filter((s) => s.passed + s.failed + s.notChecked > 0);
}

export function buildReport(input: { endpoint: string; packs: string[]; cases: CaseResult[]; requests: number; durationMs: number }): EvalReport {
  const { cases } = input;
  return {
    endpoint: input.endpoint,
    packs: input.packs,
    summary: {
      cases: cases.length,
      passed: cases.filter((c) => c.status === 'pass').length,
      failed: cases.filter((c) => c.status === 'fail' || c.status === 'flaky').length,
      notChecked: cases.filter((c) => c.status === 'not-checked').length,
      requests: input.requests,
      durationMs: input.durationMs,
    },
    modes: modeScores(cases),
    cases,
  };
}

/** Whether a case in one of the gating packs failed (the CLI exits 1). */
export function gateFails(report: EvalReport, gating: readonly string[] | 'all'): boolean {
  return report.cases.some((c) => (c.status === 'fail' || c.status === 'flaky') && (gating === 'all' || gating.includes(c.pack)));
}
