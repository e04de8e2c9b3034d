/** max-latency: the reply came within a budget (the case's value, else chatbot.latencyBudget). */
import type { AssertionSpec } from '../types.js';
import type { AssertionContext, Outcome } from './context.js';

export function budgetMs(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(value.trim());
    if (m) return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  }
  return fallback;
}

export function maxLatency(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const limit = budgetMs(spec.value, ctx.target.latencyBudgetMs);
  const ms = Math.round(ctx.latencyMs);
  if (ctx.error && /timeout/.test(ctx.error)) return { pass: false, reason: `no reply: ${ctx.error} after ${ms} ms (budget ${limit} ms)` };
  // A passing reason leaves the time out, so two runs of a healthy bot report the same text.
  return ms <= limit ? { pass: true, reason: `the reply came within the ${limit} ms budget` } : { pass: false, reason: `the reply took ${ms} ms, over the ${limit} ms budget` };
}
