/**
 * `launch-ready deploy verify | log | diff`: verify a deployment (smoke tests, the expected version
 * on every address, edge facts unchanged from the last good deploy), record it in the deploy log,
 * list the log, and compare two recorded deploys.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { networkFromConfig, planFromLoaded } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { isSeverity, type Severity } from '../core/finding.js';
import type { AuditPlan } from '../core/plan.js';
import { chatSmokeSpec } from '../deploy/chat-smoke.js';
import { diffDeploys } from '../deploy/diff.js';
import { DEFAULT_LOG, findRecord, readLog } from '../deploy/log.js';
import { DEFAULT_MONITOR_DATA, markInMonitor, monitorStoreFile } from '../deploy/monitor-marker.js';
import { renderDiff, renderLog, renderVerify, type DeployFormat } from '../deploy/render.js';
import { deployTarget } from '../deploy/target.js';
import { verifyDeploy } from '../deploy/verify.js';
import { deployActor, gitHead } from '../deploy/who.js';
import type { RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { stderrProgress } from './progress.js';

interface VerifyFlags extends NetworkFlags {
  config?: string;
  env?: string;
  baseUrl?: string;
  expectVersion?: string;
  git: boolean;
  log: string;
  record: boolean;
  monitorData?: string;
  acceptChanges?: boolean;
  failOnNew: string;
  format: DeployFormat;
  quiet?: boolean;
}

interface LogFlags {
  log: string;
  env?: string;
  format: DeployFormat;
}

/** `--config FILE`, else ./launch-ready.yaml when present, else none. */
export async function optionalConfig(file: string | undefined): Promise<LoadedConfig | undefined> {
  if (file) return loadConfig(file);
  const fallback = resolve('launch-ready.yaml');
  return existsSync(fallback) ? loadConfig(fallback) : undefined;
}

/** Without a config, `--base-url` alone: its home page is the one smoke test, its version endpoint is discovered. */
function planForBaseUrl(baseUrl: string, now: Date): AuditPlan {
  const host = new URL(baseUrl).hostname;
  return {
    product: host,
    domain: host,
    canonicalUrl: baseUrl,
    hosts: [{ name: host, declared: true }],
    environments: [],
    routes: [{ name: 'home', url: baseUrl, method: 'GET', headers: {}, kind: 'page', expect: { status: [] } }],
    healthUrls: [],
    now: now.toISOString(),
  };
}

function checkBaseUrl(value: string | undefined): void {
  if (value === undefined) return;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError('LR_BAD_BASE_URL', `--base-url "${value}": expected an absolute http(s) URL such as https://preview-42.acme.test/.`);
}

async function verifyAction(flags: VerifyFlags, cmd: Command): Promise<number> {
  checkBaseUrl(flags.baseUrl);
  if (!isSeverity(flags.failOnNew)) throw new UsageError('LR_BAD_FAIL_ON', `--fail-on-new "${flags.failOnNew}": expected one of critical, high, medium, low, info.`);
  const loaded = await optionalConfig(flags.config);
  if (!loaded && !flags.baseUrl) {
    throw new UsageError('LR_NO_TARGET', 'Nothing to verify: give --base-url URL, or a config (--config launch-ready.yaml; `launch-ready init URL` writes one).');
  }
  const now = new Date();
  const plan = loaded ? planFromLoaded(loaded, now) : planForBaseUrl(flags.baseUrl as string, now);
  const chatbot = loaded?.config.chatbot;
  const target = deployTarget(plan, { env: flags.env, baseUrl: flags.baseUrl, ...(chatbot ? { chat: chatSmokeSpec(chatbot) } : {}) });
  const settings = networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, typedSources(cmd));
  const head = flags.expectVersion === undefined && flags.git ? await gitHead(process.cwd()) : undefined;
  const expected = flags.expectVersion !== undefined ? { value: flags.expectVersion, from: 'flag' as const } : head ? { value: head, from: 'git' as const } : undefined;
  const { record, saved } = await verifyDeploy({
    plan,
    target,
    settings,
    progress: stderrProgress({ quiet: Boolean(flags.quiet), label: `verifying ${target.environment}` }),
    ...(expected ? { expected } : {}),
    who: await deployActor(process.cwd()),
    logFile: resolve(flags.log),
    record: flags.record,
    acceptChanges: Boolean(flags.acceptChanges),
    failOnNew: flags.failOnNew as Severity,
    now,
  });
  process.stdout.write(renderVerify(record, saved, flags.format));
  const monitorFile = saved ? monitorStoreFile(flags.monitorData) : undefined;
  if (monitorFile) {
    // The deploy log already holds the record: a store that cannot be written costs only the chart marker.
    try {
      await markInMonitor(monitorFile, record);
      if (!flags.quiet) process.stderr.write(`Deploy #${record.id} marked on the monitor's charts (${monitorFile}).\n`);
    } catch (err) {
      process.stderr.write(`launch-ready: deploy #${record.id} is in the deploy log but not in the monitor store ${monitorFile}: ${(err as Error).message}\n`);
    }
  }
  return record.result === 'pass' ? 0 : 1;
}

