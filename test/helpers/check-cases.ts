/**
 * The shape of a check's test table (ESLint RuleTester style). Each file under
 * test/checks/cases/<folder>/<name>.ts default-exports one of these for check `<folder>.<name>`;
 * test/checks/checks.test.ts runs them all and refuses a check without a pass and a fail case.
 */
import type { Artifacts } from '../../src/core/artifacts.js';
import type { Severity } from '../../src/core/finding.js';

export interface PassCase {
  name: string;
  artifacts: Artifacts;
}

export interface FailCase {
  name: string;
  artifacts: Artifacts;
  /** Every finding expected, in any order; each must match target and, when given, severity and an evidence fragment. */
  expect: Array<{ target: string; severity?: Severity; evidence?: string | RegExp }>;
}

export interface CheckCases {
  pass: PassCase[];
  fail: FailCase[];
}

export function cases(c: CheckCases): CheckCases {
  return c;
}
