/**
 * `launch-ready bench [URL]`: measures the latency of key endpoints against budgets and, with
 * --baseline, against an earlier run. Exit 1 on a failed budget or a regression, each named with
 * its threshold, value and budget; 2 on a usage error; 130 when interrupted.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { networkFromConfig } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { parseBaseline, parseTolerance, toBaseline, type Baseline } from '../latency/baseline.js';
import { runBench } from '../latency/bench.js';
import { describePlan } from '../latency/describe.js';
import { stderrProgressLine } from '../latency/progress-line.js';
import { renderBenchMarkdown } from '../latency/render-markdown.js';
import { renderBenchTerminal } from '../latency/render-terminal.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, targetFromUrl, targetsFromConfig, type BenchOverrides, type BenchTarget } from '../latency/targets.js';
import { parseThreshold, type Threshold } from '../latency/thresholds.js';
import { DnsClient } from '../net/dns-client.js';
import { parseDuration, type NetworkSettings } from '../net/settings.js';
import type { RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';

export interface BenchFlags extends NetworkFlags {
  config?: string;
  rate?: string;
  connections?: string;
  duration?: string;
  p95?: string;
  p99?: string;
  errorRate?: string;
  budget?: string[];
  maxRequests?: string;
  saveBaseline?: string;
  baseline?: string;
  tolerance?: string;
  format?: string;
  quiet?: boolean;
}

function positiveNumber(value: string, flag: string, integer: boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError('LR_BAD_NUMBER', `${flag} "${value}": expected ${integer ? 'a whole number' : 'a number'} above zero.`);
  }
  return n;
}

export function benchOverrides(flags: BenchFlags): BenchOverrides {
  const thresholds: Threshold[] = [
    ...(flags.budget ?? []).map(parseThreshold),
    ...(flags.p95 !== undefined ? [parseThreshold(`p95 < ${flags.p95}`)] : []),
    ...(flags.p99 !== undefined ? [parseThreshold(`p99 < ${flags.p99}`)] : []),
    ...(flags.errorRate !== undefined ? [parseThreshold(`errorRate < ${flags.errorRate}`)] : []),
  ];
  const o: BenchOverrides = { thresholds };
  if (flags.rate !== undefined) o.rate = positiveNumber(flags.rate, '--rate', false);
  if (flags.connections !== undefined) o.connections = positiveNumber(flags.connections, '--connections', true);
  if (flags.duration !== undefined) o.durationMs = parseDuration(flags.duration, '--duration');
  if (flags.maxRequests !== undefined) o.maxRequests = positiveNumber(flags.maxRequests, '--max-requests', true);
  return o;
}

async function readBaseline(file: string): Promise<Baseline> {
  try {
    return parseBaseline(await readFile(file, 'utf8'), file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError('LR_BASELINE_UNREADABLE', `--baseline ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

/** Targets and network settings: from the URL, or from the config's `latency` section. */
async function planBench(url: string | undefined, flags: BenchFlags, cmd: Command): Promise<{ targets: BenchTarget[]; settings: NetworkSettings; timeoutMs: number }> {
  const sources = typedSources(cmd);
  // The network timeout applies when the user set one (flag or config); otherwise the bench's longer default.
  const timeoutOf = (settings: NetworkSettings, fromConfig: boolean) => (sources.timeoutFromFlag || fromConfig ? settings.timeoutMs : DEFAULT_REQUEST_TIMEOUT_MS);
  const overrides = benchOverrides(flags);
  if (flags.config && url) throw new UsageError('LR_URL_AND_CONFIG', 'Give either a URL or --config, not both: the config already names the targets.');
  const defaultConfig = resolve('launch-ready.yaml');
  const configPath = flags.config ?? (url === undefined && existsSync(defaultConfig) ? defaultConfig : undefined);
  if (url !== undefined) {
    try {
      new URL(url);
    } catch {
      throw new UsageError('LR_BAD_URL', `"${url}" is not a URL; give an absolute one such as https://api.example.com/api/orders/1.`);
    }
    const settings = networkSettings(flags, undefined, sources);
    return { targets: [targetFromUrl(url, overrides)], settings, timeoutMs: timeoutOf(settings, false) };
  }
  if (!configPath) {
    throw new UsageError('LR_NO_TARGET', 'Nothing to bench: give a URL (launch-ready bench https://api.example.com/health --rate 20) or a config with latency.targets (--config launch-ready.yaml).');
  }
  const loaded = await loadConfig(configPath);
  const targets = targetsFromConfig(loaded.config, overrides);
  if (targets.length === 0) throw new UsageError('LR_NO_TARGET', `${loaded.file} declares no latency.targets; add some (see docs/config.md) or give a URL.`);
  const network = networkFromConfig(loaded);
  const settings = networkSettings(flags, network, sources);
  return { targets, settings, timeoutMs: timeoutOf(settings, network.timeoutMs !== undefined) };
}

