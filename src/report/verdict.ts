/**
 * The verdict and its one-line headline. Critical and high findings block the launch; medium ones
 * are what to fix in the first week; low and info never change the verdict.
 */
import type { CheckResult } from '../core/check.js';
import type { Severity } from '../core/finding.js';
import { plural } from './plain-text.js';
import type { Report } from './types.js';

/** Low and info findings: they never change the verdict, so the reports list them compactly after the rest. */
export function isMinor(severity: Severity): boolean {
  return severity === 'low' || severity === 'info';
}

export function verdictOf(summary: Record<Severity, number>, results: readonly CheckResult[]): Report['verdict'] {
  // An audit in which no check could run has seen nothing, so it cannot call the site ready.
  const ran = results.some((r) => r.status !== 'error');
  return !ran || summary.critical + summary.high > 0 ? 'not-ready' : 'ready';
}

/** "Not launch ready — 4 blockers, 7 to fix this week", "Launch ready — nothing above low (2 low, 1 info)". */
export function headlineOf(summary: Record<Severity, number>, results: readonly CheckResult[]): string {
  const blockers = summary.critical + summary.high;
  const week = summary.medium;
  const notRun = results.filter((r) => r.status === 'error').length;
  if (!results.some((r) => r.status !== 'error')) return 'Not launch ready — no check could run';
  let headline: string;
  if (blockers > 0) {
    headline = `Not launch ready — ${plural(blockers, 'blocker')}${week > 0 ? `, ${week} to fix this week` : ''}`;
  } else if (week > 0) {
    headline = `Launch ready — no blockers, ${week} to fix this week`;
  } else {
    const minor = [summary.low > 0 ? `${summary.low} low` : '', summary.info > 0 ? `${summary.info} info` : ''].filter(Boolean);
    headline = `Launch ready — nothing above low${minor.length > 0 ? ` (${minor.join(', ')})` : ''}`;
  }
  return notRun > 0 ? `${headline}; ${plural(notRun, 'check')} could not run` : headline;
}
