/**
 * One check often fires on several hosts with the same impact and fix. Reports spell those out
 * once, at the best-ranked finding, and point back to it from the others: the page stays short
 * without losing a finding.
 */
import type { Finding } from '../core/finding.js';

/** For each finding that repeats an earlier one's impact and fix, the rank of that earlier finding. */
export function repeatsOf(findings: readonly Finding[]): Map<Finding, number> {
  const first = new Map<string, Finding>();
  const repeats = new Map<Finding, number>();
  for (const f of findings) {
    const key = `${f.id}\n${f.impact}\n${f.remediation}`;
    const earlier = first.get(key);
    if (earlier?.rank !== undefined) repeats.set(f, earlier.rank);
    else first.set(key, f);
  }
  return repeats;
}
