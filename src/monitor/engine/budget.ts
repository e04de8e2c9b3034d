/**
 * Error budgets (issue 7 §2). The budget is the downtime the uptime target allows over its window:
 * 99.5 % over 24 h allows 7 min 12 s. Two alerts, each once per episode (it is sent when the
 * condition starts holding and re-armed when it stops):
 *  - budget: the downtime within the window exceeds the budget, so uptime over the window is below
 *    the target whatever the rest of it holds. Judged on downtime, as the dashboard's "budget
 *    left" is, not on the ratio of the time measured so far: a monitor started ten minutes ago
 *    with one minute down measures 90 % yet has spent an eighth of its budget;
 *  - burn rate: more than `burnRate.budgetPercent` % of the budget was spent within
 *    `burnRate.windowMs` (the fast-burn page of SRE practice), by two outages or more. Downtime
 *    counts only once an outage is confirmed, which opens an incident and alerts: one outage
 *    burning fast is already that incident's alert (its reminder and recovery say how much budget
 *    it took, `budgetLine`), while outages that keep coming back are news no single incident
 *    alert carries. Outages are the announced incidents (not muted by maintenance) overlapping the
 *    burn window; a flapping incident, already announced as such, counts once.
 * Groups are judged on the mean downtime and uptime of their monitors; members' outages that
 * overlap in time count as one (one cause, not a recurrence).
 */
import type { AlertMessage } from '../alerts/message.js';
import { formatDuration } from '../alerts/message.js';
import type { MonitorSpec } from '../model.js';
import type { Incident, MonitorStore } from '../store/store.js';
import type { Span, Uptime } from '../uptime.js';

export interface BudgetOptions {
  targetPercent: number;
  windowMs: number;
  burnRate: { budgetPercent: number; windowMs: number };
}

export interface BudgetSubject {
  key: string;
  name: string;
  channels?: string[];
  /** Over the budget window. */
  uptime?: number;
  /** Downtime within the budget window. */
  downMs: number;
  /** Downtime within the burn-rate window. */
  recentDownMs: number;
  /** Separate outages within the burn-rate window. */
  recentOutages: number;
  /** A group's members, by subject key; absent for a monitor. */
  members?: string[];
}

export type Notify = (channels: readonly string[] | undefined, key: string, message: AlertMessage) => Promise<void>;

/** Downtime the target allows over its window. */
export function budgetMs(o: BudgetOptions): number {
  return (1 - o.targetPercent / 100) * o.windowMs;
}

/** "42", or "< 1" for a sliver that would round to nothing. */
function percentOf(ms: number, budget: number): string {
  const p = (ms / budget) * 100;
  return p > 0 && p < 0.5 ? '< 1' : String(Math.round(p));
}

/** The budget sentence of an incident's reminder and recovery; "left" is the dashboard's "budget left". */
export function budgetLine(o: BudgetOptions, outageDownMs: number, windowDownMs: number, ongoing: boolean): string | undefined {
  const budget = budgetMs(o);
  if (budget <= 0) return undefined;
  const left = Math.round(Math.max(0, 1 - windowDownMs / budget) * 100);
  const burnt = `${percentOf(outageDownMs, budget)} % of the error budget (${o.targetPercent} % over ${formatDuration(o.windowMs)} allows ${formatDuration(budget)} down)`;
  return `${ongoing ? 'So far it has burnt' : 'It burnt'} ${burnt}; ${left} % is left.`;
}

/** Outages as spans; those overlapping in time count once. */
export function countOutages(spans: readonly Span[]): number {
  let count = 0;
  let end = -Infinity;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start >= end) count++;
    end = Math.max(end, s.end ?? Infinity);
  }
  return count;
}

/**
 * Per monitor, and per group (mean downtime and uptime). `incidents` are those overlapping the
 * burn-rate window.
 */
