import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from '../../src/config/schema.js';
import { UsageError } from '../../src/core/errors.js';
import { describePlan } from '../../src/latency/describe.js';
import { benchRequest, CHAT_REQUEST_CAP, loadModel, targetFromUrl, targetKind, targetsFromConfig } from '../../src/latency/targets.js';
import { formatThreshold, parseThreshold } from '../../src/latency/thresholds.js';

const config = configSchema.parse({
  product: 'Acme',
  domain: 'acme.test',
  canonical: 'https://www.acme.test/',
  routes: [
    { name: 'chat', url: 'https://api.acme.test/api/chat', method: 'POST', kind: 'chat', headers: { authorization: 'Bearer ${CHAT_TOKEN}' }, body: '{"message":"{{prompt}}"}' },
    { name: 'order', url: 'https://api.acme.test/api/orders/1001', kind: 'api' },
  ],
  latency: {
    targets: [
      { route: 'chat', prompts: ['Where is my order?', 'Do you ship to "France"?'], budget: { p95: '2000ms', errorRate: '1%' } },
      { route: 'order', rate: 20, duration: '10s', budget: { p95: '500ms' } },
      { name: 'search', url: 'https://api.acme.test/api/search?q=shirt', connections: 8, maxRequests: 1000 },
    ],
  },
});

describe('bench targets from the config', () => {
  const env = { CHAT_TOKEN: 'tok' };

  it('takes the route’s request and kind, and the chat cap', () => {
    const [chat, order, search] = targetsFromConfig(config, { thresholds: [] }, env);
    assert.deepEqual([chat.name, chat.method, chat.kind, chat.requestCap], ['chat', 'POST', 'chat', CHAT_REQUEST_CAP]);
    assert.equal(chat.headers.authorization, 'Bearer tok', 'env references are expanded');
    assert.deepEqual(chat.model, { kind: 'open', ratePerSecond: 2, connections: null });
    assert.deepEqual(chat.thresholds.map(formatThreshold), ['p95 < 2000ms', 'errorRate < 1%']);
    assert.deepEqual([order.kind, order.requestCap, order.durationMs], ['api', null, 10_000]);
    assert.deepEqual(order.model, { kind: 'open', ratePerSecond: 20, connections: null });
    assert.deepEqual(search.model, { kind: 'closed', connections: 8 });
    assert.equal(search.requestCap, 1000);
  });

  it('lets command-line flags override every target', () => {
    const targets = targetsFromConfig(config, { rate: 5, durationMs: 3000, maxRequests: 10, thresholds: [parseThreshold('p95 < 100ms')] }, env);
    for (const t of targets) {
      assert.deepEqual([t.model.kind, t.durationMs, t.requestCap], ['open', 3000, 10]);
      assert.ok(t.thresholds.some((x) => formatThreshold(x) === 'p95 < 100ms'));
    }
    assert.deepEqual(targets[0].thresholds.map(formatThreshold), ['p95 < 100ms', 'errorRate < 1%']);
  });

  it('fails naming the variable when a header refers to an unset one', () => {
    assert.throws(() => targetsFromConfig(config, { thresholds: [] }, {}), (err: unknown) => err instanceof UsageError && err.message.includes('CHAT_TOKEN'));
  });

  it('renders a body per request, rotating the prompts', () => {
    const [chat] = targetsFromConfig(config, { thresholds: [] }, env);
    const request = benchRequest(chat, 'launch-ready/test', 'run1');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request.body(0)!), { message: 'Where is my order?' });
    assert.deepEqual(JSON.parse(request.body(1)!), { message: 'Do you ship to "France"?' });
    assert.deepEqual(JSON.parse(request.body(2)!), { message: 'Where is my order?' });
  });

  it('shows the request count and the cost cap before the run', () => {
    const [chat, order] = targetsFromConfig(config, { thresholds: [] }, env);
    assert.match(describePlan(chat), /chat: POST https:\/\/api\.acme\.test\/api\/chat — open model, 2\.0\/s for 30\.0 s — 60 requests \(cap 200: chat endpoint/);
    assert.match(describePlan(order), /200 requests, no request cap$/);
  });
});

describe('bench targets from a URL', () => {
  it('guesses a chat endpoint from its path, so the cost cap applies', () => {
    assert.equal(targetKind('https://api.acme.test/v1/chat/completions', undefined, []), 'chat');
    assert.equal(targetKind('https://api.acme.test/api/messages', undefined, []), 'chat');
    assert.equal(targetKind('https://api.acme.test/api/orders/1', undefined, []), 'api');
    assert.equal(targetKind('https://api.acme.test/api/orders/1', undefined, ['hi']), 'chat');
    assert.equal(targetKind('https://api.acme.test/chat', 'page', []), 'page', 'a declared kind wins');
    assert.equal(targetFromUrl('https://acme.test/api/chat', { thresholds: [] }).requestCap, CHAT_REQUEST_CAP);
    assert.equal(targetFromUrl('https://acme.test/api/chat', { thresholds: [], maxRequests: 5000 }).requestCap, 5000);
  });

  it('uses the open model unless only connections are given', () => {
    assert.deepEqual(loadModel('api', undefined, undefined), { kind: 'open', ratePerSecond: 10, connections: null });
    assert.deepEqual(loadModel('api', 50, 4), { kind: 'open', ratePerSecond: 50, connections: 4 });
    assert.deepEqual(loadModel('api', undefined, 50), { kind: 'closed', connections: 50 });
  });
});
