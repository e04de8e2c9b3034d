/**
 * `launch-ready ci`: one command for a push or pull-request pipeline — the secret scan of the change,
 * the audit of the preview or staging URL, the latency baseline and the chatbot eval packs when
 * configured — with one exit code and a Markdown summary appended to `$GITHUB_STEP_SUMMARY`.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { networkFromConfig } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { isSeverity, type Severity } from '../core/finding.js';
import { mergeSarif } from '../ci/sarif-merge.js';
import { combinedExitCode, type StepResult } from '../ci/step.js';
import { auditStep, DEFAULT_LATENCY_BASELINE, evalStep, latencyStep, secretScanStep, type CiContext } from '../ci/steps.js';
import { renderSummaryMarkdown, renderSummaryText } from '../ci/summary.js';
import { parseDuration } from '../net/settings.js';
import type { RegisterCommand, Run } from './command-kit.js';
import { COMMANDS } from './commands.js';
import { optionalConfig } from './deploy-command.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { stderrProgress } from './progress.js';

interface CiFlags extends NetworkFlags {
  config?: string;
  url?: string;
  base?: string;
  latencyBaseline?: string;
  failOn: string;
  sarif?: string;
  out?: string;
  format: 'terminal' | 'md';
  stepTimeout: string;
  quiet?: boolean;
}

/** The base of the change: the flag, else what the CI says the pull/merge request targets. */
export function changeBase(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag) return flag;
  if (env.GITHUB_BASE_REF) return `origin/${env.GITHUB_BASE_REF}`;
  return env.CI_MERGE_REQUEST_DIFF_BASE_SHA || undefined;
}

/** The network flags as typed, for the commands `ci` runs as child processes. */
function typedNetworkArgs(flags: NetworkFlags, cmd: Command): string[] {
  const args = [...(flags.dnsServer ?? []).flatMap((d) => ['--dns-server', d]), ...(flags.connectTo ?? []).flatMap((c) => ['--connect-to', c])];
  if (flags.ca) args.push('--ca', resolve(flags.ca));
  if (cmd.getOptionValueSource('timeout') === 'cli' && flags.timeout) args.push('--timeout', flags.timeout);
  return args;
}

/** The commands `ci` drives as child processes. */
const DRIVEN = ['secrets', 'bench', 'eval'];

/**
 * A program holding the commands `ci` drives, for their options: the CLI registers only the command
 * it runs (src/cli/commands.ts), so the root `ci` is attached to does not have them.
 */
async function drivenCommands(): Promise<Command> {
  const program = new Command('launch-ready');
  const never: Run = () => async () => undefined;
  for (const [name, load] of COMMANDS) if (DRIVEN.includes(name)) (await load())(program, never);
  return program;
}

async function ciAction(flags: CiFlags, cmd: Command): Promise<number> {
  if (!isSeverity(flags.failOn)) throw new UsageError('LR_BAD_FAIL_ON', `--fail-on "${flags.failOn}": expected one of critical, high, medium, low, info.`);
  const loaded = await optionalConfig(flags.config);
  const base = changeBase(flags.base);
  if (flags.out) await mkdir(resolve(flags.out), { recursive: true });
  const ctx: CiContext = {
    root: await drivenCommands(),
    ...(loaded ? { loaded, configPath: loaded.file } : {}),
    ...(flags.url ? { url: flags.url } : {}),
    ...(base ? { base } : {}),
    ...(flags.latencyBaseline ? { latencyBaseline: resolve(flags.latencyBaseline) } : {}),
    failOn: flags.failOn as Severity,
    ...(flags.sarif ? { sarif: resolve(flags.sarif) } : {}),
    ...(flags.out ? { out: resolve(flags.out) } : {}),
    settings: networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, typedSources(cmd)),
    networkArgs: typedNetworkArgs(flags, cmd),
    progress: stderrProgress({ quiet: Boolean(flags.quiet), label: 'ci' }),
    timeoutMs: parseDuration(flags.stepTimeout, '--step-timeout'),
  };
  const steps: StepResult[] = [];
  // One after another: each step may load the machine (benchmarks most of all).
  for (const step of [secretScanStep, auditStep, latencyStep, evalStep]) steps.push(await step(ctx));
  const sarif = ctx.sarif ? mergeSarif(steps.flatMap((s) => s.sarif ?? [])) : undefined;
  if (ctx.sarif && sarif) await writeFile(ctx.sarif, `${JSON.stringify(sarif, null, 2)}\n`);
  const markdown = renderSummaryMarkdown(steps);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await appendFile(summaryFile, markdown);
  process.stdout.write(flags.format === 'md' ? markdown : renderSummaryText(steps));
  return combinedExitCode(steps);
}

export const registerCiCommand: RegisterCommand = (root, run) => {
  addNetworkOptions(
    root
      .command('ci')
      .description('for a push/PR pipeline: secret scan of the change, audit of --url, latency baseline and eval packs when configured; one exit code')
      .option('-c, --config <file>', 'the config (default: ./launch-ready.yaml when present)')
      .option('--url <url>', 'the preview or staging deployment to audit')
      .option('--base <ref>', 'git ref the change is compared with (default: the pull request base from GITHUB_BASE_REF / CI_MERGE_REQUEST_DIFF_BASE_SHA)')
      .option('--latency-baseline <file>', `saved \`bench\` run to compare with (default: ${DEFAULT_LATENCY_BASELINE} when present)`)
      .addOption(new Option('--fail-on <severity>', 'audit findings at or above this severity fail the run').choices(['critical', 'high', 'medium', 'low', 'info']).default('high'))
      .option('--sarif <file>', 'write the audit\'s and the secret scan\'s findings as one SARIF 2.1.0 file for code scanning (github/codeql-action/upload-sarif)')
      .option('--out <dir>', 'write every step\'s report files into this folder')
      .addOption(new Option('--format <format>', 'the summary on stdout').choices(['terminal', 'md']).default('terminal'))
      .option('--step-timeout <duration>', 'longest a step run as a child command may take', '15m')
      .option('-q, --quiet', 'no progress on stderr'),
  ).action(run((flags: CiFlags, cmd: Command) => ciAction(flags, cmd)));
};
