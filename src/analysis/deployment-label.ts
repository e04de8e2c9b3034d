/** Names the deployment a version probe reports, so probes can be compared. */
import type { VersionProbe } from '../core/artifacts.js';

/** `1.4.0 (abc1234)`, `1.4.0` or `(abc1234)`; undefined when the probe reported neither. */
export function deploymentLabel(probe: VersionProbe): string | undefined {
  if (!probe.version && !probe.commit) return undefined;
  return [probe.version, probe.commit ? `(${probe.commit})` : undefined].filter(Boolean).join(' ');
}

/** Why a probe reported no version: its error, its status, or the missing field. */
export function probeFailure(probe: VersionProbe, fields = { versionField: 'version', commitField: 'commit' }): string {
  const ex = probe.exchange;
  if (ex.error) return `${ex.error.code}: ${ex.error.message}`;
  if (ex.status === undefined || ex.status < 200 || ex.status >= 300) return `status ${ex.status ?? 'none'}`;
  return `status ${ex.status} without a "${fields.versionField}" or "${fields.commitField}" field`;
}

/** Values by how often they occur, most frequent first; ties keep first-seen order. */
export function byFrequency(values: string[]): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}
