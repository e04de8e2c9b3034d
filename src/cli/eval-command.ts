/**
 * `launch-ready eval`: runs the built-in packs and/or your YAML cases against the chatbot the config
 * describes, prints a per-case table with the reason and the reply excerpt, scores per failure
 * mode, and exits 1 when a case of a gating pack fails (`--fail-on`), 2 on a usage error.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { networkFromConfig } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { loadCaseFile } from '../eval/case-file.js';
import { expandGlob } from '../eval/glob.js';
import { loadPacks, PACKS, parsePackList } from '../eval/packs.js';
import { EVAL_FILE_NAMES, EVAL_FORMATS, renderEval, type EvalFormat } from '../eval/render/index.js';
import { DEFAULT_CONCURRENCY, runEval } from '../eval/run-eval.js';
import { gateFails } from '../eval/summary.js';
import { chatTargetFromConfig } from '../eval/target.js';
import type { EvalCase } from '../eval/types.js';
import { DnsClient } from '../net/dns-client.js';
import { HttpClient } from '../net/http-client.js';
import type { RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { stderrProgress } from './progress.js';

export interface EvalFlags extends NetworkFlags {
  config?: string;
  pack?: string;
  cases?: string[];
  format?: string;
  out?: string;
  failOn?: string;
  repeat?: string;
  maxRequests?: string;
  seed?: string;
  quiet?: boolean;
}

/** A chat request may take far longer than a page: the eval's own default when neither flag nor config sets one. */
const EVAL_TIMEOUT_MS = 30_000;

function wholeNumber(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError('LR_BAD_NUMBER', `${flag} "${value}": expected a whole number from 1 to ${max}.`);
  return n;
}

function failOnPacks(value: string | undefined): string[] | 'all' {
  if (value === undefined || value === 'all') return 'all';
  if (value === 'none') return [];
  return value.split(',').map((p) => p.trim()).filter(Boolean);
}

function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/** Cases from --pack and --cases; with neither, evals/*.yaml next to the config, else every built-in pack. */
async function selectCases(flags: EvalFlags, configDir: string): Promise<{ cases: EvalCase[]; packs: string[] }> {
  const packs = flags.pack !== undefined ? parsePackList(flags.pack) : [];
  const globs = flags.cases ?? [];
  if (packs.length === 0 && globs.length === 0) {
    const own = await expandGlob('evals/*.yaml', configDir);
    if (own.length > 0) globs.push(...own);
    else packs.push(...PACKS);
  }
  const cases = await loadPacks(packs);
  const files = (await Promise.all(globs.map((g) => expandGlob(g)))).flat();
  if (globs.length > 0 && files.length === 0) throw new UsageError('LR_NO_CASES', `--cases ${globs.join(' ')}: no file matches.`);
  for (const file of files) cases.push(...(await loadCaseFile(file)));
  if (cases.length === 0) throw new UsageError('LR_NO_CASES', 'No cases to run: the selected files hold none.');
  return { cases, packs: [...packs, ...new Set(cases.filter((c) => !(PACKS as readonly string[]).includes(c.pack)).map((c) => c.pack))] };
}

export async function evalAction(flags: EvalFlags, cmd: Command): Promise<number> {
  const format = (flags.format ?? 'terminal') as EvalFormat;
  if (!EVAL_FORMATS.includes(format)) throw new UsageError('LR_BAD_FORMAT', `--format "${flags.format}": expected one of ${EVAL_FORMATS.join(', ')}.`);
  const repeat = flags.repeat === undefined ? 1 : wholeNumber(flags.repeat, '--repeat', 100);
  const maxRequests = flags.maxRequests === undefined ? undefined : wholeNumber(flags.maxRequests, '--max-requests', 1_000_000);
  const configPath = flags.config ?? resolve('launch-ready.yaml');
  if (!flags.config && !existsSync(configPath)) {
    throw new UsageError('LR_NO_TARGET', 'Nothing to evaluate: no launch-ready.yaml here. Pass --config with a chatbot section (see docs/eval.md).');
  }
  const loaded = await loadConfig(configPath);
  const target = await chatTargetFromConfig(loaded);
  const { cases, packs } = await selectCases(flags, loaded.dir);
  const sources = typedSources(cmd);
  const settings = networkSettings(flags, networkFromConfig(loaded), sources);
  if (!sources.timeoutFromFlag && loaded.config.network?.timeoutMs === undefined) settings.timeoutMs = EVAL_TIMEOUT_MS;
  const http = new HttpClient(settings, new DnsClient(settings));
  const progress = stderrProgress({ quiet: Boolean(flags.quiet), label: 'eval' });
  let report;
  try {
    report = await runEval(cases, {
      target,
      http,
      packs,
      repeat,
      concurrency: sources.concurrencyFromFlag ? settings.concurrency : DEFAULT_CONCURRENCY,
      ...(maxRequests !== undefined ? { maxRequests } : {}),
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      onCaseDone: (done, total, result) => progress.step(`${done}/${total}`, `${result.pack}/${result.id}`),
    });
  } finally {
    progress.done();
    await http.close();
  }
  const terminal = { color: format === 'terminal' && useColor(), width: process.stdout.columns || 120 };
  process.stdout.write(renderEval(report, format, terminal));
  if (flags.out) {
    const dir = resolve(flags.out);
    await mkdir(dir, { recursive: true });
    for (const [f, name] of Object.entries(EVAL_FILE_NAMES)) await writeFile(join(dir, name), renderEval(report, f as EvalFormat, terminal));
    if (!flags.quiet) process.stderr.write(`wrote ${Object.values(EVAL_FILE_NAMES).join(', ')} to ${dir}\n`);
  }
  return gateFails(report, failOnPacks(flags.failOn)) ? 1 : 0;
}

export const registerEvalCommand: RegisterCommand = (root, run) => {
  addNetworkOptions(
    root
      .command('eval')
      .description('red-team and evaluate the shop chatbot: wrong answers, prompt injection, tool misuse, silent failure — graded without an LLM')
      .option('-c, --config <file>', 'the config with a chatbot section (default: ./launch-ready.yaml)')
      .option('--pack <list>', `built-in packs, comma-separated: ${PACKS.join(',')}`)
      .addOption(new Option('--cases <glob>', 'YAML case files, e.g. "evals/*.yaml" (repeatable)').argParser((v: string, p: string[] = []) => [...p, v]))
      .addOption(new Option('--format <format>', 'output on stdout').choices([...EVAL_FORMATS]).default('terminal'))
      .option('--out <dir>', 'also write eval.json, eval.md and eval.junit.xml to this folder')
      .option('--fail-on <packs>', 'packs whose failures exit 1: all, none, or a comma-separated list', 'all')
      .option('--repeat <n>', 'run each case n times and report its pass rate (flaky answers)')
      .option('--max-requests <n>', 'hard cap on requests sent (default: chatbot.maxRequests, else 1000)')
      .option('--seed <text>', "fix this run's canaries (to reproduce a run)")
      .option('-q, --quiet', 'no progress on stderr'),
  ).action(run((flags: EvalFlags, cmd: Command) => evalAction(flags, cmd)));
};
