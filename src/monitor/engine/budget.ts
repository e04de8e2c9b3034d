/**
 * Error-budget alerts (issue 7 §2). The budget is the downtime the uptime target allows over its
 * window: 99.5 % over 24 h allows 7 min 12 s. Two alerts, each once per episode (it is sent when
 * the condition starts holding and re-armed when it stops):
 *  - budget: the downtime within the window exceeds the budget, so uptime over the window is below
 *    the target whatever the rest of it holds. Judged on downtime, as the dashboard's "budget
 *    left" is, not on the ratio of the time measured so far: a monitor started ten minutes ago
 *    with one minute down measures 90 % yet has spent an eighth of its budget;
 *  - burn rate: more than `burnRate.budgetPercent` % of the budget was spent within
 *    `burnRate.windowMs` (the fast-burn page of SRE practice).
 * Groups are judged on the mean downtime and uptime of their monitors.
 */
import type { AlertMessage } from '../alerts/message.js';
import { formatDuration } from '../alerts/message.js';
import type { MonitorSpec } from '../model.js';
import type { MonitorStore } from '../store/store.js';
import type { Uptime } from '../uptime.js';

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
}

export type Notify = (channels: readonly string[] | undefined, key: string, message: AlertMessage) => Promise<void>;

/** Downtime the target allows over its window. */
export function budgetMs(o: BudgetOptions): number {
  return (1 - o.targetPercent / 100) * o.windowMs;
}

/** Per monitor, and per group (mean uptime, summed downtime). */
export function budgetSubjects(specs: readonly MonitorSpec[], window: Map<string, Uptime>, recent: Map<string, Uptime>): BudgetSubject[] {
  const subjects: BudgetSubject[] = [];
  const groups = new Map<string, MonitorSpec[]>();
  for (const s of specs) {
    const subject: BudgetSubject = { key: `monitor:${s.id}`, name: s.name, uptime: window.get(s.id)?.ratio, downMs: window.get(s.id)?.downMs ?? 0, recentDownMs: recent.get(s.id)?.downMs ?? 0 };
    if (s.channels) subject.channels = s.channels;
    subjects.push(subject);
    if (s.group) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  }
  for (const [group, members] of groups) {
    const ratios = members.map((m) => window.get(m.id)?.ratio).filter((r): r is number => r !== undefined);
    subjects.push({
      key: `group:${group}`,
      name: `group ${group}`,
      uptime: ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : undefined,
      downMs: members.reduce((sum, m) => sum + (window.get(m.id)?.downMs ?? 0), 0) / members.length,
      recentDownMs: Math.max(0, ...members.map((m) => recent.get(m.id)?.downMs ?? 0)),
    });
  }
  return subjects;
}

export async function evaluateBudgets(subjects: readonly BudgetSubject[], o: BudgetOptions, now: number, store: MonitorStore, notify: Notify): Promise<void> {
  const budget = budgetMs(o);
  const burnLimit = (budget * o.burnRate.budgetPercent) / 100;
  for (const s of subjects) {
    const spent = budget > 0 && s.downMs > budget;
    const measured = s.uptime === undefined ? '' : ` (uptime ${(s.uptime * 100).toFixed(3)} % of the time measured)`;
    await episode(store, `budget:${s.key}`, spent, async (since) =>
      notify(s.channels, `budget:${s.key}:${since}`, {
        kind: 'budget',
        severity: 'warning',
        title: `${s.name}: error budget spent`,
        text: `${s.name} was down ${formatDuration(s.downMs)} over the last ${formatDuration(o.windowMs)}, more than the ${formatDuration(budget)} its ${o.targetPercent} % target allows${measured}.`,
        at: now,
        monitorName: s.name,
      }),
      now,
    );
    const burning = burnLimit > 0 && s.recentDownMs > burnLimit;
    await episode(store, `burn:${s.key}`, burning, async (since) =>
      notify(s.channels, `burn:${s.key}:${since}`, {
        kind: 'burn-rate',
        severity: 'warning',
        title: `${s.name}: error budget burning fast`,
        text: `${s.name} was down ${formatDuration(s.recentDownMs)} within the last ${formatDuration(o.burnRate.windowMs)}: more than ${o.burnRate.budgetPercent} % of its ${formatDuration(budget)} budget.`,
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