export function budgetSubjects(specs: readonly MonitorSpec[], window: Map<string, Uptime>, recent: Map<string, Uptime>, incidents: readonly Incident[]): BudgetSubject[] {
  const outages = new Map<string, Span[]>();
  for (const i of incidents) {
    if (i.suppressed !== undefined) continue;
    outages.set(i.monitorId, [...(outages.get(i.monitorId) ?? []), i.resolvedAt === undefined ? { start: i.downSince } : { start: i.downSince, end: i.resolvedAt }]);
  }
  const subjects: BudgetSubject[] = [];
  const groups = new Map<string, MonitorSpec[]>();
  for (const s of specs) {
    const subject: BudgetSubject = {
      key: `monitor:${s.id}`,
      name: s.name,
      uptime: window.get(s.id)?.ratio,
      downMs: window.get(s.id)?.downMs ?? 0,
      recentDownMs: recent.get(s.id)?.downMs ?? 0,
      recentOutages: countOutages(outages.get(s.id) ?? []),
    };
    if (s.channels) subject.channels = s.channels;
    subjects.push(subject);
    if (s.group) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  }
  const mean = (members: readonly MonitorSpec[], of: Map<string, Uptime>) => members.reduce((sum, m) => sum + (of.get(m.id)?.downMs ?? 0), 0) / members.length;
  for (const [group, members] of groups) {
    const ratios = members.map((m) => window.get(m.id)?.ratio).filter((r): r is number => r !== undefined);
    subjects.push({
      key: `group:${group}`,
      name: `group ${group}`,
      uptime: ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : undefined,
      downMs: mean(members, window),
      recentDownMs: mean(members, recent),
      recentOutages: countOutages(members.flatMap((m) => outages.get(m.id) ?? [])),
      members: members.map((m) => `monitor:${m.id}`),
    });
  }
  return subjects;
}

export async function evaluateBudgets(subjects: readonly BudgetSubject[], o: BudgetOptions, now: number, store: MonitorStore, notify: Notify): Promise<void> {
  const budget = budgetMs(o);
  const burnLimit = (budget * o.burnRate.budgetPercent) / 100;
  const recurring = (s: BudgetSubject) => burnLimit > 0 && s.recentDownMs > burnLimit && s.recentOutages > 1;
  const burningMonitors = new Set(subjects.filter((s) => !s.members && recurring(s)).map((s) => s.key));
  for (const s of subjects) {
    const spent = budget > 0 && s.downMs > budget;
    const measured = s.uptime === undefined ? '' : ` (uptime ${(s.uptime * 100).toFixed(3)} % of the time measured)`;
    await episode(store, `budget:${s.key}`, spent, async (since) =>
      notify(s.channels, `budget:${s.key}:${since}`, {
        kind: 'budget',
        severity: 'warning',
        title: `${s.name}: error budget spent`,
        text: `${s.name} was down ${formatDuration(s.downMs)}${s.members ? ' per monitor on average' : ''} over the last ${formatDuration(o.windowMs)}, more than the ${formatDuration(budget)} its ${o.targetPercent} % target allows${measured}.`,
        at: now,
        monitorName: s.name,
      }),
      now,
    );
    // A group adds news when its outages are spread over its members, not when one member's own alert says it all.
    const burning = recurring(s) && !s.members?.some((k) => burningMonitors.has(k));
    const within = `within the last ${formatDuration(o.burnRate.windowMs)}`;
    const what = s.members
      ? `${s.recentOutages} separate outages hit the monitors of ${s.name} ${within} (${formatDuration(s.recentDownMs)} down per monitor on average)`
      : `${s.name} went down ${s.recentOutages} separate times ${within} (${formatDuration(s.recentDownMs)} down in all)`;
    await episode(store, `burn:${s.key}`, burning, async (since) =>
      notify(s.channels, `burn:${s.key}:${since}`, {
        kind: 'burn-rate',
        severity: 'warning',
        title: `${s.name}: recurring outages are burning the error budget`,
        text: `${what}: ${percentOf(s.recentDownMs, budget)} % of the ${formatDuration(budget)} error budget its ${o.targetPercent} % target allows over ${formatDuration(o.windowMs)}. Each outage had its own alert; together they point to a problem that keeps coming back.`,
        at: now,
        monitorName: s.name,
      }),
      now,
    );
  }
}

/** Alerts when a condition starts holding; forgets the episode when it stops. */
async function episode(store: MonitorStore, key: string, holds: boolean, alert: (since: number) => Promise<void>, now: number): Promise<void> {
  const since = await store.alertState(key);
  if (holds && since === undefined) {
    await store.setAlertState(key, String(now));
    await alert(now);
  } else if (!holds && since !== undefined) await store.setAlertState(key, undefined);
}
