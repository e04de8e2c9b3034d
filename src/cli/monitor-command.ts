/**
 * `launch-ready monitor`: the long-running monitor (scheduler, store, alerts, dashboard) for the
 * monitors a config declares; `monitor set-password` sets the dashboard's admin password;
 * `monitor deploy --version V` records a deployment marker; `monitor token create NAME` makes an
 * API token. The subcommands write to the same --data folder, so they work beside a running monitor.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { networkFromConfig } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { systemClock } from '../monitor/clock.js';
import { reloadConfig, watchConfig } from '../monitor/config-watch.js';
import { leanRuntime } from '../monitor/lean-runtime.js';
import { MonitorService } from '../monitor/service.js';
import { SqliteStore } from '../monitor/store/sqlite-store.js';
import { Auth, PASSWORD_ENV, setPassword } from '../monitor/web/auth/auth.js';
import { weakPassword } from '../monitor/web/auth/password.js';
import { parseListen, startWebServer } from '../monitor/web/server.js';
import type { RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';

interface MonitorFlags extends NetworkFlags {
  config?: string;
  listen: string;
  data: string;
}

const DEFAULT_DATA = '.launch-ready';

function dataFile(dir: string): string {
  return join(resolve(dir), 'monitor.db');
}

function configPath(flag: string | undefined): string {
  if (flag) return flag;
  const local = resolve('launch-ready.yaml');
  if (existsSync(local)) return local;
  throw new UsageError('LR_NO_CONFIG', 'No config: run beside a launch-ready.yaml or pass --config FILE (`launch-ready init URL` writes one).');
}

function waitForSignal(): Promise<string> {
  return new Promise((resolveWait) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolveWait(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

async function monitorAction(flags: MonitorFlags, cmd: Command): Promise<number> {
  leanRuntime();
  const loaded = await loadConfig(configPath(flags.config));
  const settings = networkSettings(flags, networkFromConfig(loaded), typedSources(cmd));
  let listen: { host: string; port: number };
  try {
    listen = parseListen(flags.listen);
  } catch (err) {
    throw new UsageError('LR_BAD_LISTEN', (err as Error).message);
  }
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const service = await MonitorService.start({ loaded, settings, dataFile: dataFile(flags.data), clock: systemClock });
  let server;
  try {
    server = await startWebServer(service, listen, { secureCookies: true });
  } catch (err) {
    await service.stop();
    throw new UsageError('LR_LISTEN_FAILED', `cannot listen on ${flags.listen}: ${(err as Error).message}`);
  }
  service.dashboardFallback = `${server.url}/`;
  const password = await new Auth(service.store, service.clock).bootstrap(process.env);
  const monitors = service.engine.monitors();
  log(`monitor: ${monitors.length} monitors from ${loaded.file} (data ${service.store instanceof SqliteStore ? service.store.file : flags.data})`);
  for (const m of monitors.filter((x) => x.error)) log(`monitor "${m.spec.name}" cannot run: ${m.error}`);
  for (const p of service.channelSet.problems) log(p);
  log(`dashboard: ${server.url}/  (metrics ${server.url}/metrics, health ${server.url}/healthz)`);
  if (password === 'none') log(`no admin password yet: run \`launch-ready monitor set-password --data ${flags.data}\`, or start with ${PASSWORD_ENV} set`);
  if (password === 'from-env') log(`admin password set from ${PASSWORD_ENV}`);
  const watcher = watchConfig(service, (outcome) => log(outcome.message));
  process.on('SIGHUP', () => void reloadConfig(service).then((o) => log(o.message)));
  const signal = await waitForSignal();
  log(`${signal}: stopping`);
  watcher.close();
  await server.close();
  await service.stop();
  return 0;
}

/** A password typed without echo on a terminal, or read from stdin when piped. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolveRead, reject) => {
    let value = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolveRead(value);
        }
        if (ch === '\u0003') {
          done();
          return reject(new UsageError('LR_CANCELLED', 'cancelled'));
        }
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function setPasswordAction(flags: { data: string }): Promise<number> {
  const password = await readPassword('New admin password: ');
  const problem = weakPassword(password);
  if (problem) throw new UsageError('LR_WEAK_PASSWORD', problem);
  if (process.stdin.isTTY && (await readPassword('Again: ')) !== password) throw new UsageError('LR_PASSWORD_MISMATCH', 'the two passwords differ; nothing was changed');
  const store = new SqliteStore(dataFile(flags.data), systemClock);
  try {
    await setPassword(store, password);
  } finally {
    await store.close();
  }
  process.stderr.write(`Admin password set in ${dataFile(flags.data)}; it applies to the next login (a running monitor picks it up at once).\n`);
  return 0;
}

async function deployAction(flags: { data: string; version: string; note?: string }): Promise<number> {
  const store = new SqliteStore(dataFile(flags.data), systemClock);
  try {
    const d = await store.addDeploy({ at: Date.now(), version: flags.version, ...(flags.note ? { note: flags.note } : {}), source: 'cli' });
    process.stdout.write(`Deploy ${d.version} recorded at ${new Date(d.at).toISOString()}; the dashboard shows it on every chart.\n`);
  } finally {
    await store.close();
  }
  return 0;
}

async function tokenAction(name: string, flags: { data: string }): Promise<number> {
  const store = new SqliteStore(dataFile(flags.data), systemClock);
  try {
    const { token } = await new Auth(store, systemClock).createApiToken(name);
    process.stdout.write(`${token}\n`);
    process.stderr.write(`API token "${name}" created; it is shown once. Send it as: Authorization: Bearer <token>\n`);
  } finally {
    await store.close();
  }
  return 0;
}

export const registerMonitorCommand: RegisterCommand = (root, run) => {
  const dataOption = ['--data <dir>', 'folder of monitor.db', DEFAULT_DATA] as const;
  const monitor = addNetworkOptions(
    root
      .command('monitor')
      .description('monitor the config\'s routes, hosts and targets every minute: alerts, uptime and error budget, dashboard, status page')
      .option('-c, --config <file>', 'the config (default: ./launch-ready.yaml); edits are reloaded while running')
      .option('--listen <host:port>', 'where the dashboard and API listen', '127.0.0.1:4100')
      .option(...dataOption),
  )
    .enablePositionalOptions()
    .action(run((flags: MonitorFlags, cmd: Command) => monitorAction(flags, cmd)));
  monitor
    .command('set-password')
    .description('set the dashboard admin password (typed, or piped on stdin)')
    .option(...dataOption)
    .action(run((flags: { data: string }) => setPasswordAction(flags)));
  monitor
    .command('deploy')
    .description('record a deployment; it is marked on every latency chart')
    .requiredOption('--version <version>', 'the version deployed')
    .option('--note <text>', 'a note shown with it')
    .option(...dataOption)
    .action(run((flags: { data: string; version: string; note?: string }) => deployAction(flags)));
  monitor
    .command('token')
    .argument('<name>', 'who or what uses it, e.g. ci or prometheus')
    .description('create an API token (for the JSON API and /metrics), printed once')
    .option(...dataOption)
    .action(run((name: string, flags: { data: string }) => tokenAction(name, flags)));
};
