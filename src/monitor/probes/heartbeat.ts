/**
 * Heartbeat (push) monitor: the founder's cron job or worker calls its push URL; the check,
 * run every interval, only looks at how long ago the last ping came. No network.
 */
import type { Observation } from './observation.js';

export interface PingRecord {
  last?: number;
  count: number;
}

export function observeHeartbeat(pings: PingRecord, now: number): Observation {
  const age = pings.last === undefined ? undefined : now - pings.last;
  const lookup = (root: string): unknown => (root === 'age' ? age : root === 'pings' ? pings.count : undefined);
  const detail = age === undefined ? 'no ping received yet' : `last ping ${Math.round(age / 1000)} s ago`;
  return { latencyMs: 0, values: lookup, detail };
}
