/**
 * Runs cases against the bot: concurrently (4 at a time by default), each case's repeats one after
 * another (a repeat must not race its own planted data), under one request cap. Cases that switch a
 * global outage on run alone afterwards, so nothing they see belongs to another case. With a
 * honeypot, the cases that plant tool output run alone first; when every call they cause carries a
 * session id (the bot forwards it), the honeypot's calls are matched to cases by session and the
 * rest run concurrently, else every case runs alone.
 */
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import type { HttpClient } from '../net/http-client.js';
import { canaryFor, newCanarySeed } from './canary.js';
import { RequestCap } from './chat-client.js';
import { startHoneypot, type Honeypot } from './honeypot.js';
import { redactKeys } from './leaks.js';
import { runCase, type CaseRun, type CaseRunContext } from './run-case.js';
import { buildReport } from './summary.js';
import type { ChatTarget } from './target.js';
import { fillVars } from './template.js';
import type { CaseResult, EvalCase, EvalReport, TurnRecord } from './types.js';

export const DEFAULT_CONCURRENCY = 4;
const EXCERPT = 300;

export interface EvalOptions {
  target: ChatTarget;
  http: HttpClient;
  concurrency?: number;
  repeat?: number;
  /** Overrides chatbot.maxRequests. */
  maxRequests?: number;
  /** Fixes the canaries (tests, reproducing a run); random per run by default. */
  seed?: string;
  /** An already running honeypot (tests); otherwise one is started when the target configures it. */
  honeypot?: Honeypot;
  packs: string[];
  onCaseDone?(done: number, total: number, result: CaseResult): void;
}

function whyNotRunnable(c: EvalCase, target: ChatTarget, honeypot: Honeypot | undefined): string | undefined {
  if (c.fault && !target.faultHooks[c.fault]) {
    const key = c.fault === 'model-provider-down' ? 'modelProviderDown' : 'databaseDown';
    return `no fault hook to make ${c.fault.replace(/-/g, ' ')} (chatbot.faultHooks.${key})`;
  }
  if (c.toolOutputs && !honeypot) return 'the case plants tool output through the honeypot, and none is configured (chatbot.honeypot)';
  return undefined;
}

function excerpt(text: string): string {
  const clean = redactKeys(text);
  return clean.length > EXCERPT ? `${clean.slice(0, EXCERPT - 1)}…` : clean;
}

function turnRecords(c: EvalCase, run: CaseRun | undefined): TurnRecord[] {
  return c.turns.map((turn, i) => {
    const outcome = run?.turns[i];
    // The prompt as written, vars filled in but the canary left as {{canary}}: it changes every run.
    const record: TurnRecord = { prompt: fillVars(turn.prompt, c.vars), reply: excerpt(outcome?.reply ?? ''), tools: outcome?.toolCalls.map((t) => t.name) ?? [], latencyMs: Math.round(outcome?.latencyMs ?? 0) };
    if (outcome?.status !== undefined) record.status = outcome.status;
    if (outcome?.error !== undefined) record.error = outcome.error;
    return record;
  });
}

function runFailed(run: CaseRun): boolean {
  return run.assertions.some((a) => a.verdict === 'fail');
}

