/**
 * Uptime of every monitor over a window, from the store's transitions, the maintenance windows
 * and the periods the monitor itself was offline. Used by the dashboard, the status page, the
 * error-budget alerts and /metrics; results are cached briefly since they change slowly.
 */
import type { Clock } from '../clock.js';
import type { MonitorSpec } from '../model.js';
import type { MonitorStore, Transition } from '../store/store.js';
import { computeUptime, maintenanceSpans, type MaintenanceRule, type Span, type Uptime } from '../uptime.js';

const CACHE_MS = 15_000;
const YIELD_EVERY = 500;

export class UptimeBook {
  /** Per window length: the monitors computed, so a monitor page never reads the dashboard's stale set or another page's. */
  private readonly cache = new Map<number, { at: number; ids: ReadonlySet<string>; value: Promise<Map<string, Uptime>> }>();

  constructor(
    private readonly store: MonitorStore,
    private readonly clock: Clock,
    private readonly rules: () => readonly MaintenanceRule[],
  ) {}

  /** Uptime over the last `windowMs`, per monitor id. */
  last(windowMs: number, specs: readonly MonitorSpec[]): Promise<Map<string, Uptime>> {
    const now = this.clock.now();
    const hit = this.cache.get(windowMs);
    if (hit && now - hit.at < CACHE_MS && now >= hit.at && specs.every((s) => hit.ids.has(s.id))) return hit.value;
    const value = this.over({ from: now - windowMs, to: now }, specs);
    this.cache.set(windowMs, { at: now, ids: new Set(specs.map((s) => s.id)), value });
    return value;
  }

  async over(window: { from: number; to: number }, specs: readonly MonitorSpec[]): Promise<Map<string, Uptime>> {
    const now = this.clock.now();
    const [transitions, offline] = await Promise.all([this.store.allTransitions(window.from, window.to), this.offline(window)]);
    const rules = this.rules();
    const out = new Map<string, Uptime>();
    for (const [i, spec] of specs.entries()) {
      // Thousands of monitors: yield now and then so checks due meanwhile start on time.
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      out.set(spec.id, this.compute(spec, transitions.get(spec.id) ?? [], window, now, offline, rules));
    }
    return out;
  }

  /** One monitor's uptime, fresh and without reading every monitor's transitions (an alert's figures). */
  async one(spec: MonitorSpec, window: { from: number; to: number }): Promise<Uptime> {
    const [transitions, offline] = await Promise.all([this.store.transitions(spec.id, window.from, window.to), this.offline(window)]);
    return this.compute(spec, transitions, window, this.clock.now(), offline, this.rules());
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async offline(window: { from: number; to: number }): Promise<Span[]> {
    const periods = await this.store.offlinePeriods(window.from, window.to);
    return periods.map((p) => (p.end === undefined ? { start: p.start } : { start: p.start, end: p.end }));
  }

  private compute(spec: MonitorSpec, transitions: readonly Transition[], window: { from: number; to: number }, now: number, offline: readonly Span[], rules: readonly MaintenanceRule[]): Uptime {
    const maintenance = maintenanceSpans(rules, spec.name, window.from, window.to);
    return computeUptime(transitions, window, now, { maintenance, offline });
  }
}
