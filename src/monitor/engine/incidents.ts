/**
 * Incidents and the alerts they raise (issue 7 §2): opened when a monitor is confirmed down,
 * a reminder every `reminderMs` while it stays down and nobody acknowledged it, recovered (with the
 * duration) when it is up again. Each alert goes to the outbox once per channel (its key dedupes).
 *
 * Flapping: when a monitor changes state more than `flapping.changes` times within
 * `flapping.windowMs`, its changes fold into one incident: a recovery only marks the incident
 * recovering, a new failure continues it, and it resolves once the monitor has held up for the
 * window. One "flapping" alert replaces the opened/recovered pairs.
 *
 * Maintenance: an outage inside a window opens an incident marked suppressed and alerts no one; if
 * it outlasts the window, the opened alert goes out then.
 *
 * Reminders and recoveries say how much of the error budget the outage burnt (budget.ts says why
 * a single outage gets no burn-rate alert of its own).
 */
import type { Clock } from '../clock.js';
import type { MonitorSpec, Severity } from '../model.js';
import { targetOf } from '../model.js';
import type { CheckResult } from '../check/run-check.js';
import type { Incident, MonitorStore } from '../store/store.js';
import { formatDuration, formatTime, type AlertMessage } from '../alerts/message.js';
import { channelsFor, type ChannelRoute } from '../alerts/router.js';

export interface IncidentOptions {
  channels: readonly ChannelRoute[];
  flapping: { changes: number; windowMs: number };
  /** undefined: no reminders. */
  reminderMs?: number;
  /** The dashboard's address, for links in alerts. */
  dashboardUrl?: string;
  /** The maintenance window covering a monitor now, by name. */
  maintenance: (monitorName: string, at: number) => string | undefined;
  /** What an outage since `since` burnt of the error budget, for reminders and recoveries. */
  budgetLine?: (spec: MonitorSpec, since: number, ongoing: boolean) => Promise<string | undefined>;
}

const CERT_THRESHOLDS_DAYS = [30, 14, 7, 1];

export class IncidentManager {
  private readonly open = new Map<string, Incident>();
  private readonly changes = new Map<string, number[]>();
  /** Called after alerts were queued, to wake the outbox. */
  onQueued: () => void = () => undefined;

  constructor(
    private readonly store: MonitorStore,
    private readonly clock: Clock,
    private options: IncidentOptions,
  ) {}

  setOptions(options: IncidentOptions): void {
    this.options = options;
  }

  async load(): Promise<void> {
    for (const i of await this.store.openIncidents()) this.open.set(i.monitorId, i);
  }

  openIncident(monitorId: string): Incident | undefined {
    return this.open.get(monitorId);
  }

  private link(path: string): string | undefined {
    return this.options.dashboardUrl ? new URL(path, this.options.dashboardUrl).toString() : undefined;
  }

  private async alert(spec: Pick<MonitorSpec, 'channels'>, key: string, message: AlertMessage, severity: Severity = message.severity): Promise<void> {
    const channels = channelsFor(this.options.channels, spec.channels, severity);
    if (channels.length === 0) return;
    const added = await this.store.enqueue(
      channels.map((channel) => ({ key: `${key}|${channel}`, channel, payload: message })),
      this.clock.now(),
    );
    if (added.length > 0) this.onQueued();
  }

  private base(spec: MonitorSpec, incident: Incident): Pick<AlertMessage, 'monitorId' | 'monitorName' | 'target' | 'incidentId' | 'severity' | 'link'> {
    const m: Pick<AlertMessage, 'monitorId' | 'monitorName' | 'target' | 'incidentId' | 'severity' | 'link'> = {
      monitorId: spec.id,
      monitorName: spec.name,
      target: targetOf(spec),
      incidentId: incident.id,
      severity: spec.severity,
    };
    const link = this.link(`monitors/${encodeURIComponent(spec.id)}`);
    if (link) m.link = link;
    return m;
  }

  /** Counts this change and says whether the monitor is flapping. */
  private countChange(monitorId: string, at: number): boolean {
    const window = this.options.flapping.windowMs;
    const times = [...(this.changes.get(monitorId) ?? []).filter((t) => at - t < window), at];
    this.changes.set(monitorId, times);
    return times.length > this.options.flapping.changes;
  }