async function logAction(flags: LogFlags): Promise<number> {
  const records = (await readLog(resolve(flags.log))).filter((r) => !flags.env || r.environment === flags.env);
  process.stdout.write(renderLog(records, flags.format));
  return 0;
}

async function diffAction(a: string, b: string, flags: LogFlags): Promise<number> {
  const records = await readLog(resolve(flags.log));
  process.stdout.write(renderDiff(diffDeploys(findRecord(records, a), findRecord(records, b)), flags.format));
  return 0;
}

const formatOption = () => new Option('--format <format>', 'output on stdout').choices(['terminal', 'md', 'json']).default('terminal');
const logOption = () => new Option('--log <file>', 'the deploy log').default(DEFAULT_LOG);

export const registerDeployCommand: RegisterCommand = (root, run) => {
  const deploy = root.command('deploy').description('verify a deployment, keep a log of deploys, compare two of them');
  addNetworkOptions(
    deploy
      .command('verify')
      .description('smoke-test a deployment, check every address runs the expected version and the edge is unchanged; record it in the deploy log')
      .option('-c, --config <file>', 'config declaring the routes, health endpoints and environments (default: ./launch-ready.yaml when present)')
      .option('--env <name>', 'environment to verify (default: the production one)')
      .option('--base-url <url>', 'verify the deployment at this URL instead (a preview): every route is re-pointed at it')
      .option('--expect-version <version>', 'the version or commit every address must report (default: the git HEAD of this repo)')
      .option('--no-git', 'do not expect the git HEAD: without --expect-version, the version most addresses run is taken as the deploy')
      .addOption(logOption())
      .option('--no-record', 'verify only; do not append to the deploy log (nor to the monitor store)')
      .option('--monitor-data <dir>', `also mark the deploy in the monitor store of this folder (default: ${DEFAULT_MONITOR_DATA} when it holds a monitor.db)`)
      .option('--accept-changes', 'take changed TLS/redirect/edge facts as the new baseline instead of failing')
      .addOption(new Option('--fail-on-new <severity>', 'fail on a finding new since the previous deploy at or above this severity').default('high'))
      .addOption(formatOption())
      .option('-q, --quiet', 'no progress on stderr'),
  ).action(run((flags: VerifyFlags, cmd: Command) => verifyAction(flags, cmd)));
  deploy
    .command('log')
    .description('list the recorded deploys, oldest first')
    .addOption(logOption())
    .option('--env <name>', 'only this environment')
    .addOption(formatOption())
    .action(run((flags: LogFlags) => logAction(flags)));
  deploy
    .command('diff')
    .argument('<a>', 'a deploy: its number, last, or last~N')
    .argument('<b>', 'the later deploy')
    .description('what changed between two recorded deploys: version, failures, findings, edge facts, latency')
    .addOption(logOption())
    .addOption(formatOption())
    .action(run((a: string, b: string, flags: LogFlags) => diffAction(a, b, flags)));
};
