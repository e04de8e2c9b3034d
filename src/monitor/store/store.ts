/**
 * The monitor's storage, behind one interface so a server database can be added later for teams
 * running several probes (issue 7 §3). Appends are batched by the implementation (fire and
 * forget; `flush` waits for them); writes that must be durable before anything else happens (an
 * incident, an alert in the outbox) return once committed. Reads are asynchronous for the same
 * reason, even though SQLite answers synchronously.
 */
import type { CheckResult } from '../check/run-check.js';
import type { MonitorSpec } from '../model.js';

export type MonitorState = 'up' | 'down' | 'nodata' | 'paused';

export interface Transition {
  monitorId: string;
  at: number;
  state: MonitorState;
}

/** A check as the check log shows it; failures carry their evidence. */
export interface StoredResult {
  at: number;
  ok: boolean;
  latencyMs: number;
  status?: number;
  errorCode?: string;
  failed?: string[];
  detail?: string;
  recheck?: boolean;
}

export interface LatencyPoint {
  at: number;
  count: number;
  okCount: number;
  minMs: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface Incident {
  id: number;
  monitorId: string;
  /** When the first failing check of the streak ran. */
  downSince: number;
  openedAt: number;
  resolvedAt?: number;
  /** While flapping, the last recovery; the incident resolves once it has held for the flapping window. */
  recoveringSince?: number;
  flapping: boolean;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  lastReminderAt?: number;
  /** The failing tests and detail of the check that confirmed it. */
  cause: string;
  /** Why no alert went out (maintenance, the monitor's own network), when that is the case. */
  suppressed?: string;
}

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  id: number;
  /** Deduplication key: one alert per event and channel, however often it is enqueued. */
  key: string;
  channel: string;
  createdAt: number;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  nextAt: number;
  sentAt?: number;
  lastError?: string;
}

export interface DeliveryAttempt {
  outboxId: number;
  at: number;
  ok: boolean;
  detail: string;
}

export interface Deploy {
  id: number;
  at: number;
  version: string;
  note?: string;
  source: string;
}

export interface StoredMaintenance {
  id: number;
  name: string;
  monitors?: string[];
  startMs: number;
  durationMs: number;
  repeat?: 'daily' | 'weekly';
}

export interface Session {
  csrf: string;
  expiresAt: number;
}

export interface Retention {
  rawMs: number;
  minutesMs: number;
  hoursMs: number;
  daysMs: number;
}

export interface MonitorStore {
  /** Registers the monitors in use; monitors no longer declared are marked removed, their history kept. */
  syncMonitors(specs: readonly MonitorSpec[], now: number): Promise<void>;
  /** Monitors created through the API (their specs live here). */
  apiMonitors(): Promise<MonitorSpec[]>;
  saveApiMonitor(spec: MonitorSpec, now: number): Promise<void>;
  deleteApiMonitor(id: string, now: number): Promise<void>;

  appendResult(result: CheckResult): void;
  appendTransition(t: Transition): void;
  flush(): Promise<void>;

  /** The latest state of every monitor, and when its last check ran (for restarts). */
  lastStates(): Promise<Map<string, { state: MonitorState; since: number; lastCheckAt?: number }>>;
  /** Every monitor's transitions in [from, to), plus the one in force at `from`. */
  allTransitions(from: number, to: number): Promise<Map<string, Transition[]>>;
  /** One monitor's transitions in [from, to), plus the one in force at `from`. */
  transitions(monitorId: string, from: number, to: number): Promise<Transition[]>;
  results(monitorId: string, from: number, to: number, limit: number): Promise<StoredResult[]>;
  /** Latency per bucket of `resolutionMs` (raw results while kept, then roll-ups). */
  latency(monitorId: string, from: number, to: number, resolutionMs: number): Promise<LatencyPoint[]>;
  /** Every monitor's hourly latency over [from, to), for sparklines. */
  hourlyLatency(from: number, to: number): Promise<Map<string, LatencyPoint[]>>;

  openIncident(incident: Omit<Incident, 'id'>): Promise<Incident>;
  updateIncident(incident: Incident): Promise<void>;
  openIncidents(): Promise<Incident[]>;
  incidents(filter: { monitorId?: string; from?: number; limit: number }): Promise<Incident[]>;
  incident(id: number): Promise<Incident | undefined>;

  /** Adds alerts; an entry whose key exists already is dropped. Returns the entries added. */
  enqueue(entries: ReadonlyArray<Pick<OutboxEntry, 'key' | 'channel' | 'payload'>>, now: number): Promise<OutboxEntry[]>;
  dueAlerts(now: number, limit: number): Promise<OutboxEntry[]>;
  /** A delivery attempt: sent when ok, else retried at `nextAt`, or failed for good without one. */
  recordAttempt(id: number, attempt: { at: number; ok: boolean; detail: string; nextAt?: number }): Promise<void>;
  outbox(filter: { limit: number; monitorId?: string }): Promise<Array<OutboxEntry & { deliveries: DeliveryAttempt[] }>>;

  addDeploy(deploy: Omit<Deploy, 'id'>): Promise<Deploy>;
  deploys(from: number, to: number): Promise<Deploy[]>;

  addMaintenance(window: Omit<StoredMaintenance, 'id'>): Promise<StoredMaintenance>;
  maintenanceWindows(): Promise<StoredMaintenance[]>;
  deleteMaintenance(id: number): Promise<boolean>;

  /** When the monitor itself could not reach the network: excluded from every uptime. */
  startOffline(at: number): Promise<void>;
  endOffline(at: number): Promise<void>;
  offlinePeriods(from: number, to: number): Promise<Array<{ start: number; end?: number }>>;

  pings(): Promise<Map<string, { last?: number; count: number }>>;
  savePing(monitorId: string, at: number, count: number): void;

  setting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  createSession(tokenHash: string, session: Session, now: number): Promise<void>;
  session(tokenHash: string, now: number): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  createApiToken(name: string, tokenHash: string, now: number): Promise<number>;
  apiToken(tokenHash: string, now: number): Promise<{ id: number; name: string } | undefined>;
  apiTokens(): Promise<Array<{ id: number; name: string; createdAt: number; lastUsedAt?: number }>>;
  deleteApiToken(id: number): Promise<boolean>;

  /** Rolls up finished periods and deletes expired data, a bounded amount per call. */
  maintain(now: number, retention: Retention): Promise<{ rolledUp: number; deleted: number }>;
  /** Small key/value state of the alert rules (error-budget episodes). */
  alertState(key: string): Promise<string | undefined>;
  setAlertState(key: string, value: string | undefined): Promise<void>;

  close(): Promise<void>;
}
