/**
 * Everything the dashboard shows, in one JSON document: built from the engine's live state (in
 * memory), cached uptimes and one pass over hourly latencies, so it stays fast at a thousand
 * monitors with a month of history (issue 7 §4: full data within 500 ms).
 */
import { targetOf } from '../../model.js';
import type { MonitorService } from '../../service.js';
import type { LatencyPoint } from '../../store/store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DashboardMonitor {
  id: string;
  name: string;
  kind: string;
  source: string;
  target: string;
  group?: string;
  state: string;
  since?: number;
  lastCheckAt?: number;
  latencyMs?: number;
  /** Why the last check failed (failing tests), for monitors not up. */
  problem?: string;
  uptime: { d1?: number; d7?: number; d30?: number };
  /** Share of the day's error budget left (negative: overspent). */
  budgetLeft?: number;
  /** 24 hourly points, oldest first; null where there was no check. */
  spark: { p50: Array<number | null>; p95: Array<number | null> };
  incident?: { id: number; since: number; acknowledged: boolean; flapping: boolean };
  error?: string;
}

export interface DashboardData {
  generatedAt: number;
  product: string;
  counts: Record<string, number>;
  monitors: DashboardMonitor[];
  incidents: Array<{ id: number; monitorId: string; monitorName: string; since: number; acknowledged: boolean; flapping: boolean; suppressed?: string }>;
  deploys: Array<{ at: number; version: string; note?: string }>;
  offline?: { since: number; reason: string };
  configError?: string;
  channelProblems: string[];
  uptimeTarget: number;
}

const ORDER: Record<string, number> = { down: 0, error: 1, pending: 2, nodata: 3, up: 4, paused: 5 };

function spark(points: LatencyPoint[] | undefined, now: number): DashboardMonitor['spark'] {
  const start = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const p50: Array<number | null> = Array(24).fill(null);
  const p95: Array<number | null> = Array(24).fill(null);
  for (const p of points ?? []) {
    const i = Math.floor((p.at - start) / HOUR);
    if (i < 0 || i >= 24) continue;
    p50[i] = p.p50Ms;
    p95[i] = p.p95Ms;
  }
  return { p50, p95 };
}

export async function dashboardData(service: MonitorService): Promise<DashboardData> {
  const now = service.clock.now();
  const live = service.engine.monitors();
  const specs = live.map((l) => l.spec);
  const m = service.monitorConfig;
  const [d1, d7, d30, latency, open, deploys] = await Promise.all([
    service.uptime.last(DAY, specs),
    service.uptime.last(7 * DAY, specs),
    service.uptime.last(30 * DAY, specs),
    service.store.hourlyLatency(Math.floor(now / HOUR) * HOUR - 23 * HOUR, now + 1),
    service.store.openIncidents(),
    service.store.deploys(now - 7 * DAY, now + 1),
  ]);
  const incidentOf = new Map(open.map((i) => [i.monitorId, i]));
  const budgetMs = (1 - m.uptimeTargetPercent / 100) * m.uptimeWindowMs;
  const counts: Record<string, number> = {};
  const monitors = live.map((l): DashboardMonitor => {
    const state = l.error ? 'error' : l.state;
    counts[state] = (counts[state] ?? 0) + 1;
    const day = d1.get(l.spec.id);
    const out: DashboardMonitor = {
      id: l.spec.id,
      name: l.spec.name,
      kind: l.spec.kind,
      source: l.spec.source,
      target: targetOf(l.spec),
      state,
      uptime: { d1: day?.ratio, d7: d7.get(l.spec.id)?.ratio, d30: d30.get(l.spec.id)?.ratio },
      spark: spark(latency.get(l.spec.id), now),
    };
    if (l.spec.group) out.group = l.spec.group;
    if (l.since !== undefined) out.since = l.since;
    if (l.last) {
      out.lastCheckAt = l.last.at;
      out.latencyMs = Math.round(l.last.latencyMs);
      if (!l.last.ok) out.problem = l.last.failed.length ? l.last.failed.join('; ') : l.last.detail;
    }
    if (day && budgetMs > 0 && m.uptimeWindowMs === DAY) out.budgetLeft = 1 - day.downMs / budgetMs;
    const incident = incidentOf.get(l.spec.id);
    if (incident) out.incident = { id: incident.id, since: incident.downSince, acknowledged: incident.acknowledgedAt !== undefined, flapping: incident.flapping };
    if (l.error) out.error = l.error;
    return out;
  });
  monitors.sort((a, b) => (ORDER[a.state] ?? 9) - (ORDER[b.state] ?? 9) || a.name.localeCompare(b.name));
  const names = new Map(specs.map((s) => [s.id, s.name]));
  const data: DashboardData = {
    generatedAt: now,
    product: service.loaded.config.product,
    counts,
    monitors,
    incidents: open.map((i) => ({
      id: i.id,
      monitorId: i.monitorId,
      monitorName: names.get(i.monitorId) ?? i.monitorId,
      since: i.downSince,
      acknowledged: i.acknowledgedAt !== undefined,
      flapping: i.flapping,
      ...(i.suppressed ? { suppressed: i.suppressed } : {}),
    })),
    deploys: deploys.map((d) => ({ at: d.at, version: d.version, ...(d.note ? { note: d.note } : {}) })),
    channelProblems: service.channelSet.problems,
    uptimeTarget: m.uptimeTargetPercent,
  };
  const self = service.selfCheck.current;
  if (self && !self.online) data.offline = { since: self.at, reason: self.reason };
  if (service.configError) data.configError = service.configError;
  return data;
}
