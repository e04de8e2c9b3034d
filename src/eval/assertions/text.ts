/** Assertions on the reply text: contains, icontains, contains-any, contains-all, regex, equals. */
import type { AssertionSpec } from '../types.js';
import { quote, type AssertionContext, type Outcome } from './context.js';

function includes(haystack: string, needle: string, ignoreCase: boolean): boolean {
  return ignoreCase ? haystack.toLowerCase().includes(needle.toLowerCase()) : haystack.includes(needle);
}

export function contains(spec: AssertionSpec, ctx: AssertionContext, ignoreCase = spec.ignoreCase ?? false): Outcome {
  const needle = ctx.fill(String(spec.value));
  const found = includes(ctx.reply, needle, ignoreCase);
  return { pass: found, reason: `the reply ${found ? 'contains' : 'does not contain'} ${quote(needle)}` };
}

export function containsAny(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const needles = (spec.value as string[]).map(ctx.fill);
  const hit = needles.find((n) => includes(ctx.reply, n, spec.ignoreCase ?? false));
  return hit !== undefined
    ? { pass: true, reason: `the reply contains ${quote(hit)}` }
    : { pass: false, reason: `the reply contains none of ${needles.map((n) => quote(n, 30)).join(', ')}` };
}

export function containsAll(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const needles = (spec.value as string[]).map(ctx.fill);
  const missing = needles.filter((n) => !includes(ctx.reply, n, spec.ignoreCase ?? false));
  return missing.length === 0
    ? { pass: true, reason: `the reply contains all of ${needles.map((n) => quote(n, 30)).join(', ')}` }
    : { pass: false, reason: `the reply lacks ${missing.map((n) => quote(n, 30)).join(', ')}` };
}

export function regex(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const pattern = new RegExp(ctx.fill(String(spec.value)), spec.flags);
  const m = pattern.exec(ctx.reply);
  return m ? { pass: true, reason: `the reply matches /${pattern.source}/ at ${quote(m[0], 40)}` } : { pass: false, reason: `the reply does not match /${pattern.source}/` };
}

/** Exact equality after trimming surrounding white space. */
export function equals(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const expected = ctx.fill(String(spec.value)).trim();
  const same = ctx.reply.trim() === expected;
  return { pass: same, reason: same ? `the reply is ${quote(expected)}` : `the reply is ${quote(ctx.reply)}, not ${quote(expected)}` };
}
