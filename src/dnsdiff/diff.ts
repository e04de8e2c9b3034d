/**
 * The plan: what changing the live DNS into the desired state would do, in `terraform plan` terms.
 * `create` = in the desired state, not live; `delete` = live, not desired; `modify` = both, other
 * values; `ttl` = same values, other TTL (kept apart: harmless on its own). Record sets whose live
 * lookup failed are neither created nor deleted: they are listed as unknown.
 */
import { setKey, type DiffType, type RecordSet } from './records.js';
import type { DnsState, LookupFailure } from './state.js';

export type ChangeKind = 'create' | 'modify' | 'delete' | 'ttl';

export interface RecordChange {
  kind: ChangeKind;
  name: string;
  type: DiffType;
  /** Live. */
  before?: RecordSet;
  /** Desired. */
  after?: RecordSet;
}

export interface DnsPlan {
  changes: RecordChange[];
  unknown: LookupFailure[];
  unchanged: number;
  /** TTLs were compared (live answers were authoritative). */
  ttlCompared: boolean;
}

const ORDER: Record<ChangeKind, number> = { delete: 0, modify: 1, create: 2, ttl: 3 };

export function planChanges(state: DnsState): DnsPlan {
  const live = new Map(state.live.map((s) => [setKey(s), s]));
  const desired = new Map(state.desired.map((s) => [setKey(s), s]));
  const failed = new Set(state.failures.map((f) => setKey(f)));
  const changes: RecordChange[] = [];
  let unchanged = 0;
  for (const [key, want] of desired) {
    if (failed.has(key)) continue;
    const have = live.get(key);
    if (!have) changes.push({ kind: 'create', name: want.name, type: want.type, after: want });
    else if (have.values.join('\n') !== want.values.join('\n')) changes.push({ kind: 'modify', name: want.name, type: want.type, before: have, after: want });
    else if (state.authoritative && want.ttl !== undefined && have.ttl !== want.ttl) changes.push({ kind: 'ttl', name: want.name, type: want.type, before: have, after: want });
    else unchanged++;
  }
  for (const [key, have] of live) if (!desired.has(key)) changes.push({ kind: 'delete', name: have.name, type: have.type, before: have });
  changes.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
  return { changes, unknown: state.failures, unchanged, ttlCompared: state.authoritative };
}

/** Changes that alter data (not only a TTL). */
export function dataChanges(plan: DnsPlan): RecordChange[] {
  return plan.changes.filter((c) => c.kind !== 'ttl');
}

/** Zone size from which the share of records touched makes a plan dangerous, and that share. */
const DANGER_MIN_RECORDS = 10;
const DANGER_SHARE = 0.3;

/**
 * Why applying the plan is dangerous (issue 4 §2): it deletes or modifies more than 30 % of a zone
 * of ten or more records, or it changes the apex NS records (a slip there hands the whole domain
 * to other servers). Empty when it is not.
 */
export function dangerReasons(state: DnsState, plan: DnsPlan): string[] {
  const reasons: string[] = [];
  const zoneRecords = state.live.reduce((n, s) => n + s.values.length, 0);
  let touched = 0;
  for (const c of dataChanges(plan)) {
    if (c.kind === 'delete') touched += c.before?.values.length ?? 0;
    if (c.kind === 'modify') touched += Math.max(1, (c.before?.values ?? []).filter((v) => !(c.after?.values ?? []).includes(v)).length);
  }
  if (zoneRecords >= DANGER_MIN_RECORDS && touched / zoneRecords > DANGER_SHARE) {
    reasons.push(`it deletes or modifies ${touched} of the zone's ${zoneRecords} records (${Math.round((100 * touched) / zoneRecords)}%, over ${DANGER_SHARE * 100}%)`);
  }
  const ns = dataChanges(plan).find((c) => c.name === state.zone && c.type === 'NS');
  if (ns) reasons.push(`it changes the apex NS records of ${state.zone} (${(ns.before?.values ?? []).join(', ') || 'none'} → ${(ns.after?.values ?? []).join(', ') || 'none'})`);
  return reasons;
}
