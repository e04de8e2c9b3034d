/** Whether a declared route answered as its config expects: reached, right status, right body. */
import { isDeepStrictEqual } from 'node:util';
import type { HttpExchange, RedirectChain } from '../core/artifacts.js';
import type { RouteSpec } from '../core/plan.js';
import { parseJsonBody, readJsonPath } from './json-path.js';

/** Why a redirect chain produced no usable response, or undefined when it did. */
export function chainFailure(chain: RedirectChain): string | undefined {
  const urls = chain.exchanges.map((e) => e.url).join(' -> ');
  const last = chain.exchanges.at(-1);
  switch (chain.outcome) {
    case 'ok':
      return last?.error ? `${last.error.code}: ${last.error.message}` : undefined;
    case 'loop':
      return `redirect loop: ${urls}`;
    case 'too-many-redirects':
      return `too many redirects (${chain.exchanges.length}): ${urls}`;
    case 'bad-location':
      return `redirect to an invalid Location ${JSON.stringify(last?.headers.location?.[0] ?? '')} at ${last?.url ?? chain.startUrl}`;
    case 'error':
      return last?.error ? `${last.error.code}: ${last.error.message} (${last.url})` : `request to ${chain.startUrl} failed`;
  }
}

function statusAccepted(spec: RouteSpec, chain: RedirectChain, final: HttpExchange): boolean {
  const status = final.status ?? 0;
  if (spec.expect.status.length === 0) return status >= 200 && status < 400;
  if (spec.expect.status.includes(status)) return true;
  // A route that expects a redirect is judged on its first answer, since the chain follows it.
  const first = chain.exchanges[0]?.status ?? 0;
  return first >= 300 && first < 400 && spec.expect.status.includes(first);
}

/** YAML gives `200` or `true` where JSON may say "200" or "true"; equal text is equal enough. */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (isDeepStrictEqual(actual, expected)) return true;
  const primitive = (v: unknown) => v !== null && ['string', 'number', 'boolean'].includes(typeof v);
  return primitive(actual) && primitive(expected) && String(actual) === String(expected);
}

function jsonFailures(expected: Record<string, unknown>, body: string): string[] {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return [`body is not JSON (starts ${JSON.stringify(body.slice(0, 60))})`];
  const failures: string[] = [];
  for (const [path, want] of Object.entries(expected)) {
    const got = readJsonPath(parsed.value, path);
    if (!got.found) failures.push(`JSON lacks ${path}`);
    else if (want !== 'exists' && !sameValue(got.value, want)) {
      failures.push(`JSON ${path} is ${JSON.stringify(got.value)?.slice(0, 80)}, expected ${JSON.stringify(want)}`);
    }
  }
  return failures;
}

/** Each way the final response misses the route's `expect`; empty when it meets it. */
export function expectationFailures(spec: RouteSpec, chain: RedirectChain, final: HttpExchange): string[] {
  const failures: string[] = [];
  if (!statusAccepted(spec, chain, final)) {
    const wanted = spec.expect.status.length > 0 ? spec.expect.status.join(' or ') : 'a 2xx or 3xx';
    failures.push(`status ${final.status} (expected ${wanted}) from ${final.url}`);
  }
  if (spec.expect.body !== undefined && !final.body.includes(spec.expect.body)) {
    const scope = final.truncated ? ` in the first ${final.body.length} characters` : '';
    failures.push(`body lacks ${JSON.stringify(spec.expect.body)}${scope}`);
  }
  if (spec.expect.json && Object.keys(spec.expect.json).length > 0) failures.push(...jsonFailures(spec.expect.json, final.body));
  return failures;
}
