/**
 * Uptime of every monitor over a window, from the store's transitions, the maintenance windows
 * and the periods the monitor itself was offline. Used by the dashboard, the status page, the
 * error-budget alerts and /metrics; results are cached briefly since they change slowly.
 */
import type { Clock } from '../clock.js';
import type { MonitorSpec } from '../model.js';
import type { MonitorStore } from '../store/store.js';
import { computeUptime, maintenanceSpans, type MaintenanceRule, type Span, type Uptime } from '../uptime.js';

const CACHE_MS = 15_000;
const YIELD_EVERY = 500;

export class UptimeBook {
  private readonly cache = new Map<string, { at: number; value: Promise<Map<string, Uptime>> }>();

  constructor(
    private readonly store: MonitorStore,
    private readonly clock: Clock,
    private readonly rules: () => readonly MaintenanceRule[],
  ) {}

  /** Uptime over the last `windowMs`, per monitor id. */
  last(windowMs: number, specs: readonly MonitorSpec[]): Promise<Map<string, Uptime>> {
    const now = this.clock.now();
    const key = `last:${windowMs}:${specs.length}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.value;
    const value = this.over({ from: now - windowMs, to: now }, specs);
    this.cache.set(key, { at: now, value });
    return value;
  }

  async over(window: { from: number; to: number }, specs: readonly MonitorSpec[]): Promise<Map<string, Uptime>> {
    const now = this.clock.now();
    const [transitions, offline] = await Promise.all([this.store.allTransitions(window.from, window.to), this.store.offlinePeriods(window.from, window.to)]);
    const offlineSpans: Span[] = offline.map((p) => (p.end === undefined ? { start: p.start } : { start: p.start, end: p.end }));
    const rules = this.rules();
    const out = new Map<string, Uptime>();
    for (const [i, spec] of specs.entries()) {
      // Thousands of monitors: yield now and then so checks due meanwhile start on time.
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const maintenance = maintenanceSpans(rules, spec.name, window.from, window.to);
      out.set(spec.id, computeUptime(transitions.get(spec.id) ?? [], window, now, { maintenance, offline: offlineSpans }));
    }
    return out;
  }

  invalidate(): void {
    this.cache.clear();
  }
}
