/** Assertions on structure: is-json (the reply parses as JSON) and json-path (over the response body). */
import { isDeepStrictEqual } from 'node:util';
import { parseJsonPath } from '../json-path.js';
import type { AssertionSpec } from '../types.js';
import { quote, type AssertionContext, type Outcome } from './context.js';

export function isJson(_spec: AssertionSpec, ctx: AssertionContext): Outcome {
  try {
    JSON.parse(ctx.reply);
    return { pass: true, reason: 'the reply is valid JSON' };
  } catch (err) {
    return { pass: false, reason: `the reply is not JSON (${(err as Error).message})` };
  }
}

/** Without `value`: the path selects something. With it: the first value selected equals it (numbers and text compare as text). */
export function jsonPath(spec: AssertionSpec, ctx: AssertionContext): Outcome {
  const path = spec.path as string;
  if (ctx.json === undefined) return { pass: false, reason: `the response body is not JSON, so ${path} selects nothing` };
  const found = parseJsonPath(path).query(ctx.json);
  if (spec.value === undefined) return { pass: found.length > 0, reason: found.length > 0 ? `${path} exists` : `${path} selects nothing` };
  if (found.length === 0) return { pass: false, reason: `${path} selects nothing` };
  const expected = typeof spec.value === 'string' ? ctx.fill(spec.value) : spec.value;
  const actual = found[0];
  const same = isDeepStrictEqual(actual, expected) || (typeof actual !== 'object' && typeof expected !== 'object' && String(actual) === String(expected));
  return { pass: same, reason: `${path} is ${quote(JSON.stringify(actual) ?? 'undefined', 60)}` };
}