  private evidence(result: CheckResult): string[] {
    return [...result.failed, result.detail];
  }

  private async openedAlert(spec: MonitorSpec, incident: Incident, evidence: string[]): Promise<void> {
    await this.alert(spec, `incident:${incident.id}:opened`, {
      ...this.base(spec, incident),
      kind: 'opened',
      title: `${spec.name} ${spec.kind === 'tls' || spec.kind === 'dns' || spec.kind === 'email' ? 'is failing' : 'is down'}`,
      text: `${spec.name} (${targetOf(spec)}) has failed since ${formatTime(incident.downSince)}, confirmed by a re-check from a fresh connection.`,
      at: this.clock.now(),
      since: incident.downSince,
      evidence,
    });
  }

  /** A confirmed state change from the engine. */
  async changed(spec: MonitorSpec, change: { to: 'up' | 'down'; at: number }, result: CheckResult): Promise<void> {
    const current = this.open.get(spec.id);
    // Up with nothing open: a new monitor's first success, not a recovery.
    if (change.to === 'up' && !current) return;
    const flapping = this.countChange(spec.id, change.at);
    if (change.to === 'down') {
      if (current) {
        // A failure while recovering from flapping: the same incident goes on.
        delete current.recoveringSince;
        await this.store.updateIncident(current);
        return;
      }
      const recent = flapping ? (await this.store.incidents({ monitorId: spec.id, from: change.at - this.options.flapping.windowMs, limit: 1 }))[0] : undefined;
      if (recent && recent.resolvedAt !== undefined) {
        delete recent.resolvedAt;
        recent.flapping = true;
        await this.store.updateIncident(recent);
        this.open.set(spec.id, recent);
        await this.flappingAlert(spec, recent);
        return;
      }
      const maintenance = this.options.maintenance(spec.name, change.at);
      const draft: Omit<Incident, 'id'> = { monitorId: spec.id, downSince: change.at, openedAt: this.clock.now(), flapping: false, cause: this.evidence(result).join('\n') };
      if (maintenance) draft.suppressed = `maintenance "${maintenance}"`;
      const incident = await this.store.openIncident(draft);
      this.open.set(spec.id, incident);
      if (!incident.suppressed) await this.openedAlert(spec, incident, this.evidence(result));
      return;
    }
    if (!current) return;
    if (flapping || current.flapping) {
      current.recoveringSince = change.at;
      if (!current.flapping) {
        current.flapping = true;
        await this.flappingAlert(spec, current);
      }
      await this.store.updateIncident(current);
      return;
    }
    await this.resolve(spec, current, change.at);
  }

  private async flappingAlert(spec: MonitorSpec, incident: Incident): Promise<void> {
    const { changes, windowMs } = this.options.flapping;
    await this.alert(spec, `incident:${incident.id}:flapping`, {
      ...this.base(spec, incident),
      kind: 'flapping',
      title: `${spec.name} is flapping`,
      text: `${spec.name} changed state more than ${changes} times within ${formatDuration(windowMs)}. Its outages are folded into this incident, which resolves once it has stayed up for ${formatDuration(windowMs)}.`,
      at: this.clock.now(),
      since: incident.downSince,
    });
  }

  private async withBudget(text: string, spec: MonitorSpec, incident: Incident, ongoing: boolean): Promise<string> {
    const line = await this.options.budgetLine?.(spec, incident.downSince, ongoing);
    return line ? `${text} ${line}` : text;
  }

  private async resolve(spec: MonitorSpec, incident: Incident, at: number): Promise<void> {
    incident.resolvedAt = at;
    delete incident.recoveringSince;
    await this.store.updateIncident(incident);
    this.open.delete(spec.id);
    if (incident.suppressed) return;
    const durationMs = at - incident.downSince;
    await this.alert(spec, `incident:${incident.id}:recovered`, {
      ...this.base(spec, incident),
      kind: 'recovered',
      title: `${spec.name} recovered`,
      text: await this.withBudget(`${spec.name} is up again after ${formatDuration(durationMs)} down (since ${formatTime(incident.downSince)}).`, spec, incident, false),
      at: this.clock.now(),
      since: incident.downSince,
      durationMs,
    });
  }

