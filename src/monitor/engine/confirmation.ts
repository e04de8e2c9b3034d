/**
 * Confirmation before a state change (issue 7 §1): a failed check is re-checked from a fresh
 * connection after a delay, and a monitor is down only after `down` consecutive failures (2 by
 * default); it is up again after `up` consecutive successes (1). A blip shorter than the re-check
 * delay therefore never opens an incident. A confirmed state change is dated back to the first
 * check of its streak, which is when the outage really began.
 */

export type ConfirmedState = 'pending' | 'up' | 'down';

export interface Confirmation {
  state: ConfirmedState;
  /** The current streak against the state: failures while up/pending, successes while down. */
  streak: number;
  streakSince?: number;
}

export interface ConfirmOptions {
  down: number;
  up: number;
  recheckMs: number;
}

export interface Step {
  next: Confirmation;
  /** A confirmed change, dated at the first check of its streak. */
  change?: { to: 'up' | 'down'; at: number };
  /** Re-check from a fresh connection at this time. */
  recheckAt?: number;
}

export const INITIAL: Confirmation = { state: 'pending', streak: 0 };

export function confirm(current: Confirmation, ok: boolean, at: number, o: ConfirmOptions): Step {
  const against = current.state === 'down' ? ok : !ok;
  if (!against) {
    // A result agreeing with the state ends any streak; a first success makes a new monitor up.
    if (current.state === 'pending' && ok) return { next: { state: 'up', streak: 0 }, change: { to: 'up', at } };
    return { next: { state: current.state, streak: 0 } };
  }
  const streak = current.streak + 1;
  const since = current.streak === 0 ? at : (current.streakSince ?? at);
  const needed = ok ? o.up : o.down;
  if (streak >= needed) {
    const to = ok ? 'up' : 'down';
    return { next: { state: to, streak: 0 }, change: { to, at: since } };
  }
  return { next: { state: current.state, streak, streakSince: since }, recheckAt: at + o.recheckMs };
}
