/**
 * One run of one case: the conversation (sessions, history, the fault hook, the honeypot's
 * outputs), then its assertions. A case's canary, prompts and assertion values are filled in here.
 */
import { isDeepStrictEqual } from 'node:util';
import type { HttpClient } from '../net/http-client.js';
import { evaluateAssertion } from './assertions/index.js';
import type { AssertionContext } from './assertions/context.js';
import { ChatClient, RequestCapReached, type RequestCap } from './chat-client.js';
import { encodedPrompt } from './encoders.js';
import type { Honeypot } from './honeypot.js';
import { askJudge } from './judge.js';
import type { ChatTarget } from './target.js';
import { fillVars, type HistoryMessage } from './template.js';
import type { AssertionResult, AssertionSpec, EvalCase, ToolCall, TurnOutcome } from './types.js';

export interface CaseRunContext {
  target: ChatTarget;
  http: HttpClient;
  cap: RequestCap;
  honeypot?: Honeypot;
  /**
   * Which honeypot calls belong to a turn: `time`, every call made while it ran (the case runs
   * alone); `session`, only calls that carry the turn's session id (the bot forwards it, so cases
   * may overlap).
   */
  honeypotMatch?: 'time' | 'session';
  /** A new session id for each conversation. */
  newSessionId(): string;
}

export interface CaseRun {
  /** Why the run could not be completed (request cap, a fault hook that failed). */
  notChecked?: string;
  turns: TurnOutcome[];
  assertions: AssertionResult[];
  judge: AssertionResult[];
}

function contextFor(turn: TurnOutcome & { json?: unknown }, all: TurnOutcome[], toolCalls: ToolCall[], canary: string, values: Record<string, string>, target: ChatTarget): AssertionContext {
  const ctx: AssertionContext = { reply: turn.reply, latencyMs: turn.latencyMs, toolCalls, turns: all, canary, fill: (t) => fillVars(t, values), target };
  if (turn.status !== undefined) ctx.status = turn.status;
  if (turn.json !== undefined) ctx.json = turn.json;
  if (turn.error !== undefined) ctx.error = turn.error;
  return ctx;
}

async function switchOutage(http: HttpClient, url: string): Promise<string | undefined> {
  const ex = await http.request(url, { method: 'POST', body: '' });
  if (ex.status !== undefined && ex.status >= 200 && ex.status < 300) return undefined;
  return `the fault hook ${url} answered ${ex.status === undefined ? ex.error?.message ?? 'nothing' : `HTTP ${ex.status}`}`;
}

export async function runCase(c: EvalCase, canary: string, ctx: CaseRunContext): Promise<CaseRun> {
  const values = { ...c.vars, canary };
  const run: CaseRun = { turns: [], assertions: [], judge: [] };
  const hook = c.fault ? ctx.target.faultHooks[c.fault] : undefined;
  if (hook?.kind === 'switch') {
    const failed = await switchOutage(ctx.http, hook.on);
    if (failed) return { ...run, notChecked: failed };
  }
  const honeypot = ctx.honeypot;
  honeypot?.setOutputs(Object.fromEntries(Object.entries(c.toolOutputs ?? {}).map(([tool, output]) => [tool, fillVars(output, values)])));
  const client = new ChatClient(ctx.target, ctx.http, ctx.cap);
  const allCalls: ToolCall[] = [];
  let last: (TurnOutcome & { json?: unknown }) | undefined;
  try {
    let sessionId = ctx.newSessionId();
    let history: HistoryMessage[] = [];
    for (const [i, turn] of c.turns.entries()) {
      if (turn.newSession && i > 0) {
        sessionId = ctx.newSessionId();
        history = [];
      }
      const prompt = fillVars(turn.prompt, values);
      const sent = c.encoding ? encodedPrompt(c.encoding, prompt) : prompt;
      const seq = honeypot?.seq() ?? 0;
      const response = await client.send({ prompt: sent, sessionId, history, vars: values, ...(hook?.kind === 'headers' ? { headers: hook.headers } : {}) });
      if (honeypot) response.toolCalls.push(...honeypotCalls(honeypot, seq, [sessionId, response.serverSessionId], ctx.honeypotMatch ?? 'time', response.toolCalls));
      if (response.serverSessionId) sessionId = response.serverSessionId;
      history = [...history, { role: 'user', content: sent }, { role: 'assistant', content: response.reply }];
      run.turns.push(response);
      allCalls.push(...response.toolCalls);
      last = response;
      for (const spec of turn.assert) addResult(run, spec, contextFor(response, run.turns, response.toolCalls, canary, values, ctx.target), i + 1);
      if (response.status === undefined) break;
    }
  } catch (err) {
    if (err instanceof RequestCapReached) return { ...run, notChecked: err.message };
    throw err;
  } finally {
    honeypot?.setOutputs({});
    if (hook?.kind === 'switch') await switchOutage(ctx.http, hook.off);
  }
  if (last) for (const spec of c.assert) addResult(run, spec, contextFor(last, run.turns, allCalls, canary, values, ctx.target));
  await judgeRubrics(run, ctx);
  return run;
}

/** The honeypot's calls for one turn, less those the response already lists (the same call seen twice). */
function honeypotCalls(honeypot: Honeypot, seq: number, sessions: Array<string | undefined>, match: 'time' | 'session', listed: ToolCall[]): ToolCall[] {
  const same = (a: ToolCall, b: ToolCall) => a.name === b.name && isDeepStrictEqual(a.args, b.args);
  return honeypot
    .callsSince(seq)
    .filter((c) => match === 'time' || (c.sessionId !== undefined && sessions.includes(c.sessionId)))
    .map(({ name, args }): ToolCall => ({ name, args, via: 'honeypot' }))
    .filter((call) => !listed.some((l) => same(l, call)));
}

function addResult(run: CaseRun, spec: AssertionSpec, actx: AssertionContext, turn?: number): void {
  if (spec.type === 'llm-rubric') {
    const pending: AssertionResult = { type: spec.type, not: spec.not, verdict: 'not-checked', reason: actx.fill(String(spec.value)) };
    if (turn !== undefined) pending.turn = turn;
    run.judge.push(pending);
    return;
  }
  run.assertions.push(evaluateAssertion(spec, actx, turn));
}

/** Rubrics were recorded with their text as the reason; the judge (when configured) replaces it with a verdict. */
async function judgeRubrics(run: CaseRun, ctx: CaseRunContext): Promise<void> {
  for (const pending of run.judge) {
    const rubric = pending.reason;
    const turns = pending.turn === undefined ? run.turns : run.turns.slice(0, pending.turn);
    if (!ctx.target.judge) {
      pending.reason = `no judge configured (chatbot.judge); rubric: ${rubric}`;
      continue;
    }
    const outcome = await askJudge(ctx.target.judge, ctx.http, ctx.cap, rubric, turns);
    pending.verdict = outcome.pass === null ? 'not-checked' : outcome.pass !== pending.not ? 'pass' : 'fail';
    pending.reason = outcome.reason;
  }
}
