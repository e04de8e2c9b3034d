/**
 * bench/monitor (issue 7 §6): N HTTP monitors against a local server, at 60 s compressed to a
 * shorter interval (the figures per check do not depend on the interval; the rate is scaled back
 * to 60 s). For N = 1,000 and 10,000: checks per second, CPU ms per check including storage,
 * RSS, schedule error p99 and max, bytes on disk per raw result, and the dashboard's first byte
 * and data time with 30 days of history, beside Uptime Kuma 2.5's figures on a machine like this.
 *
 * The target server runs in a child process so its CPU is not counted; it answers with
 * `Connection: close` so the server side keeps the TIME_WAIT sockets of a new connection per check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config/load.js';
import { systemClock } from '../src/monitor/clock.js';
import { monitorsFromConfig } from '../src/monitor/from-config.js';
import { MonitorService } from '../src/monitor/service.js';
import { SqliteStore } from '../src/monitor/store/sqlite-store.js';
import { setPassword } from '../src/monitor/web/auth/auth.js';
import { startWebServer } from '../src/monitor/web/server.js';
import { DEFAULT_NETWORK } from '../src/net/settings.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PORTS = 8;
const PASSWORD = 'bench-password-123';

/** The reference the issue quotes: Uptime Kuma 2.5 on a 2-core machine. */
const KUMA = { cpuMsPerCheck: '7–8', bytesPerResult: '143', rss: '283 MB at 1,200', scheduleP99: '44' };

interface Scenario {
  monitors: number;
  /** 60 s divided by this. */
  compression: number;
  /** Intervals measured after a first one (phases spreading) is left out. */
  intervals: number;
  /** Seed 30 days of history and time the dashboard. */
  dashboard: boolean;
}

interface Figures {
  monitors: number;
  intervalS: number;
  checksPerS: number;
  expectedPerS: number;
  cpuMsPerCheck: number;
  /** Cores needed for this many monitors at 60 s. */
  coresAt60s: number;
  rssMb: number;
  /** The process before the service started (modules, the parsed config). */
  atRestMb: number;
  lateP99: number;
  lateMax: number;
  bytesPerResult: number;
  firstByteMs?: number;
  dataMs?: number;
  failures: number;
}

const SERVER = `
const http = require('node:http');
const ports = [];
let ready = 0;
for (let i = 0; i < ${PORTS}; i++) {
  const s = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end('ok'));
  s.listen(0, '127.0.0.1', () => { ports.push(s.address().port); if (++ready === ${PORTS}) process.send(ports); });
}
`;

function startServer(): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (ports) => resolve({ child, ports: ports as number[] }));
    child.once('error', reject);
  });
}

function configYaml(n: number, intervalMs: number, ports: number[]): string {
  const lines = [
    'product: Bench',
    'domain: bench.test',
    'canonical: https://www.bench.test/',
    'monitor:',
    '  routes: false',
    '  hosts: false',
    `  interval: ${intervalMs}ms`,
    `  timeout: ${Math.min(intervalMs, 5000)}ms`,
    '  alerts: [{ type: stdout }]',
    '  targets:',
  ];
  for (let i = 0; i < n; i++) lines.push(`    - { name: m${i}, url: "http://127.0.0.1:${ports[i % ports.length]}/m${i}" }`);
  return `${lines.join('\n')}\n`;
}

/**
 * 30 days of history for every monitor, as the store keeps it past 48 h: hourly and daily
 * roll-ups, minute roll-ups for the last two hours, and a few outages a month.
 */
