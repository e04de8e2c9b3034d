import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from '../../src/config/schema.js';
import { AUDIT_TARGET_MS, DEFAULT_HANG_BUDGET_MS, performancePlanFromConfig } from '../../src/latency/audit/plan.js';

const base = {
  product: 'Acme',
  domain: 'acme.test',
  canonical: 'https://www.acme.test/',
  routes: [
    { name: 'order', url: 'https://api.acme.test/api/orders/1001', kind: 'api' },
    { name: 'chat', url: 'https://api.acme.test/api/chat', method: 'POST', kind: 'chat', body: '{"message":"{{prompt}}"}' },
  ],
};

describe('performancePlanFromConfig', () => {
  it('benches only budgeted targets, for at most the audit’s slice of time', () => {
    const plan = performancePlanFromConfig(
      configSchema.parse({ ...base, latency: { targets: [{ route: 'order', duration: '60s', budget: { p95: '500ms' } }, { route: 'chat' }, { url: 'https://api.acme.test/api/search', budget: { p99: '1s' } }] } }),
      {},
    );
    assert.deepEqual(
      plan.targets.map((t) => [t.name, t.durationMs]),
      [
        ['order', AUDIT_TARGET_MS],
        ['https://api.acme.test/api/search', AUDIT_TARGET_MS],
      ],
    );
    assert.deepEqual(
      plan.reads.map((r) => r.name),
      ['order', 'https://api.acme.test/api/search'],
      'GET api routes, then GET api targets',
    );
    assert.equal(plan.skipped.latency, undefined);
  });

  it('says why each part cannot run', () => {
    const plan = performancePlanFromConfig(configSchema.parse({ ...base, routes: [] }), {});
    assert.deepEqual(Object.keys(plan.skipped).sort(), ['hangProbes', 'historyGrowth', 'latency', 'readRepeats']);
    const noSession = performancePlanFromConfig(configSchema.parse(base), {});
    assert.match(noSession.skipped.historyGrowth ?? '', /sends no session id/);
  });

  it('takes the chatbot section’s request, session id path and prompts for the conversation', () => {
    const plan = performancePlanFromConfig(
      configSchema.parse({
        ...base,
        chatbot: { endpoint: 'https://api.acme.test/api/chat', headers: { authorization: 'Bearer ${TOKEN}' }, sessionId: '$.session' },
        latency: { targets: [{ route: 'order' }], history: { url: 'https://api.acme.test/api/chat/history?session={{sessionId}}', turns: [50, 1, 10], factor: 4 } },
      }),
      { TOKEN: 't0k' },
    );
    assert.equal(plan.history?.chat.headers.authorization, 'Bearer t0k');
    assert.equal(plan.history?.chat.sessionIdPath, '$.session');
    assert.deepEqual([plan.history?.turns, plan.history?.factor], [[1, 10, 50], 4]);
    assert.equal(plan.history?.historyUrl, 'https://api.acme.test/api/chat/history?session={{sessionId}}');
  });

  it('gives the hang probe the hook’s time, else the chat’s largest latency budget, else 10 s', () => {
    const hook = { headers: { 'x-fault': 'model-hang' } };
    const chatTarget = { route: 'chat', budget: { p95: '2s', p99: '5s', errorRate: '50%' } };
    const from = (latency: object) => performancePlanFromConfig(configSchema.parse({ ...base, latency }), {}).hang?.withinMs;
    assert.equal(from({ targets: [chatTarget], hangHook: { ...hook, within: '3s' } }), 3000);
    assert.equal(from({ targets: [chatTarget], hangHook: hook }), 5000);
    assert.equal(from({ targets: [{ route: 'order' }], hangHook: hook }), DEFAULT_HANG_BUDGET_MS);
  });
});
