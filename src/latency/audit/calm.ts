/**
 * Waiting for the auditor itself to be quiet. The audit's other collectors (TLS probes, crawls,
 * the chatbot eval) can keep this process's event loop busy for a second or two; a request timed
 * then waits in that queue too, and the delay is blamed on the target. Budgets of a few seconds
 * absorb that; sub-second budgets, and single requests compared with each other (the first read
 * against the repeats, the first turn against the fifth), do not, so they wait for a calm loop.
 */
import { LATENCY_METRICS } from '../thresholds.js';
import type { BenchTarget } from '../targets.js';

/** A bench with a latency budget under this waits for calm first. */
export const CALM_BUDGET_MS = 1000;
/** Calm: no event-loop delay over this during a whole window. */
const CALM_LAG_MS = 30;
const CALM_WINDOW_MS = 100;
/** Never wait longer than this: a machine that stays busy is measured busy. */
export const CALM_MAX_WAIT_MS = 1500;

/** Whether the target has a latency budget tight enough for the auditor's own delays to matter. */
export function needsCalm(target: BenchTarget): boolean {
  return target.thresholds.some((t) => (LATENCY_METRICS as readonly string[]).includes(t.metric) && t.limit < CALM_BUDGET_MS);
}

const TICK_MS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How late the event loop ran a short timer, at worst, over `windowMs`. */
async function worstDelay(windowMs: number): Promise<number> {
  let worst = 0;
  const end = performance.now() + windowMs;
  while (performance.now() < end) {
    const asked = performance.now();
    await sleep(TICK_MS);
    worst = Math.max(worst, performance.now() - asked - TICK_MS);
  }
  return worst;
}

/** Resolves once the event loop has answered promptly for a whole window, or after `maxWaitMs`. */
export async function untilCalm(maxWaitMs = CALM_MAX_WAIT_MS): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < maxWaitMs) {
    if ((await worstDelay(CALM_WINDOW_MS)) < CALM_LAG_MS) return;
  }
}
