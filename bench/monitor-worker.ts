/**
 * One bench/monitor scenario in a process of its own, run as compiled JavaScript by plain node
 * (bench/monitor.ts builds it): the process a founder runs with `launch-ready monitor`, the same
 * modules and V8 settings, without tsx's loader thread and source maps (~50 MB). It starts the
 * service and the web server as the CLI does, lets the first interval spread the phases, measures
 * the steady state, times the dashboard when the parent seeded history, and reports its figures
 * over IPC. Its RSS is the whole process, from start to exit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { systemClock } from '../src/monitor/clock.js';
import { leanRuntime } from '../src/monitor/lean-runtime.js';
import { MonitorService } from '../src/monitor/service.js';
import type { SqliteStore } from '../src/monitor/store/sqlite-store.js';
import { Auth } from '../src/monitor/web/auth/auth.js';
import { startWebServer, type WebServer } from '../src/monitor/web/server.js';
import { DEFAULT_NETWORK } from '../src/net/settings.js';

export interface WorkerTask {
  dir: string;
  monitors: number;
  intervalMs: number;
  /** Intervals measured after the first. */
  intervals: number;
  /** Set when the parent seeded 30 days of history: log in and time the dashboard. */
  password?: string;
}

export interface WorkerFigures {
  checks: number;
  seconds: number;
  cpuMs: number;
  /** Peak RSS of the whole process while it monitored (the kernel's high-water mark where there is one). */
  monitoringPeakMb: number;
  /** Peak RSS of the whole process from start to exit: a login and the dashboard included. */
  peakRssMb: number;
  /** RSS once the modules were loaded, before the config and the service. */
  modulesMb: number;
  /** RSS at the end of the measured intervals. */
  endRssMb: number;
  lateP99: number;
  lateMax: number;
  bytesPerResult: number;
  failures: number;
  firstByteMs?: number;
  dataMs?: number;
}

const MB = 1024 * 1024;

/** VmHWM: the exact peak, including what a sampler would miss between two samples (Linux). */
function highWaterMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    return kb ? Number(kb[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function timeDashboard(server: WebServer, password: string, monitors: number): Promise<{ firstByteMs: number; dataMs: number }> {
  const login = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ password }), redirect: 'manual' });
  const cookie = /lr_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`login failed: ${login.status}`);
  let started = performance.now();
  const page = await fetch(`${server.url}/`, { headers: { cookie } });
  const firstByteMs = performance.now() - started;
  await page.text();
  started = performance.now();
  const data = await fetch(`${server.url}/api/dashboard`, { headers: { cookie } });
  const body = (await data.json()) as { monitors: unknown[] };
  const dataMs = performance.now() - started;
  if (body.monitors.length !== monitors) throw new Error('the dashboard did not list every monitor');
  return { firstByteMs, dataMs };
}

async function run(task: WorkerTask): Promise<WorkerFigures> {
  const modulesMb = process.memoryUsage().rss / MB;
  let sampledPeak = 0;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 100);
  leanRuntime();
  const loaded = await loadConfig(join(task.dir, 'launch-ready.yaml'));
  const env = task.password ? { LAUNCH_READY_ADMIN_PASSWORD: task.password } : {};
  const service = await MonitorService.start({
    loaded,
    settings: { ...DEFAULT_NETWORK, userAgent: 'launch-ready-bench', timeoutMs: Math.min(task.intervalMs, 5000) },
    dataFile: join(task.dir, 'monitor.db'),
    clock: systemClock,
    env,
    selfProbe: async () => ({ online: true, reason: 'bench' }),
  });
  const server = await startWebServer(service, { host: '127.0.0.1', port: 0 });
  await new Auth(service.store, service.clock).bootstrap(env);
  try {
    await new Promise((r) => setTimeout(r, task.intervalMs));
    const stats = service.engine.scheduler.stats;
    stats.lateness.reset();
    const before = { checks: service.engine.checks, cpu: process.cpuUsage(), at: performance.now() };
    await new Promise((r) => setTimeout(r, task.intervals * task.intervalMs));
    const cpu = process.cpuUsage(before.cpu);
    const figures: WorkerFigures = {
      checks: service.engine.checks - before.checks,
      seconds: (performance.now() - before.at) / 1000,
      cpuMs: (cpu.user + cpu.system) / 1000,
      monitoringPeakMb: Math.max(highWaterMb(), sampledPeak / MB),
      peakRssMb: 0,
      modulesMb,
      endRssMb: process.memoryUsage().rss / MB,
      lateP99: stats.lateness.quantile(0.99),
      lateMax: stats.lateness.max,
      bytesPerResult: 0,
      failures: 0,
    };
    if (task.password) Object.assign(figures, await timeDashboard(server, task.password, task.monitors));
    await service.store.flush();
    const db = (service.store as SqliteStore).db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const results = db.prepare('SELECT count(*) AS n, sum(1 - ok) AS failed FROM results').get() as { n: number; failed: number };
    figures.failures = results.failed;
    // dbstat: the pages the results table really occupies, overhead and free space in them included.
    const table = (db.prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name = 'results'").get() as { bytes: number }).bytes;
    figures.bytesPerResult = table / results.n;
    figures.peakRssMb = Math.max(highWaterMb(), sampledPeak / MB);
    return figures;
  } finally {
    clearInterval(sampler);
    await server.close();
    await service.stop();
  }
}

process.once('message', (task: WorkerTask) => {
  run(task).then(
    (figures) => process.send!({ figures }, () => process.exit(0)),
    (err: Error) => process.send!({ error: err.stack ?? err.message }, () => process.exit(1)),
  );
});
