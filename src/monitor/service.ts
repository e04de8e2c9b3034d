/**
 * `launch-ready monitor` as one object: the config's monitors plus those created through the API,
 * the engine, the store, incidents and the outbox, and the periodic jobs (reminders, error
 * budgets, roll-ups and retention). The web server (web/server.ts) sits on top of it.
 */
import type { LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { NetworkSettings } from '../net/settings.js';
import { channelsFromConfig, type ChannelSet } from './alerts/channels-from-config.js';
import { OutboxWorker } from './alerts/outbox-worker.js';
import { systemClock, type Clock, type TimerHandle } from './clock.js';
import { budgetLine, budgetSubjects, evaluateBudgets, type BudgetOptions } from './engine/budget.js';
import { MonitorEngine } from './engine/engine.js';
import { IncidentManager, type IncidentOptions } from './engine/incidents.js';
import { networkProbe, SelfCheck, type SelfProbe } from './engine/self-check.js';
import { UptimeBook } from './engine/uptime-book.js';
import { DEFAULT_MONITOR_CONFIG, monitorsFromConfig } from './from-config.js';
import type { MonitorSpec } from './model.js';
import { ProbeNetwork } from './probes/network.js';
import { siteFacts } from './probes/site.js';
import { SqliteStore } from './store/sqlite-store.js';
import type { MonitorStore } from './store/store.js';
import { inMaintenance, type MaintenanceRule } from './uptime.js';
import { MonitorMetrics } from './metrics.js';

export type MonitorConfig = NonNullable<Config['monitor']>;

export interface ServiceOptions {
  loaded: LoadedConfig;
  settings: NetworkSettings;
  /** The SQLite file. */
  dataFile: string;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** Where the stdout channel writes (tests capture it). */
  stdout?: NodeJS.WritableStream;
  /** Replaces the network self-check (tests). */
  selfProbe?: SelfProbe;
  /** Where the dashboard is reachable, when the config does not say (links in alerts). */
  dashboardUrl?: string;
}

const PAUSED_KEY = 'paused-monitors';
const INCIDENT_TICK_MS = 15_000;
const BUDGET_TICK_MS = 60_000;
/** Incidents overlapping the burn-rate window, read at most: an hour holds a handful per monitor (flapping folds the rest). */
const RECENT_INCIDENTS_LIMIT = 100_000;
const HOUSEKEEPING_TICK_MS = 1_000;

export class MonitorService {
  readonly clock: Clock;
  readonly store: MonitorStore;
  readonly engine: MonitorEngine;
  readonly incidents: IncidentManager;
  readonly outbox: OutboxWorker;
  readonly uptime: UptimeBook;
  readonly selfCheck: SelfCheck;
  /** The config in force: the last one that loaded without errors. */
  loaded: LoadedConfig;
  /** Why the latest edit of the config was refused, while it is. */
  configError?: string;
  channelSet: ChannelSet;
  readonly metrics = new MonitorMetrics();
  private apiMaintenance: MaintenanceRule[] = [];
  /** Config monitors paused through the API or the dashboard (the config itself is never rewritten). */
  private pausedOverrides = new Set<string>();
  private readonly timers = new Set<TimerHandle>();
  private stopped = false;

  private constructor(private readonly options: ServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.loaded = options.loaded;
    this.store = new SqliteStore(options.dataFile, this.clock);
    this.channelSet = this.channelsOf(this.monitorConfig);
    this.incidents = new IncidentManager(this.store, this.clock, this.incidentOptions());
    this.outbox = new OutboxWorker(this.store, this.clock, this.channelSet.channels);
    this.incidents.onQueued = () => this.outbox.wake();
    this.uptime = new UptimeBook(this.store, this.clock, () => this.maintenanceRules());
    const domain = options.loaded.config.domain;
    this.selfCheck = new SelfCheck(options.selfProbe ?? networkProbe(options.settings.dnsServers, domain, this.monitorConfig.selfCheck), this.clock);
    this.selfCheck.onChange = (status) => (status.online ? this.store.endOffline(status.at) : this.store.startOffline(status.at));
    this.engine = new MonitorEngine({
      clock: this.clock,
      store: this.store,
      network: new ProbeNetwork(options.settings, this.clock),
      incidents: this.incidents,
      selfCheck: this.selfCheck,
      concurrency: this.monitorConfig.concurrency,
      confirm: this.monitorConfig.confirm,
      compile: this.compileContext(options.loaded),
    });
    this.engine.onResult = (spec, result) => this.metrics.observe(spec, result);
  }

  static async start(options: ServiceOptions): Promise<MonitorService> {
    const service = new MonitorService(options);
    service.apiMaintenance = await service.store.maintenanceWindows();
    service.pausedOverrides = new Set(JSON.parse((await service.store.setting(PAUSED_KEY)) ?? '[]') as string[]);
    await service.engine.start(await service.allSpecs());
    service.outbox.start();
    service.every(INCIDENT_TICK_MS, () => service.incidents.tick(service.engine.specs()));
    service.every(BUDGET_TICK_MS, () => service.checkBudgets());
    service.every(HOUSEKEEPING_TICK_MS, () => service.store.maintain(service.clock.now(), service.monitorConfig.retention).then(() => undefined));
    return service;
  }

  get monitorConfig(): MonitorConfig {
    return this.loaded.config.monitor ?? DEFAULT_MONITOR_CONFIG;
  }

  get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  get dashboardUrl(): string | undefined {
    return this.monitorConfig.dashboardUrl ?? this.options.dashboardUrl;
  }

  set dashboardFallback(url: string) {
    this.options.dashboardUrl = url;
    this.incidents.setOptions(this.incidentOptions());
  }

  maintenanceRules(): MaintenanceRule[] {
    return [...this.monitorConfig.maintenance, ...this.apiMaintenance];
  }

  async refreshMaintenance(): Promise<void> {
    this.apiMaintenance = await this.store.maintenanceWindows();
    this.uptime.invalidate();
  }

  /** Monitors of the config, then those created through the API. */
  async allSpecs(): Promise<MonitorSpec[]> {
    const fromConfig = monitorsFromConfig(this.loaded.config).map((s) => (this.pausedOverrides.has(s.id) ? { ...s, paused: true } : s));
    const names = new Set(fromConfig.map((s) => s.name));
    return [...fromConfig, ...(await this.store.apiMonitors()).filter((s) => !names.has(s.name))];
  }

  /** Pauses or resumes any monitor: an API monitor in its stored spec, a config monitor by an override. */
  async setPaused(id: string, paused: boolean): Promise<boolean> {
    const spec = this.engine.specs().get(id);
    if (!spec) return false;
    if (spec.source === 'api') await this.store.saveApiMonitor({ ...spec, paused }, this.clock.now());
    else {
      if (paused) this.pausedOverrides.add(id);
      else this.pausedOverrides.delete(id);
      await this.store.setSetting(PAUSED_KEY, JSON.stringify([...this.pausedOverrides]));
    }
    await this.applyApiChange();
    return true;
  }

  /** Switches to a new config (validated by the caller); monitors not changed keep their schedule. */
  async applyConfig(loaded: LoadedConfig): Promise<{ added: number; removed: number; changed: number }> {
    this.loaded = loaded;
    delete this.configError;
    this.channelSet = this.channelsOf(this.monitorConfig);
    this.outbox.setChannels(this.channelSet.channels);
    this.incidents.setOptions(this.incidentOptions());
    this.uptime.invalidate();
    return this.engine.apply(await this.allSpecs(), this.compileContext(loaded));
  }

  /** Re-reads the API monitors (after a create, update or delete). */
  async applyApiChange(): Promise<void> {
    await this.engine.apply(await this.allSpecs());
    this.uptime.invalidate();
  }

  async checkBudgets(): Promise<void> {
    const o = this.budgetOptions();
    const specs = [...this.engine.specs().values()];
    const now = this.clock.now();
    const from = now - o.burnRate.windowMs;
    const [window, recent, incidents] = await Promise.all([
      this.uptime.last(o.windowMs, specs),
      this.uptime.over({ from, to: now }, specs),
      this.store.incidents({ from, limit: RECENT_INCIDENTS_LIMIT }),
    ]);
    await evaluateBudgets(budgetSubjects(specs, window, recent, incidents), o, now, this.store, (channels, key, message) => this.incidents.notify(channels, key, message));
  }

  /** What an outage since `since` burnt of the error budget, and what is left (the dashboard's figure, fresh). */
  private async budgetLine(spec: MonitorSpec, since: number, ongoing: boolean): Promise<string | undefined> {
    const o = this.budgetOptions();
    const now = this.clock.now();
    const [outage, window] = await Promise.all([this.uptime.one(spec, { from: since, to: now }), this.uptime.one(spec, { from: now - o.windowMs, to: now })]);
    return budgetLine(o, outage.downMs, window.downMs, ongoing);
  }

  private budgetOptions(): BudgetOptions {
    const m = this.monitorConfig;
    return { targetPercent: m.uptimeTargetPercent, windowMs: m.uptimeWindowMs, burnRate: m.burnRate };
  }

  /** Everything started has settled: checks, the alerts they queued, their delivery. */
  async idle(): Promise<void> {
    await this.engine.idle();
    await this.outbox.idle();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) this.clock.clearTimer(t);
    this.engine.stop();
    await this.engine.idle();
    await this.outbox.stop();
    for (const c of this.channelSet.channels.values()) await c.close?.();
    await this.store.close();
  }

  private every(ms: number, job: () => Promise<void>): void {
    const run = () => {
      if (this.stopped) return;
      job()
        .catch((err: unknown) => process.stderr.write(`launch-ready monitor: ${(err as Error).message}\n`))
        .finally(() => {
          if (!this.stopped) this.timers.add(this.clock.setTimer(run, ms));
        });
    };
    this.timers.add(this.clock.setTimer(run, ms));
  }

  /** With no channel configured, alerts go to stdout rather than nowhere. */
  private channelsOf(m: MonitorConfig): ChannelSet {
    return channelsFromConfig(m.alerts.length > 0 ? m.alerts : [{ type: 'stdout' }], this.env, () => this.clock.now(), this.options.stdout);
  }

  private incidentOptions(): IncidentOptions {
    const m = this.monitorConfig;
    const options: IncidentOptions = {
      channels: this.channelSet.routes,
      flapping: m.flapping,
      maintenance: (name, at) => inMaintenance(this.maintenanceRules(), name, at)?.name,
      budgetLine: (spec, since, ongoing) => this.budgetLine(spec, since, ongoing),
    };
    if (m.reminderMs !== undefined) options.reminderMs = m.reminderMs;
    const url = this.dashboardUrl;
    if (url) options.dashboardUrl = url;
    return options;
  }

  private compileContext(loaded: LoadedConfig) {
    const ctx: { env: NodeJS.ProcessEnv; chatbot?: NonNullable<Config['chatbot']>; site: ReturnType<typeof siteFacts> } = { env: this.env, site: siteFacts(loaded) };
    if (loaded.config.chatbot) ctx.chatbot = loaded.config.chatbot;
    return ctx;
  }
}
