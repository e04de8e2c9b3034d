/**
 * The steps of `launch-ready ci`. Each runs only when the pipeline gives it what it needs and this
 * launch-ready has the command behind it; otherwise it is skipped with one line saying what is
 * missing, so a pipeline never passes by silently doing nothing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { runAudit } from '../audit.js';
import { checks } from '../checks/index.js';
import { discover, planFromDiscovery } from '../collect/discover.js';
import type { Progress } from '../collect/context.js';
import type { LoadedConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { severityAtLeast, type Severity } from '../core/finding.js';
import { DnsClient } from '../net/dns-client.js';
import type { NetworkSettings } from '../net/settings.js';
import { mdCode, mdText } from '../report/markdown-escape.js';
import { toSarif } from '../report/sarif.js';
import { writeReportDir } from '../report/write.js';
import type { SarifLog } from './sarif-merge.js';
import { skipped, type StepResult } from './step.js';
import { findCommand, markdownFormat, optionOf, runSubcommand, type SubcommandRun } from './subcommand.js';

export interface CiContext {
  root: Command;
  loaded?: LoadedConfig;
  configPath?: string;
  url?: string;
  /** The git ref the change is compared with (the PR's base). */
  base?: string;
  latencyBaseline?: string;
  failOn: Severity;
  sarif?: string;
  out?: string;
  settings: NetworkSettings;
  /** Network flags the user typed, passed on to the commands run as child processes. */
  networkArgs: string[];
  progress: Progress;
  timeoutMs: number;
}

export const DEFAULT_LATENCY_BASELINE = '.launch-ready/latency-baseline.json';

/** A child command's result: exit 0 passes, 1 fails, anything else could not run. */
function fromRun(name: string, run: SubcommandRun, pass: string, fail: string): StepResult {
  const output = run.stdout.trim();
  const details = output ? (/^(#|\||- |\*\*)/m.test(output) ? output : `\`\`\`text\n${output.slice(-4000)}\n\`\`\``) : undefined;
  if (run.code === 0) return { name, status: 'pass', summary: pass, ...(details ? { details } : {}) };
  if (run.code === 1) return { name, status: 'fail', summary: fail, ...(details ? { details } : {}) };
  const why = run.stderr.trim().split('\n').at(-1) ?? '';
  return { name, status: 'error', summary: `could not run (exit ${run.code})${why ? `: ${why.replace(/^launch-ready: /, '')}` : ''}` };
}

/** The typed network flags, for a command that takes them. */
function networkArgsFor(cmd: Command, ctx: CiContext): string[] {
  return optionOf(cmd, '--dns-server') ? ctx.networkArgs : [];
}

/** The SARIF a command wrote into its report folder, when it did. */
async function readSarif(dir: string): Promise<SarifLog | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'report.sarif'), 'utf8')) as SarifLog;
  } catch {
    return undefined;
  }
}

export async function secretScanStep(ctx: CiContext): Promise<StepResult> {
  const name = 'Secret scan';
  const cmd = findCommand(ctx.root, 'secrets');
  if (!cmd) return skipped(name, 'not available: this launch-ready has no `secrets` command');
  const args = ['secrets', ...markdownFormat(cmd), ...networkArgsFor(cmd, ctx)];
  if (ctx.configPath && optionOf(cmd, '--config')) args.push('--config', ctx.configPath);
  // Only the change when the command can narrow to it; the whole tree otherwise.
  const narrow = ['--since', '--diff', '--base'].find((flag) => optionOf(cmd, flag));
  if (ctx.base && narrow) args.push(narrow, ctx.base);
  // Its report files carry the SARIF merged into --sarif: into --out when given, else a scratch folder.
  const canWrite = Boolean(optionOf(cmd, '--out'));
  const scratch = canWrite && ctx.sarif && !ctx.out ? await mkdtemp(join(tmpdir(), 'launch-ready-ci-')) : undefined;
  const reports = ctx.out && canWrite ? join(ctx.out, 'secrets') : scratch;
  if (reports) args.push('--out', reports);
  const scope = ctx.base && narrow ? `changes since ${ctx.base}` : 'the repository';
  try {
    const result = fromRun(name, await runSubcommand(args, { timeoutMs: ctx.timeoutMs }), `no secret found in ${scope}`, `secrets found in ${scope}`);
    const sarif = ctx.sarif && reports && result.status !== 'error' ? await readSarif(reports) : undefined;
    return sarif ? { ...result, sarif } : result;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

export async function auditStep(ctx: CiContext): Promise<StepResult> {
  if (!ctx.url) return skipped('Audit', 'not configured: give --url with the preview or staging URL');
  const name = `Audit of ${ctx.url}`;
  try {
    const found = await discover(ctx.url, new DnsClient(ctx.settings));
    const { report } = await runAudit({ plan: planFromDiscovery(found, new Date()), settings: ctx.settings, target: found.canonicalUrl, progress: ctx.progress });
    if (ctx.out) await writeReportDir(report, join(ctx.out, 'audit'), checks);
    const blocking = report.findings.filter((f) => severityAtLeast(f.severity, ctx.failOn));
    const lines = blocking.slice(0, 15).map((f) => `- **${f.severity}** ${mdCode(f.id)} on ${mdText(f.target)}: ${mdText(f.title)}`);
    if (blocking.length > lines.length) lines.push(`- … and ${blocking.length - lines.length} more (see the SARIF or report files)`);
    return {
      name,
      status: blocking.length > 0 ? 'fail' : 'pass',
      summary: `${report.headline} (${blocking.length} at or above ${ctx.failOn})`,
      ...(lines.length > 0 ? { details: lines.join('\n') } : {}),
      ...(ctx.sarif ? { sarif: toSarif(report, checks) as SarifLog } : {}),
    };
  } catch (err) {
    if (err instanceof UsageError) return { name, status: 'error', summary: err.message };
    throw err;
  }
}

export async function latencyStep(ctx: CiContext): Promise<StepResult> {
  const name = 'Latency against the baseline';
  const cmd = findCommand(ctx.root, 'bench');
  if (!cmd) return skipped(name, 'not available: this launch-ready has no `bench` command');
  if (!ctx.loaded?.config.latency || !ctx.configPath) return skipped(name, 'not configured: no `latency` section in the config');
  const baseline = ctx.latencyBaseline ?? (existsSync(DEFAULT_LATENCY_BASELINE) ? DEFAULT_LATENCY_BASELINE : undefined);
  if (!baseline) return skipped(name, `not configured: no baseline (save one with \`launch-ready bench --save-baseline ${DEFAULT_LATENCY_BASELINE}\`)`);
  const args = ['bench', '--config', ctx.configPath, '--baseline', baseline, ...markdownFormat(cmd), '-q', ...networkArgsFor(cmd, ctx)];
  return fromRun(name, await runSubcommand(args, { timeoutMs: ctx.timeoutMs }), `within budget and baseline (${baseline})`, `over budget or slower than ${baseline}`);
}

export async function evalStep(ctx: CiContext): Promise<StepResult> {
  const name = 'Chatbot eval packs';
  const cmd = findCommand(ctx.root, 'eval');
  if (!cmd) return skipped(name, 'not available: this launch-ready has no `eval` command');
  if (!ctx.loaded?.config.chatbot || !ctx.configPath) return skipped(name, 'not configured: no `chatbot` section in the config');
  const args = ['eval', '--config', ctx.configPath, ...markdownFormat(cmd), ...networkArgsFor(cmd, ctx)];
  return fromRun(name, await runSubcommand(args, { timeoutMs: ctx.timeoutMs }), 'every gating case passed', 'gating cases failed');
}
