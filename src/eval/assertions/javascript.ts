/**
 * javascript: an expression over the reply for the rare case the other assertions don't fit, run in
 * a fresh context with a time limit. It sees `reply`, `status`, `json`, `toolCalls`, `turns`,
 * `latencyMs` and `canary`; truthy passes. Case files are the user's own code: this is a
 * convenience, not a sandbox.
 */
import { runInNewContext } from 'node:vm';
import type { AssertionSpec } from '../types.js';
import { quote, type AssertionContext, type Outcome } from './context.js';

const TIME_LIMIT_MS = 100;

export function javascript(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const source = String(spec.value);
  const scope = structuredClone({
    reply: ctx.reply,
    status: ctx.status,
    json: ctx.json,
    toolCalls: ctx.toolCalls,
    turns: ctx.turns.map((t) => ({ prompt: t.prompt, reply: t.reply, status: t.status })),
    latencyMs: ctx.latencyMs,
    canary: ctx.canary,
  });
  try {
    const result: unknown = runInNewContext(`(${source})`, scope, { timeout: TIME_LIMIT_MS });
    return { pass: Boolean(result), reason: `${quote(source, 60)} is ${Boolean(result)}` };
  } catch (err) {
    return { pass: false, reason: `${quote(source, 60)} threw: ${(err as Error).message}` };
  }
}