function summarise(c: EvalCase, runs: CaseRun[], notRunnable?: string): CaseResult {
  const base = { id: c.id, pack: c.pack, mode: c.mode, ...(c.description ? { description: c.description } : {}), ...(c.encoding ? { encoding: c.encoding } : {}), ...(c.file ? { file: c.file, line: c.line } : {}) };
  const done = runs.filter((r) => r.notChecked === undefined);
  const checked = done.filter((r) => r.assertions.some((a) => a.verdict !== 'not-checked'));
  const why = notRunnable ?? runs.find((r) => r.notChecked)?.notChecked ?? (done.length > 0 && checked.length === 0 ? done[0].assertions[0]?.reason ?? 'the case has no deterministic assertion' : undefined);
  if (checked.length === 0) {
    return { ...base, status: 'not-checked', reason: why ?? 'not run', runs: 0, passes: 0, passRate: 0, turns: turnRecords(c, runs[0]), assertions: runs[0]?.assertions ?? [], judge: runs[0]?.judge ?? [] };
  }
  const failed = checked.filter(runFailed);
  const shown = failed[0] ?? checked[0];
  const passes = checked.length - failed.length;
  const status = failed.length === 0 ? 'pass' : passes === 0 ? 'fail' : 'flaky';
  const firstFailure = shown.assertions.find((a) => a.verdict === 'fail');
  const reason = firstFailure ? `${firstFailure.turn ? `turn ${firstFailure.turn}: ` : ''}${firstFailure.not ? 'not ' : ''}${firstFailure.type}: ${firstFailure.reason}` : 'every assertion passed';
  return { ...base, status, reason, runs: checked.length, passes, passRate: passes / checked.length, turns: turnRecords(c, shown), assertions: shown.assertions, judge: shown.judge };
}

export async function runEval(cases: readonly EvalCase[], options: EvalOptions): Promise<EvalReport> {
  const started = performance.now();
  const { target } = options;
  const seed = options.seed ?? newCanarySeed();
  const cap = new RequestCap(options.maxRequests ?? target.maxRequests);
  const repeat = Math.max(1, options.repeat ?? 1);
  const ownHoneypot = !options.honeypot && target.honeypot ? await startHoneypot(target.honeypot) : undefined;
  const honeypot = options.honeypot ?? ownHoneypot;
  // Session ids are unique per run and per conversation, and never appear in results.
  const tag = randomBytes(4).toString('hex');
  let sessions = 0;
  const ctx: CaseRunContext = { target, http: options.http, cap, honeypot, honeypotMatch: 'time', newSessionId: () => `lr-${tag}-${++sessions}` };
  const results: CaseResult[] = new Array(cases.length);
  let done = 0;

  const runOne = async (c: EvalCase, index: number) => {
    const notRunnable = whyNotRunnable(c, target, honeypot);
    const runs: CaseRun[] = [];
    if (!notRunnable) {
      for (let r = 0; r < repeat; r++) {
        const run = await runCase(c, canaryFor(seed, `${c.pack}/${c.id}#${r}`), ctx);
        runs.push(run);
        if (run.notChecked) break;
      }
    }
    results[index] = summarise(c, runs, notRunnable);
    options.onCaseDone?.(++done, cases.length, results[index]);
  };

  try {
    const planted = (c: EvalCase) => honeypot !== undefined && c.toolOutputs !== undefined;
    const firstSeq = honeypot?.seq() ?? 0;
    for (const [i, c] of cases.entries()) if (planted(c)) await runOne(c, i);
    const probe = honeypot?.callsSince(firstSeq) ?? [];
    if (probe.length > 0 && probe.every((call) => call.sessionId !== undefined)) ctx.honeypotMatch = 'session';
    const alone = (c: EvalCase) => (honeypot !== undefined && ctx.honeypotMatch === 'time') || (c.fault !== undefined && target.faultHooks[c.fault]?.kind === 'switch');
    const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
    const rest = [...cases.keys()].filter((i) => !planted(cases[i]));
    // Outage cases first: a bot that waits out a dead provider then overlaps with the rest of the run.
    const order = [...rest].sort((a, b) => Number(cases[b].fault !== undefined) - Number(cases[a].fault !== undefined));
    await Promise.all(order.map((i) => (alone(cases[i]) ? undefined : limit(() => runOne(cases[i], i)))));
    for (const i of rest) if (alone(cases[i])) await runOne(cases[i], i);
  } finally {
    await ownHoneypot?.close();
  }
  return buildReport({ endpoint: target.endpoint, packs: options.packs, cases: results, requests: cap.count, durationMs: Math.round(performance.now() - started) });
}