function seedHistory(store: SqliteStore, now: number): void {
  const db = store.db;
  const nums = (db.prepare('SELECT num, id FROM monitors').all() as Array<{ num: number; id: string }>);
  const hourNow = Math.floor(now / HOUR) * HOUR;
  const from = hourNow - 30 * DAY;
  const rollup = db.prepare('INSERT OR REPLACE INTO rollups (monitor, res, t, n, ok, lat_min, lat_avg, lat_p50, lat_p95, lat_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const transition = db.prepare('INSERT OR REPLACE INTO transitions (monitor, t, state) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const { num } of nums) {
      for (let t = from; t < hourNow; t += HOUR) rollup.run(num, HOUR, t, 60, 60, 3, 6, 5, 12, 40);
      for (let t = from; t < hourNow - DAY; t += DAY) rollup.run(num, DAY, t, 1440, 1439, 3, 6, 5, 12, 90);
      for (let t = hourNow - 2 * HOUR; t < hourNow; t += 60_000) rollup.run(num, 60_000, t, 1, 1, 5, 5, 5, 5, 5);
      transition.run(num, from, 'up');
      for (let k = 0; k < 4; k++) {
        const down = from + ((num * 7919 + k * 7 * DAY) % (29 * DAY));
        transition.run(num, down, 'down');
        transition.run(num, down + 3 * 60_000, 'up');
      }
    }
    const progress = db.prepare('INSERT OR REPLACE INTO rollup_progress (res, done_until) VALUES (?, ?)');
    progress.run(60_000, hourNow);
    progress.run(HOUR, hourNow);
    progress.run(DAY, hourNow - DAY);
  })();
}

async function timeDashboard(service: MonitorService): Promise<{ firstByteMs: number; dataMs: number }> {
  await setPassword(service.store, PASSWORD);
  const server = await startWebServer(service, { host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ password: PASSWORD }), redirect: 'manual' });
    const cookie = /lr_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    let started = performance.now();
    const page = await fetch(`${server.url}/`, { headers: { cookie } });
    const firstByteMs = performance.now() - started;
    await page.text();
    started = performance.now();
    const data = await fetch(`${server.url}/api/dashboard`, { headers: { cookie } });
    const body = (await data.json()) as { monitors: unknown[] };
    const dataMs = performance.now() - started;
    if (body.monitors.length !== service.engine.monitors().length) throw new Error('the dashboard did not list every monitor');
    return { firstByteMs, dataMs };
  } finally {
    await server.close();
  }
}