function useColor(stdout: BenchIo['stdout']): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stdout.isTTY);
}

/** Where the command writes: the process's streams, or a test's. */
export interface BenchIo {
  stdout: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'>;
}

const processIo: BenchIo = { stdout: process.stdout, stderr: process.stderr };

export async function benchAction(url: string | undefined, flags: BenchFlags, cmd: Command, io: BenchIo = processIo): Promise<number> {
  const { targets, settings, timeoutMs } = await planBench(url, flags, cmd);
  if (flags.tolerance !== undefined && !flags.baseline) throw new UsageError('LR_TOLERANCE_WITHOUT_BASELINE', '--tolerance applies to the comparison with --baseline FILE; give both.');
  const tolerance = flags.tolerance !== undefined ? parseTolerance(flags.tolerance) : undefined;
  const baseline = flags.baseline ? { file: flags.baseline, data: await readBaseline(flags.baseline), ...(tolerance ? { tolerance } : {}) } : undefined;
  for (const t of targets) io.stderr.write(`${describePlan(t)}\n`);

  const progress = stderrProgressLine(Boolean(flags.quiet), io.stderr);
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  let report;
  try {
    report = await runBench({
      targets,
      baseline,
      env: { dns: new DnsClient(settings), settings, timeoutMs, runId: randomBytes(4).toString('hex'), signal: interrupt.signal, onProgress: (s) => progress.update(s) },
      onTargetStart: () => progress.clear(),
    });
  } finally {
    progress.clear();
    process.off('SIGINT', onSigint);
  }

  if (flags.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (flags.format === 'md') io.stdout.write(renderBenchMarkdown(report));
  else io.stdout.write(renderBenchTerminal(report, { color: useColor(io.stdout) }));
  if (flags.saveBaseline) {
    await writeFile(flags.saveBaseline, `${JSON.stringify(toBaseline(report.targets, new Date()), null, 2)}\n`);
    if (!flags.quiet) io.stderr.write(`saved the baseline to ${flags.saveBaseline}\n`);
  }
  if (report.failures.length > 0) return 1;
  return interrupt.signal.aborted ? 130 : 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The `bench` command writing to `io` (tests pass their own). */
export const benchCommandWith =
  (io: BenchIo): RegisterCommand =>
  (root, run) => {
  addNetworkOptions(
    root
      .command('bench')
      .argument('[url]', 'endpoint to measure; without it, the targets of the config’s latency section')
      .description('measure endpoint latency (open model, no coordinated omission) against budgets and a baseline')
      .option('-c, --config <file>', 'bench the latency targets of this config (default: ./launch-ready.yaml when present)')
      .option('--rate <n>', 'open model: requests per second, sent on schedule whatever the server does')
      .option('--connections <n>', 'closed model (without --rate): this many virtual users; with --rate: at most this many connections')
      .option('--duration <duration>', 'how long each target runs (default 30s)')
      .option('--p95 <duration>', 'budget: fail when p95 is not below this, e.g. 500ms')
      .option('--p99 <duration>', 'budget: fail when p99 is not below this')
      .option('--error-rate <percent>', 'budget: fail when the error rate is not below this, e.g. 1%')
      .addOption(new Option('--budget <expr>', 'budget expression, e.g. "p90 < 300ms" (repeatable)').argParser(collect))
      .option('--max-requests <n>', `hard cap on requests per target (default: none, 200 for chat endpoints)`)
      .option('--save-baseline <file>', 'save this run’s figures to compare later runs with')
      .option('--baseline <file>', 'fail when p95 is more than 20 % and 50 ms worse than in this saved run')
      .option('--tolerance <tolerance>', 'with --baseline: how much worse p95 may get, percentage and margin (default 20%,50ms)')
      .addOption(new Option('--format <format>', 'output on stdout').choices(['terminal', 'json', 'md']).default('terminal'))
      .option('-q, --quiet', 'no live progress line'),
  ).action(run((url: string | undefined, flags: BenchFlags, cmd: Command) => benchAction(url, flags, cmd, io)));
  };

export const registerBenchCommand: RegisterCommand = benchCommandWith(processIo);
