/**
 * The monitor's heart: schedules every monitor, runs its checks, confirms state changes, records
 * results and transitions, and hands confirmed changes to the incident manager. Failed checks are
 * set aside while the monitor itself is offline (self-check). Alert delivery happens elsewhere
 * (the outbox worker), so a hung notifier never delays a check.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../clock.js';
import { compileMonitor, type CompileContext, type CompiledMonitor } from '../check/compile.js';
import { LatencyWindow } from '../check/latency-window.js';
import { runCheck, type CheckResult } from '../check/run-check.js';
import type { MonitorSpec } from '../model.js';
import type { PingRecord } from '../probes/heartbeat.js';
import type { ProbeNetwork } from '../probes/network.js';
import { Scheduler, type RunReason } from '../schedule/scheduler.js';
import type { MonitorState, MonitorStore } from '../store/store.js';
import { confirm, INITIAL, type Confirmation, type ConfirmOptions } from './confirmation.js';
import type { IncidentManager } from './incidents.js';
import type { SelfCheck } from './self-check.js';

export interface EngineDeps {
  clock: Clock;
  store: MonitorStore;
  network: ProbeNetwork;
  incidents: IncidentManager;
  selfCheck: SelfCheck;
  concurrency: number;
  confirm: ConfirmOptions;
  /** Compile context minus the heartbeat pings, which the engine keeps. */
  compile: Omit<CompileContext, 'pings'>;
}

/** What the dashboard shows of a monitor right now. */
export interface LiveMonitor {
  spec: MonitorSpec;
  state: MonitorState | 'pending';
  since?: number;
  last?: CheckResult;
  /** The last failed check was set aside: the monitor itself was offline. */
  lastSetAside?: boolean;
  /** Why the monitor cannot run (a missing environment variable, a chatbot monitor without a chatbot section). */
  error?: string;
  nextDue?: number;
}

interface Live extends LiveMonitor {
  compiled?: CompiledMonitor;
  window: LatencyWindow;
  confirmation: Confirmation;
}

export class MonitorEngine {
  readonly scheduler: Scheduler;
  private readonly live = new Map<string, Live>();
  private readonly pingRecords = new Map<string, PingRecord>();
  private compileContext: CompileContext;
  /** Checks completed, for the benchmark and /metrics. */
  checks = 0;
  /** Sees every counted result (the metrics' latency histograms). */
  onResult: (spec: MonitorSpec, result: CheckResult) => void = () => undefined;

  constructor(private readonly deps: EngineDeps) {
    this.scheduler = new Scheduler(deps.clock, deps.concurrency, (id, dueAt, reason) => this.run(id, dueAt, reason));
    this.compileContext = { ...deps.compile, pings: (id) => this.pingRecords.get(id) ?? { count: 0 } };
  }

  monitors(): LiveMonitor[] {
    return [...this.live.values()].map(({ spec, state, since, last, lastSetAside, error }) => ({ spec, state, since, last, lastSetAside, error, nextDue: this.scheduler.nextDue(spec.id) }));
  }

  monitor(id: string): LiveMonitor | undefined {
    return this.monitors().find((m) => m.spec.id === id);
  }

  specs(): Map<string, MonitorSpec> {
    return new Map([...this.live].map(([id, l]) => [id, l.spec]));
  }

