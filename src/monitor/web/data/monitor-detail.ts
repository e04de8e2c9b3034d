/** One monitor's page: its spec (no headers or bodies), uptime and SLA, latency, check log, incidents, deliveries, deploys. */
import { calendarMonth } from '../../uptime.js';
import { targetOf } from '../../model.js';
import type { MonitorService } from '../../service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Range = '24h' | '7d' | '30d';
const RANGES: Record<Range, { span: number; resolution: number }> = {
  '24h': { span: DAY, resolution: 5 * 60_000 },
  '7d': { span: 7 * DAY, resolution: HOUR },
  '30d': { span: 30 * DAY, resolution: 4 * HOUR },
};

export function isRange(value: string | undefined): value is Range {
  return value !== undefined && value in RANGES;
}

export async function monitorDetail(service: MonitorService, id: string, range: Range = '24h') {
  const live = service.engine.monitor(id);
  if (!live) return undefined;
  const now = service.clock.now();
  const { span, resolution } = RANGES[range];
  const spec = live.spec;
  const month = calendarMonth(now);
  const [d1, d7, d30, sla, latency, results, incidents, outbox, deploys] = await Promise.all([
    service.uptime.last(DAY, [spec]),
    service.uptime.last(7 * DAY, [spec]),
    service.uptime.last(30 * DAY, [spec]),
    service.uptime.over(month, [spec]),
    service.store.latency(id, now - span, now + 1, resolution),
    service.store.results(id, now - DAY, now + 1, 100),
    service.store.incidents({ monitorId: id, limit: 20 }),
    service.store.outbox({ monitorId: id, limit: 30 }),
    service.store.deploys(now - span, now + 1),
  ]);
  return {
    generatedAt: now,
    monitor: {
      id: spec.id,
      name: spec.name,
      kind: spec.kind,
      source: spec.source,
      target: targetOf(spec),
      condition: spec.condition,
      intervalMs: spec.intervalMs,
      timeoutMs: spec.timeoutMs,
      severity: spec.severity,
      group: spec.group,
      public: spec.public,
      paused: spec.paused,
      state: live.error ? 'error' : live.state,
      since: live.since,
      error: live.error,
      nextDue: live.nextDue,
      setAside: live.lastSetAside,
    },
    uptime: { d1: d1.get(id), d7: d7.get(id), d30: d30.get(id), month: { from: month.from, to: month.to, ...sla.get(id) } },
    range,
    window: { from: now - span, to: now },
    latency,
    results,
    incidents,
    deliveries: outbox.map((e) => ({ id: e.id, channel: e.channel, kind: (e.payload as { kind?: string }).kind, createdAt: e.createdAt, state: e.state, attempts: e.deliveries })),
    deploys,
  };
}
