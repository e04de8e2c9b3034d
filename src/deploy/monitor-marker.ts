/**
 * A verified deploy also goes into the monitor's store (issue 8 §1), where the dashboard lists it
 * and marks it on every latency chart, so a latency step or an outage lines up with the release
 * that caused it. It uses the store's own `deploys` table (the one `monitor deploy` writes), so a
 * running monitor sees it at once and no schema changes. SQLite is loaded only when a store is in
 * use: `deploy verify` without a monitor never opens the native module.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DeployRecord } from './record.js';
import { versionLabel } from './versions.js';

/** The monitor's default data folder (`launch-ready monitor --data`). */
export const DEFAULT_MONITOR_DATA = '.launch-ready';

/**
 * The monitor.db to mark: in the folder given (created if need be), else in the monitor's default
 * folder when a monitor already keeps its store there; none otherwise.
 */
export function monitorStoreFile(dataDir: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (dataDir !== undefined) return join(resolve(cwd, dataDir), 'monitor.db');
  const fallback = join(resolve(cwd, DEFAULT_MONITOR_DATA), 'monitor.db');
  return existsSync(fallback) ? fallback : undefined;
}

/** `deploy #3 production: verification failed (2 problems)`: what the dashboard shows beside the version. */
export function markerNote(r: DeployRecord): string {
  const where = `${r.environment}${r.baseUrl ? ` (${r.baseUrl})` : ''}`;
  const outcome = r.result === 'pass' ? 'verified' : `verification failed (${r.failures.length} ${r.failures.length === 1 ? 'problem' : 'problems'})`;
  return `deploy #${r.id} ${where}: ${outcome}`;
}

export async function markInMonitor(file: string, r: DeployRecord): Promise<void> {
  const [{ SqliteStore }, { systemClock }] = await Promise.all([import('../monitor/store/sqlite-store.js'), import('../monitor/clock.js')]);
  const store = new SqliteStore(file, systemClock);
  try {
    await store.addDeploy({ at: Date.parse(r.timestamp), version: versionLabel(r), note: markerNote(r), source: `deploy verify by ${r.who.name}` });
  } finally {
    await store.close();
  }
}