  /** Reminders, flapping incidents that settled, outages that outlasted their maintenance window. */
  async tick(specs: ReadonlyMap<string, MonitorSpec>): Promise<void> {
    const now = this.clock.now();
    for (const incident of [...this.open.values()]) {
      const spec = specs.get(incident.monitorId);
      if (!spec) continue;
      if (incident.recoveringSince !== undefined) {
        if (now - incident.recoveringSince >= this.options.flapping.windowMs) await this.resolve(spec, incident, incident.recoveringSince);
        continue;
      }
      if (incident.suppressed?.startsWith('maintenance') && !this.options.maintenance(spec.name, now)) {
        delete incident.suppressed;
        await this.store.updateIncident(incident);
        await this.openedAlert(spec, incident, incident.cause.split('\n'));
        continue;
      }
      const every = this.options.reminderMs;
      if (every === undefined || incident.suppressed || incident.acknowledgedAt !== undefined) continue;
      const last = incident.lastReminderAt ?? incident.openedAt;
      if (now - last < every) continue;
      incident.lastReminderAt = now;
      await this.store.updateIncident(incident);
      const n = Math.round((now - incident.openedAt) / every);
      await this.alert(spec, `incident:${incident.id}:reminder:${n}`, {
        ...this.base(spec, incident),
        kind: 'reminder',
        title: `${spec.name} is still down`,
        text: await this.withBudget(`${spec.name} has been down for ${formatDuration(now - incident.downSince)} (since ${formatTime(incident.downSince)}). Acknowledge it on the dashboard to stop reminders.`, spec, incident, true),
        at: now,
        since: incident.downSince,
        evidence: incident.cause.split('\n'),
      });
    }
  }

  async acknowledge(id: number, by: string): Promise<Incident | undefined> {
    const incident = [...this.open.values()].find((i) => i.id === id) ?? (await this.store.incident(id));
    if (!incident) return undefined;
    if (incident.acknowledgedAt === undefined) {
      incident.acknowledgedAt = this.clock.now();
      incident.acknowledgedBy = by;
      await this.store.updateIncident(incident);
    }
    return incident;
  }

  /** A monitor removed from the config: its incident is closed without an alert. */
  async forget(monitorId: string): Promise<void> {
    const incident = this.open.get(monitorId);
    if (!incident) return;
    incident.resolvedAt = this.clock.now();
    incident.suppressed = incident.suppressed ?? 'monitor removed';
    await this.store.updateIncident(incident);
    this.open.delete(monitorId);
  }

  /** Certificate expiry warnings, once per certificate and threshold (30, 14, 7, 1 days). */
  async certificate(spec: MonitorSpec, cert: { validTo: number; daysLeft: number }): Promise<void> {
    const threshold = CERT_THRESHOLDS_DAYS.filter((d) => cert.daysLeft < d).pop();
    if (threshold === undefined || cert.daysLeft < 0) return;
    const message: AlertMessage = {
      kind: 'certificate',
      severity: threshold <= 7 ? 'critical' : 'warning',
      title: `${spec.name}: certificate expires in ${cert.daysLeft} day${cert.daysLeft === 1 ? '' : 's'}`,
      text: `The certificate of ${targetOf(spec)} expires on ${formatTime(cert.validTo)}. Renew it (and check that automatic renewal works) before browsers refuse the site.`,
      at: this.clock.now(),
      monitorId: spec.id,
      monitorName: spec.name,
      target: targetOf(spec),
    };
    const link = this.link(`monitors/${encodeURIComponent(spec.id)}`);
    if (link) message.link = link;
    await this.alert(spec, `certificate:${spec.id}:${cert.validTo}:${threshold}`, message);
  }

  /** Queues an alert that is not about one incident (error budget, burn rate, tests). */
  async notify(channels: readonly string[] | undefined, key: string, message: AlertMessage): Promise<void> {
    await this.alert({ channels: channels === undefined ? undefined : [...channels] }, key, message);
  }
}
