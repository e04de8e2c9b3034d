/** Every deterministic assertion type, and the one way they are evaluated and negated. */
import type { AssertionResult, AssertionSpec, AssertionType } from '../types.js';
import { degrades, noLeak, refuses, storeFacts } from './behaviour.js';
import type { AssertionContext, Outcome } from './context.js';
import { javascript } from './javascript.js';
import { isJson, jsonPath } from './json.js';
import { maxLatency } from './latency.js';
import { contains, containsAll, containsAny, equals, regex } from './text.js';
import { noToolCalls, toolArgs, toolCalled, toolNotCalled } from './tools.js';

type Evaluate = (spec: AssertionSpec, ctx: AssertionContext) => Outcome;

export const DETERMINISTIC: Record<Exclude<AssertionType, 'llm-rubric'>, Evaluate> = {
  contains: (spec, ctx) => contains(spec, ctx),
  icontains: (spec, ctx) => contains(spec, ctx, true),
  'contains-any': containsAny,
  'contains-all': containsAll,
  regex,
  equals,
  'is-json': isJson,
  'json-path': jsonPath,
  'max-latency': maxLatency,
  'tool-called': toolCalled,
  'tool-not-called': toolNotCalled,
  'tool-args': toolArgs,
  'no-tool-calls': noToolCalls,
  refuses,
  'no-leak': noLeak,
  javascript,
  'store-facts': storeFacts,
  degrades,
};

/** Evaluates one deterministic assertion; `not` inverts the verdict and the reason says what was seen. */
export function evaluateAssertion(spec: AssertionSpec, ctx: AssertionContext, turn?: number): AssertionResult {
  const run = DETERMINISTIC[spec.type as Exclude<AssertionType, 'llm-rubric'>];
  const outcome = run(spec, ctx);
  const verdict = outcome.pass === null ? 'not-checked' : outcome.pass !== spec.not ? 'pass' : 'fail';
  const result: AssertionResult = { type: spec.type, not: spec.not, verdict, reason: outcome.reason };
  if (turn !== undefined) result.turn = turn;
  return result;
}
