/** One part of `launch-ready ci` and how it ended; the combined exit code is the worst of them. */
import type { SarifLog } from './sarif-merge.js';

export type StepStatus = 'pass' | 'fail' | 'skipped' | 'error';

export interface StepResult {
  name: string;
  status: StepStatus;
  /** One line: what was found, or why the step did not run ("not configured: …"). */
  summary: string;
  /** Markdown the step produced (its report), shown under the summary table. */
  details?: string;
  /** Its findings as SARIF, for the one file `--sarif` writes. */
  sarif?: SarifLog;
}

const EXIT: Record<StepStatus, number> = { pass: 0, skipped: 0, fail: 1, error: 2 };

/** 0 when every step passed or was skipped, 1 when one failed, 2 when one could not run as configured. */
export function combinedExitCode(steps: readonly StepResult[]): number {
  return Math.max(0, ...steps.map((s) => EXIT[s.status]));
}

export function skipped(name: string, why: string): StepResult {
  return { name, status: 'skipped', summary: why };
}
