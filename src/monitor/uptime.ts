/**
 * Time-weighted uptime (issue 7 §3): measured from state intervals, not by counting checks, so a
 * monitor checked every 10 s and one checked hourly are comparable, and a check that ran late
 * does not weigh less. Maintenance windows and periods with no data (before the first check,
 * paused, the monitor itself offline or not running) are left out of the ratio and reported.
 *
 *   uptime = up / (up + down)
 *
 * A down interval starts at the first failing check of the streak that confirmed it (confirmation
 * is bookkeeping, not downtime), and ends at the first passing check.
 */
import type { MonitorState, Transition } from './store/store.js';

export interface Span {
  start: number;
  /** Open-ended when absent. */
  end?: number;
}

export interface UptimeWindow {
  from: number;
  to: number;
}

export interface Uptime {
  upMs: number;
  downMs: number;
  maintenanceMs: number;
  noDataMs: number;
  /** up / (up + down); undefined when nothing was measured. */
  ratio?: number;
}

const MEASURED: Record<MonitorState, 'up' | 'down' | 'noData'> = { up: 'up', down: 'down', nodata: 'noData', paused: 'noData' };

function covers(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => s.start <= at && (s.end === undefined || at < s.end));
}

/**
 * Uptime over `window`, cut at `now` (the future is not data). `transitions` are in time order;
 * the one in force at `window.from`, if any, comes first.
 */
export function computeUptime(transitions: readonly Transition[], window: UptimeWindow, now: number, exclusions: { maintenance: readonly Span[]; offline: readonly Span[] }): Uptime {
  const to = Math.min(window.to, now);
  const out: Uptime = { upMs: 0, downMs: 0, maintenanceMs: 0, noDataMs: 0 };
  if (to <= window.from) return out;
  const points = new Set<number>([window.from, to]);
  const inWindow = (t: number) => t > window.from && t < to;
  for (const t of transitions) if (inWindow(t.at)) points.add(t.at);
  for (const s of [...exclusions.maintenance, ...exclusions.offline]) {
    if (inWindow(s.start)) points.add(s.start);
    if (s.end !== undefined && inWindow(s.end)) points.add(s.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  let ti = 0;
  let state: MonitorState | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const length = sorted[i + 1] - start;
    while (ti < transitions.length && transitions[ti].at <= start) state = transitions[ti++].state;
    if (covers(exclusions.maintenance, start)) out.maintenanceMs += length;
    else if (state === undefined || covers(exclusions.offline, start)) out.noDataMs += length;
    else out[`${MEASURED[state]}Ms`] += length;
  }
  const measured = out.upMs + out.downMs;
  if (measured > 0) out.ratio = out.upMs / measured;
  return out;
}

const DAY_MS = 86_400_000;
const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;

export interface MaintenanceRule {
  name: string;
  /** Monitor names; every monitor when absent. */
  monitors?: readonly string[];
  startMs: number;
  durationMs: number;
  repeat?: 'daily' | 'weekly';
}

/** The occurrences of a (possibly recurring) window that overlap [from, to). */
export function occurrences(rule: MaintenanceRule, from: number, to: number): Span[] {
  if (!rule.repeat) return rule.startMs < to && rule.startMs + rule.durationMs > from ? [{ start: rule.startMs, end: rule.startMs + rule.durationMs }] : [];
  const period = PERIOD_MS[rule.repeat];
  const spans: Span[] = [];
  const firstK = Math.max(0, Math.floor((from - rule.startMs - rule.durationMs) / period) + 1);
  for (let k = firstK; rule.startMs + k * period < to; k++) {
    const start = rule.startMs + k * period;
    if (start + rule.durationMs > from) spans.push({ start, end: start + rule.durationMs });
  }
  return spans;
}

export function appliesTo(rule: MaintenanceRule, monitorName: string): boolean {
  return rule.monitors === undefined || rule.monitors.length === 0 || rule.monitors.includes(monitorName);
}

/** The monitor's maintenance spans within [from, to). */
export function maintenanceSpans(rules: readonly MaintenanceRule[], monitorName: string, from: number, to: number): Span[] {
  return rules.filter((r) => appliesTo(r, monitorName)).flatMap((r) => occurrences(r, from, to));
}

/** The window now covers, if a maintenance window covers the monitor now. */
export function inMaintenance(rules: readonly MaintenanceRule[], monitorName: string, now: number): MaintenanceRule | undefined {
  return rules.find((r) => appliesTo(r, monitorName) && occurrences(r, now, now + 1).length > 0);
}

/** The calendar month (UTC) holding `at`, for the monthly SLA report. */
export function calendarMonth(at: number): UptimeWindow {
  const d = new Date(at);
  return { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}
