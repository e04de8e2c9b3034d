import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConditionError } from '../../src/monitor/conditions/error.js';
import { evaluate, type ValueLookup } from '../../src/monitor/conditions/evaluate.js';
import { parseCondition } from '../../src/monitor/conditions/parse.js';

/** Values of one HTTP check, as the lookup of the http probe gives them. */
function httpCheck(values: { status?: number; body?: string; latency?: number; p95?: number; headers?: Record<string, string> }): ValueLookup {
  return (root, segments) => {
    if (root === 'json') {
      let v: unknown = JSON.parse(values.body ?? 'null');
      for (const s of segments) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(s)] : undefined;
      return v;
    }
    if (root === 'header') return values.headers?.[String(segments[0])];
    return (values as Record<string, unknown>)[root];
  };
}

const run = (text: string, values: Parameters<typeof httpCheck>[0]) => evaluate(parseCondition(text, 'http'), httpCheck(values));

describe('condition language: evaluation', () => {
  const healthy = { status: 200, body: '{"status":"ok","order":{"id":1001,"items":[{"sku":"A-1"}]}}', latency: 120, p95: 900, headers: { 'content-type': 'application/json' } };

  const cases: Array<[string, boolean]> = [
    ['status == 200', true],
    ['status != 200', false],
    ['status == 200 && body contains "ok" && p95 < 2000ms', true],
    ['p95 < 2s', true],
    ['p95 < 0.5s', false],
    ['latency <= 120', true],
    ['status in [200, 204]', true],
    ['status in [301, 302]', false],
    ['json.status == "ok"', true],
    ['$.order.id == "1001"', true],
    ['json.order.id == 1001', true],
    ['json.order.items[0].sku == "A-1"', true],
    ['json.order.items.0.sku == "A-1"', true],
    ['json.order.id exists', true],
    ['json.refund exists', false],
    ['json.refund != "x"', true],
    ['body not contains "error"', true],
    ['!(body contains "ok")', false],
    ['body matches "order.{4}id"', true],
    ['header.content-type contains "json"', true],
    ['header["content-type"] == "application/json"', true],
    ['status == 500 || latency < 1s', true],
    ['(status == 500 || status == 502) && latency < 1s', false],
    ['status == 200 && !(latency > 100)', false],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${expected}`, () => assert.equal(run(text, healthy).ok, expected));
  }

  it('explains each failing test with the value seen', () => {
    const verdict = run('status == 200 && body contains "ok"', { status: 502, body: 'Bad gateway', latency: 3 });
    assert.deepEqual(verdict, { ok: false, failed: ['status == 200 (status: 502)'] });
    const both = run('status == 200 || body contains "ok"', { status: 502, body: 'Bad gateway' });
    assert.deepEqual(both.failed, ['status == 200 (status: 502)', 'body contains "ok" (body: "Bad gateway")']);
  });

  it('treats values the check lacks as missing: every test fails but != and not contains', () => {
    const refused = { latency: 2 };
    assert.deepEqual(run('status == 200', refused), { ok: false, failed: ['status == 200 (status: missing)'] });
    assert.equal(run('status != 200', refused).ok, true);
    assert.equal(run('body not contains "x"', refused).ok, true);
    assert.equal(run('status < 500', refused).ok, false);
  });

  it('cuts long values in the explanation', () => {
    const verdict = run('body contains "ok"', { body: 'x'.repeat(500) });
    assert.ok(verdict.failed[0].length < 130, verdict.failed[0]);
    assert.match(verdict.failed[0], /…\)$/);
  });
});

describe('condition language: parse errors point at the problem', () => {
  const errors: Array<[string, RegExp]> = [
    ['', /empty/],
    ['stauts == 200', /column 1 .*unknown name "stauts"; did you mean "status"\?/],
    ['status == 200 && body contians "ok"', /column 23 .*did you mean "contains"\?/],
    ['status = 200', /column 8 .*compare with ==/],
    ['status == 200 and body contains "ok"', /column 15 .*did you mean "&&"\?/],
    ['status == ', /at the end.*expected a value/],
    ['(status == 200', /expected a closing "\)"/],
    ['body contains "ok', /unterminated text/],
    ['p95 < 2sec', /"2sec" is not a number/],
    ['body matches "("', /invalid regular expression/],
    ['status in 200', /expected a list after "in"/],
    ['200 == 200', /both sides are constants/],
    ['200', /a constant alone is not a test/],
    ['json', /"json" needs a field/],
    ['status.code == 1', /"status" has no fields/],
    ['connected', /unknown name "connected"/],
    ['status 200', /expected an operator such as == before "200"/],
  ];
  for (const [text, pattern] of errors) {
    it(JSON.stringify(text), () => {
      assert.throws(
        () => parseCondition(text, 'http'),
        (err: unknown) => err instanceof ConditionError && pattern.test(err.message),
      );
    });
  }

  it('checks names against the monitor kind', () => {
    assert.doesNotThrow(() => parseCondition('cert.daysLeft > 14 && cert.valid', 'tls'));
    assert.throws(() => parseCondition('cert.daysleft > 14', 'tls'), /did you mean "cert.daysLeft"\?/);
    assert.doesNotThrow(() => parseCondition('connected && latency < 500ms', 'tcp'));
    assert.throws(() => parseCondition('status == 200', 'tcp'), /unknown name "status"/);
  });
});
