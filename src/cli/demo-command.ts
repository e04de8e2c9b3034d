import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Option } from 'commander';
import { request } from 'undici';
import { runAudit } from '../audit.js';
import { loadConfig } from '../config/load.js';
import { networkFromConfig, planFromLoaded } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { FAULTS } from '../demo/faults.js';
import { startWorkerWorld, type WorkerWorld } from '../demo/world-worker.js';
import { addOutputOptions, type RegisterCommand } from './command-kit.js';
import { networkSettings } from './network-options.js';
import { checkOutputFlags, emitReport, type OutputFlags } from './output.js';
import { stderrProgress } from './progress.js';

export interface DemoFlags extends OutputFlags {
  fixed?: boolean;
  fault?: string[];
  listFaults?: boolean;
  serve?: boolean;
  dir: string;
}

const STATE_FILE = 'demo-state.json';
/** First line of every config the demo writes: how --serve knows a file in --dir is its own. */
const MARK = '# Written by `launch-ready demo --serve`';

function listFaults(): number {
  const width = Math.max(...FAULTS.map((f) => f.name.length));
  for (const f of FAULTS) process.stdout.write(`${f.name.padEnd(width)}  ${f.description}\n${' '.repeat(width)}  trips: ${f.checks.join(', ')}\n`);
  const off = FAULTS.filter((f) => !f.enabledByDefault).map((f) => f.name);
  process.stdout.write(`\n${FAULTS.length} faults, on by default except ${off.join(', ')}; --fixed turns them all off, --fault NAME (repeatable) turns on just those.\n`);
  return 0;
}

/** Writes the world's config, CA and support files into dir; refuses to replace a config it did not write. */
async function writeWorldFiles(world: WorkerWorld, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const configPath = join(dir, 'launch-ready.yaml');
  if (existsSync(configPath) && !readFileSync(configPath, 'utf8').startsWith(MARK)) {
    throw new UsageError('LR_WOULD_OVERWRITE', `${configPath} exists and was not written by the demo; nothing was written. Use another --dir.`);
  }
  const caPath = join(dir, 'ca.pem');
  await writeFile(caPath, world.caPem);
  for (const [name, text] of Object.entries(world.supportFiles)) await writeFile(join(dir, name), text);
  await writeFile(configPath, `${MARK}; the world's ports change at every start.\n${await world.configYaml('./ca.pem')}`);
  return configPath;
}

async function auditWorld(world: WorkerWorld, dir: string, flags: DemoFlags): Promise<number> {
  const configPath = await writeWorldFiles(world, dir);
  const loaded = await loadConfig(configPath);
  const settings = networkSettings({}, networkFromConfig(loaded));
  const progress = stderrProgress({ quiet: Boolean(flags.quiet), label: 'auditing acme.test' });
  const { report } = await runAudit({ plan: planFromLoaded(loaded, new Date()), settings, target: loaded.config.canonical, progress });
  return emitReport(report, flags);
}

