/**
 * The public status page's data (issue 7 §4): only the monitors marked public, by name; their
 * state, uptime per day for 90 days and current incidents. No URLs, targets, evidence or
 * internal names leave through it.
 */
import type { MonitorService } from '../../service.js';
import { computeUptime, maintenanceSpans, type Span } from '../../uptime.js';

const DAY = 86_400_000;
export const STATUS_DAYS = 90;

export interface StatusMonitor {
  name: string;
  state: 'operational' | 'down' | 'maintenance' | 'unknown';
  /** Per day, oldest first: the uptime ratio, or null without data. */
  days: Array<number | null>;
  uptime90?: number;
}

export interface StatusData {
  title: string;
  generatedAt: number;
  monitors: StatusMonitor[];
  incidents: Array<{ name: string; since: number }>;
}

export async function statusData(service: MonitorService): Promise<StatusData> {
  const now = service.clock.now();
  const today = Math.floor(now / DAY) * DAY;
  const from = today - (STATUS_DAYS - 1) * DAY;
  const live = service.engine.monitors().filter((l) => l.spec.public);
  const [transitions, offline, open] = await Promise.all([service.store.allTransitions(from, now + 1), service.store.offlinePeriods(from, now + 1), service.store.openIncidents()]);
  const offlineSpans: Span[] = offline.map((p) => (p.end === undefined ? { start: p.start } : { start: p.start, end: p.end }));
  const rules = service.maintenanceRules();
  const monitors = live.map((l): StatusMonitor => {
    const list = transitions.get(l.spec.id) ?? [];
    const maintenance = maintenanceSpans(rules, l.spec.name, from, now + 1);
    const days: Array<number | null> = [];
    for (let d = 0; d < STATUS_DAYS; d++) {
      const u = computeUptime(list, { from: from + d * DAY, to: from + (d + 1) * DAY }, now, { maintenance, offline: offlineSpans });
      days.push(u.ratio ?? null);
    }
    const total = computeUptime(list, { from, to: now }, now, { maintenance, offline: offlineSpans });
    const inMaintenance = maintenance.some((s) => s.start <= now && (s.end === undefined || now < s.end));
    const state = inMaintenance ? 'maintenance' : l.state === 'up' ? 'operational' : l.state === 'down' ? 'down' : 'unknown';
    return total.ratio === undefined ? { name: l.spec.name, state, days } : { name: l.spec.name, state, days, uptime90: total.ratio };
  });
  const publicIds = new Map(live.map((l) => [l.spec.id, l.spec.name]));
  return {
    title: service.monitorConfig.statusPage?.title ?? `${service.loaded.config.product} status`,
    generatedAt: now,
    monitors,
    incidents: open.filter((i) => publicIds.has(i.monitorId) && !i.suppressed).map((i) => ({ name: publicIds.get(i.monitorId)!, since: i.downSince })),
  };
}