  /** Loads the last known states, marks the time the monitor was not running as no data, and schedules everything. */
  async start(specs: readonly MonitorSpec[]): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.syncMonitors(specs, now);
    await this.deps.incidents.load();
    for (const [id, p] of await this.deps.store.pings()) this.pingRecords.set(id, p);
    const last = await this.deps.store.lastStates();
    for (const spec of specs) {
      const entry = this.entry(spec);
      const prev = last.get(spec.id);
      if (spec.paused) this.setState(entry, 'paused', now, prev?.state === 'paused' ? prev.since : undefined);
      else if (prev && (prev.state === 'up' || prev.state === 'down')) {
        const lastSeen = prev.lastCheckAt ?? prev.since;
        if (now - lastSeen > spec.intervalMs + spec.timeoutMs) {
          // Not running since then: no data from one interval after the last check.
          this.setState(entry, 'nodata', lastSeen + spec.intervalMs);
        } else {
          entry.state = prev.state;
          entry.since = prev.since;
          entry.confirmation = { state: prev.state, streak: 0 };
        }
      } else if (prev) {
        entry.state = prev.state;
        entry.since = prev.since;
      }
      this.live.set(spec.id, entry);
    }
    this.scheduler.addAll(specs.filter((s) => !s.paused && this.live.get(s.id)?.compiled).map((s) => ({ id: s.id, intervalMs: s.intervalMs })));
  }

  /** A reload or an API change: adds, removes and updates monitors without disturbing the others. */
  async apply(specs: readonly MonitorSpec[], compile?: Omit<CompileContext, 'pings'>): Promise<{ added: number; removed: number; changed: number }> {
    if (compile) this.compileContext = { ...compile, pings: this.compileContext.pings };
    const now = this.deps.clock.now();
    await this.deps.store.syncMonitors(specs, now);
    const wanted = new Map(specs.map((s) => [s.id, s]));
    const counts = { added: 0, removed: 0, changed: 0 };
    for (const [id, entry] of this.live) {
      if (wanted.has(id)) continue;
      this.scheduler.remove(id);
      this.live.delete(id);
      if (entry.state !== 'nodata' && entry.state !== 'pending') this.deps.store.appendTransition({ monitorId: id, at: now, state: 'nodata' });
      await this.deps.incidents.forget(id);
      counts.removed++;
    }
    for (const spec of specs) {
      const current = this.live.get(spec.id);
      if (!current) {
        const entry = this.entry(spec);
        this.live.set(spec.id, entry);
        if (spec.paused) this.setState(entry, 'paused', now);
        else if (entry.compiled) this.scheduler.add(spec.id, spec.intervalMs);
        counts.added++;
        continue;
      }
      if (isDeepStrictEqual(current.spec, spec) && !compile) continue;
      if (!isDeepStrictEqual(current.spec, spec)) counts.changed++;
      const fresh = this.entry(spec);
      current.compiled = fresh.compiled;
      current.error = fresh.error;
      const wasPaused = current.spec.paused;
      const targetChanged = !isDeepStrictEqual({ ...current.spec, paused: false, intervalMs: 0 }, { ...spec, paused: false, intervalMs: 0 });
      current.spec = spec;
      if (targetChanged) current.window = new LatencyWindow();
      if (spec.paused || !current.compiled) {
        this.scheduler.remove(spec.id);
        if (spec.paused && !wasPaused) this.setState(current, 'paused', now);
      } else if (!this.scheduler.has(spec.id) || wasPaused) {
        if (wasPaused) {
          current.confirmation = INITIAL;
          this.setState(current, 'nodata', now);
        }
        this.scheduler.add(spec.id, spec.intervalMs);
      } else this.scheduler.reschedule(spec.id, spec.intervalMs);
    }
    return counts;
  }

  /** A heartbeat monitor's push URL was called. */
  ping(id: string): boolean {
    const entry = this.live.get(id);
    if (!entry || entry.spec.kind !== 'heartbeat') return false;
    const record = this.pingRecords.get(id) ?? { count: 0 };
    const next = { last: this.deps.clock.now(), count: record.count + 1 };
    this.pingRecords.set(id, next);
    this.deps.store.savePing(id, next.last, next.count);
    return true;
  }

  /** Runs a monitor's check now (the dashboard's "check now"), outside its schedule. */
  checkNow(id: string): boolean {
    if (!this.live.get(id)?.compiled) return false;
    this.scheduler.recheck(id, this.deps.clock.now());
    return true;
  }

  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  stop(): void {
    this.scheduler.stop();
  }

  private entry(spec: MonitorSpec): Live {
    const compiled = compileMonitor(spec, this.compileContext);
    const entry: Live = { spec, state: 'pending', window: new LatencyWindow(), confirmation: INITIAL };
    if (compiled.ok) entry.compiled = compiled.monitor;
    else entry.error = compiled.error;
    return entry;
  }

  private setState(entry: Live, state: MonitorState, at: number, since = at): void {
    entry.state = state;
    entry.since = since;
    if (since === at) this.deps.store.appendTransition({ monitorId: entry.spec.id, at, state });
  }

  private async run(id: string, _dueAt: number, reason: RunReason): Promise<void> {
    const entry = this.live.get(id);
    if (!entry?.compiled || entry.spec.paused) return;
    const result = await runCheck(entry.compiled, this.deps.network, entry.window, this.deps.clock.now(), reason === 'recheck');
    this.checks++;
    if (this.live.get(id) !== entry) return;
    if (!result.ok) {
      const self = await this.deps.selfCheck.status();
      if (!self.online) {
        // Says nothing about the site: kept in the log, but neither counted nor confirmed.
        entry.last = { ...result, detail: `${result.detail} — set aside: the monitor itself is offline (${self.reason})` };
        entry.lastSetAside = true;
        this.deps.store.appendResult(entry.last);
        return;
      }
    }
    entry.last = result;
    entry.lastSetAside = false;
    this.deps.store.appendResult(result);
    this.onResult(entry.spec, result);
    const step = confirm(entry.confirmation, result.ok, result.at, this.deps.confirm);
    entry.confirmation = step.next;
    if (step.recheckAt !== undefined) this.scheduler.recheck(id, step.recheckAt);
    if (step.change) {
      this.setState(entry, step.change.to, step.change.at);
      await this.deps.incidents.changed(entry.spec, step.change, result);
    }
    if (result.certificate) await this.deps.incidents.certificate(entry.spec, result.certificate);
  }
}