function waitForSignal(): Promise<void> {
  return new Promise((resolveWait) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveWait();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function serve(world: WorkerWorld, flags: DemoFlags): Promise<number> {
  const dir = resolve(flags.dir);
  const configPath = await writeWorldFiles(world, dir);
  const statePath = join(dir, STATE_FILE);
  await writeFile(statePath, JSON.stringify({ pid: process.pid, control: world.control, httpsPort: world.httpsPort, dnsServer: world.network.dnsServers[0] }, null, 2));
  const flagsLine = [
    ...world.network.dnsServers.map((d) => `--dns-server ${d}`),
    ...world.network.connectTo.map((c) => `--connect-to '${c}'`),
    `--ca ${join(dir, 'ca.pem')}`,
  ].join(' ');
  process.stdout.write(
    [
      `The demo world is running (ready in ${world.startupMs} ms; Ctrl-C stops it).`,
      `  config:   ${configPath}`,
      `  audit it: launch-ready audit --config ${configPath}`,
      `  flags:    ${flagsLine}`,
      `  curl:     curl --cacert ${join(dir, 'ca.pem')} --connect-to www.acme.test:443:127.0.0.1:${world.httpsPort} https://www.acme.test/api/version`,
      `  faults:   launch-ready demo fault NAME on|off --dir ${flags.dir}   (or curl -X POST ${world.control}/faults/NAME/off)`,
      '',
    ].join('\n'),
  );
  try {
    // A crashed world ends the command rather than leaving a process that serves nothing.
    await Promise.race([waitForSignal(), world.ended]);
  } finally {
    await rm(statePath, { force: true });
  }
  return 0;
}

/** `launch-ready demo`: start the offline world, audit it (or keep it running with --serve). */
export async function demoAction(flags: DemoFlags): Promise<number> {
  if (flags.listFaults) return listFaults();
  checkOutputFlags(flags);
  const faults: Record<string, boolean> = {};
  for (const name of flags.fault ?? []) faults[name] = true;
  // The world runs on its own thread so the audit's CPU work cannot slow its answers (world-worker.ts).
  const world = await startWorkerWorld({ fixed: Boolean(flags.fixed || flags.fault?.length), faults, control: Boolean(flags.serve) });
  try {
    if (flags.serve) return await serve(world, flags);
    const dir = await mkdtemp(join(tmpdir(), 'launch-ready-demo-'));
    try {
      return await auditWorld(world, dir, flags);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await world.close();
  }
}

/** `launch-ready demo fault NAME on|off --dir DIR`: switch a fault in the world `demo --serve` runs. */
export async function demoFaultAction(name: string, state: string, flags: { dir: string }): Promise<number> {
  if (state !== 'on' && state !== 'off') throw new UsageError('LR_BAD_FAULT_STATE', `"${state}": say on or off, e.g. launch-ready demo fault ${name} off`);
  const statePath = join(resolve(flags.dir), STATE_FILE);
  let control: string;
  try {
    control = (JSON.parse(await readFile(statePath, 'utf8')) as { control: string }).control;
  } catch {
    throw new UsageError('LR_NO_DEMO', `No running demo world in ${flags.dir} (${statePath} not found). Start one with: launch-ready demo --serve --dir ${flags.dir}`);
  }
  let res;
  try {
    res = await request(`${control}/faults/${encodeURIComponent(name)}/${state}`, { method: 'POST', headersTimeout: 5000, bodyTimeout: 5000 });
  } catch (err) {
    throw new UsageError('LR_NO_DEMO', `The demo world in ${flags.dir} does not answer (${(err as Error).message}); is \`launch-ready demo --serve\` still running?`);
  }
  const body = (await res.body.json()) as { error?: string };
  if (res.statusCode !== 200) throw new UsageError('LR_UNKNOWN_FAULT', body.error ?? `the demo world refused: HTTP ${res.statusCode}`);
  process.stdout.write(`${name} is now ${state}\n`);
  return 0;
}

export const registerDemoCommand: RegisterCommand = (root, run) => {
  const demo = addOutputOptions(
    root
      .command('demo')
      .description('start the offline demo shop (DNS, HTTPS, chatbot) on loopback and audit it')
      .option('--fixed', 'the same world with every fault fixed')
      .addOption(new Option('--fault <name>', 'switch one fault on (repeatable); with --fixed, only these faults').argParser((v: string, p: string[] = []) => [...p, v]))
      .option('--list-faults', 'list the named faults and the checks each one trips')
      .option('--serve', 'keep the world running and write its config, CA and flags to --dir')
      .option('--dir <dir>', 'folder for --serve files', 'launch-ready-demo'),
  )
    // Options after `fault` belong to it (both take --dir).
    .enablePositionalOptions()
    .action(run((flags: DemoFlags) => demoAction(flags)));
  demo
    .command('fault')
    .argument('<name>', 'fault name (see --list-faults)')
    .argument('<state>', 'on or off')
    .option('--dir <dir>', 'the folder of the running world (demo --serve --dir)', 'launch-ready-demo')
    .description('switch a fault of a running demo world on or off')
    .action(run((name: string, state: string, flags: { dir: string }) => demoFaultAction(name, state, flags)));
};