async function run(s: Scenario, ports: number[]): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'lr-bench-monitor-'));
  const intervalMs = 60_000 / s.compression;
  const file = join(dir, 'launch-ready.yaml');
  const loaded = { file, dir, config: parseConfig(configYaml(s.monitors, intervalMs, ports), file) };
  const dataFile = join(dir, 'monitor.db');
  const atRestMb = process.memoryUsage().rss / 1024 / 1024;
  if (s.dashboard) {
    const seed = new SqliteStore(dataFile, systemClock);
    await seed.syncMonitors(monitorsFromConfig(loaded.config), Date.now());
    seedHistory(seed, Date.now());
    await seed.close();
  }
  const service = await MonitorService.start({
    loaded,
    settings: { ...DEFAULT_NETWORK, userAgent: 'launch-ready-bench', timeoutMs: Math.min(intervalMs, 5000) },
    dataFile,
    clock: systemClock,
    env: {},
    selfProbe: async () => ({ online: true, reason: 'bench' }),
  });
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 250);
  try {
    // The first interval spreads the first checks; measure the steady state after it.
    await new Promise((r) => setTimeout(r, intervalMs));
    const stats = service.engine.scheduler.stats;
    stats.lateness.reset();
    const store = service.store as SqliteStore;
    const before = { checks: service.engine.checks, cpu: process.cpuUsage(), at: performance.now() };
    await new Promise((r) => setTimeout(r, s.intervals * intervalMs));
    const cpu = process.cpuUsage(before.cpu);
    const seconds = (performance.now() - before.at) / 1000;
    const checks = service.engine.checks - before.checks;
    const figures: Figures = {
      monitors: s.monitors,
      intervalS: intervalMs / 1000,
      checksPerS: checks / seconds,
      expectedPerS: s.monitors / (intervalMs / 1000),
      cpuMsPerCheck: (cpu.user + cpu.system) / 1000 / checks,
      coresAt60s: 0,
      rssMb: rss / 1024 / 1024,
      atRestMb,
      lateP99: stats.lateness.quantile(0.99),
      lateMax: stats.lateness.max,
      bytesPerResult: 0,
      failures: 0,
    };
    figures.coresAt60s = ((s.monitors / 60) * figures.cpuMsPerCheck) / 1000;
    if (s.dashboard) Object.assign(figures, await timeDashboard(service));
    await service.store.flush();
    const db = store.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const results = (db.prepare('SELECT count(*) AS n, sum(1 - ok) AS failed FROM results').get() as { n: number; failed: number });
    figures.failures = results.failed;
    // dbstat: the pages the results table really occupies, overhead and free space in them included.
    const table = (db.prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name = 'results'").get() as { bytes: number }).bytes;
    figures.bytesPerResult = table / results.n;
    return figures;
  } finally {
    clearInterval(sampler);
    await service.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function table(figures: Figures[]): string {
  const col = (f: Figures, pick: (f: Figures) => string) => pick(f).padStart(16);
  const rows: Array<[string, (f: Figures) => string, string, string]> = [
    ['interval (60 s compressed)', (f) => `${f.intervalS} s`, '', ''],
    ['checks/s achieved', (f) => `${f.checksPerS.toFixed(0)} of ${f.expectedPerS.toFixed(0)}`, '', ''],
    ['CPU ms per check', (f) => f.cpuMsPerCheck.toFixed(3), '≤ 2', KUMA.cpuMsPerCheck],
    ['cores at 60 s', (f) => f.coresAt60s.toFixed(3), '≤ 1 (10,000)', ''],
    ['peak RSS', (f) => `${f.rssMb.toFixed(0)} MB`, '≤ 150 MB (1,000)', KUMA.rss],
    ['  of which the monitor', (f) => `${(f.rssMb - f.atRestMb).toFixed(0)} MB`, '', ''],
    ['schedule error p99', (f) => `${f.lateP99.toFixed(0)} ms`, '≤ 20 ms (1,000)', KUMA.scheduleP99],
    ['schedule error max', (f) => `${f.lateMax.toFixed(0)} ms`, '', ''],
    ['bytes per raw result', (f) => f.bytesPerResult.toFixed(1), '≤ 40', KUMA.bytesPerResult],
    ['dashboard first byte', (f) => (f.firstByteMs === undefined ? '—' : `${f.firstByteMs.toFixed(0)} ms`), '≤ 200 ms', ''],
    ['dashboard data', (f) => (f.dataMs === undefined ? '—' : `${f.dataMs.toFixed(0)} ms`), '≤ 500 ms', ''],
    ['failed checks', (f) => String(f.failures), '0', ''],
  ];
  const head = `  ${''.padEnd(28)}${figures.map((f) => `N = ${f.monitors.toLocaleString('en')}`.padStart(16)).join('')}  ${'goal'.padEnd(18)} Uptime Kuma 2.5`;
  return [head, ...rows.map(([label, pick, goal, kuma]) => `  ${label.padEnd(28)}${figures.map((f) => col(f, pick)).join('')}  ${goal.padEnd(18)} ${kuma}`)].join('\n');
}

export async function benchMonitor(): Promise<void> {
  const { child, ports } = await startServer();
  try {
    // RSS grows with the garbage made per second, so N = 1,000 runs close to its real rate (20 s, not 60 s).
    const figures = [
      await run({ monitors: 1000, compression: 3, intervals: 3, dashboard: true }, ports),
      await run({ monitors: 10_000, compression: 4, intervals: 2, dashboard: false }, ports),
    ];
    process.stdout.write('\nbench/monitor — N HTTP monitors against a local server (fresh connection per check, SQLite WAL store)\n');
    process.stdout.write(`${table(figures)}\n`);
    process.stdout.write('  Dashboard timed at N = 1,000 with 30 days of history seeded (hourly and daily roll-ups, outages); cold caches.\n');
    process.stdout.write('  RSS is the whole process; "of which the monitor" is what it grew by once the monitor started (this run loads the sources through tsx, ~40 MB more than the built CLI).\n');
  } finally {
    child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMonitor();
