/** The shop's latency faults, on the app in process: what each does on, and what the fixed shop does instead. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { FaultState } from '../../src/demo/faults.js';
import { HISTORY_MS_PER_TURN, MODEL_HANG, MODEL_TIMEOUT_MS, RECOMMENDATION, SAVE_TURN_MS, SCAN_MS_PER_ORDER, STALL_MS } from '../../src/demo/latency-faults.js';
import { OrderStore } from '../../src/demo/orders.js';
import { createShop } from '../../src/demo/shop.js';
import { configYaml } from '../../src/demo/world-config.js';

const API = { host: 'api.acme.test' };
const ORDER = '/api/orders/1001?email=ada%40example.com';
const SCAN_MS = new OrderStore().count() * SCAN_MS_PER_ORDER;

function shop(faults: Record<string, boolean> = {}) {
  return createShop({
    deployment: { version: '9.9.9', commit: 'abc123', environment: 'production', builtAt: '2026-01-01T00:00:00Z' },
    faults: new FaultState({ fixed: true, faults }),
    orders: new OrderStore(),
    apiOrigin: 'https://api.acme.test',
    allowedOrigins: ['https://www.acme.test'],
    webhookSecret: 'secret',
  });
}

type Shop = ReturnType<typeof shop>;

/** A component's duration from the Server-Timing header (`db;dur=12.34`). */
function spent(res: Response, name: string): number {
  return Number(new RegExp(`(?:^|, )${name};dur=([\\d.]+)`).exec(res.headers.get('server-timing') ?? '')?.[1] ?? 0);
}

async function chat(app: Shop, body: Record<string, unknown>, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return app.request('/api/chat', { method: 'POST', headers: { ...API, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
}

/** Resolves with `value` after `ms`: the side of a race that says "not answered yet". */
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('orders-slow', () => {
  it('scans the order table for every lookup, queues lookups beyond two connections, and allows no reuse', async () => {
    const app = shop({ 'orders-slow': true });
    const replies = await Promise.all([1, 2, 3].map(() => app.request(ORDER, { headers: API })));
    for (const res of replies) {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.equal(res.headers.get('etag'), null);
    }
    const db = replies.map((r) => spent(r, 'db')).sort((a, b) => a - b);
    assert.ok(db[0] >= SCAN_MS - 1, `one scan: ${db[0]} ms`);
    assert.ok(db[2] >= 2 * SCAN_MS - 1, `the third waits for a connection: ${db[2]} ms`);
  });

  it('fixed: a fast lookup, cacheable for a minute by the customer, revalidated with its ETag', async () => {
    const app = shop();
    const first = await app.request(ORDER, { headers: API });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'private, max-age=60');
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"[\w-]{22}"$/);
    assert.ok(spent(first, 'db') < 50);
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await app.request(ORDER, { headers: { ...API, 'if-none-match': tag } });
      assert.equal(again.status, 304, tag);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'private, max-age=60');
    }
    assert.equal((await app.request(ORDER, { headers: { ...API, 'if-none-match': '"other"' } })).status, 200);
    assert.equal((await app.request('/api/orders/1001?email=eve%40example.com', { headers: API })).headers.get('etag'), null, 'no validator on a 404');
  });
});

describe('chat-stalls and chat-overloaded', () => {
  const recommend = { message: 'Can you recommend a warm jacket?' };

  it('in every five recommendations, one stalls in the model call and one is refused with 503', async () => {
    const app = shop({ 'chat-stalls': true, 'chat-overloaded': true });
    const answered: Response[] = [];
    const sent = [1, 2, 3, 4, 5].map(() => chat(app, recommend).then((r) => answered.push(r)));
    await Promise.race([Promise.all(sent), after(STALL_MS / 2, undefined)]);
    assert.deepEqual(answered.map((r) => r.status).sort(), [200, 200, 200, 503], 'four answer at once, one of them refused');
    const refused = answered.find((r) => r.status === 503)!;
    assert.equal(refused.headers.get('retry-after'), '5');
    await Promise.all(sent);
    const stalled = answered[4];
    assert.equal(stalled.status, 200);
    assert.ok(spent(stalled, 'model') >= STALL_MS - 1, `model ${spent(stalled, 'model')} ms`);
  });

  it('leaves other questions alone, and with both faults off answers every recommendation at once', async () => {
    const flawed = shop({ 'chat-stalls': true, 'chat-overloaded': true });
    const others = await Promise.all(Array.from({ length: 10 }, () => chat(flawed, { message: 'Do you ship to France?' })));
    assert.deepEqual([...new Set(others.map((r) => r.status))], [200]);
    const fixed = shop();
    const replies = await Promise.race([Promise.all(Array.from({ length: 10 }, () => chat(fixed, recommend))), after(STALL_MS / 2, [])]);
    assert.deepEqual(
      replies.map((r) => r.status),
      Array(10).fill(200),
    );
  });
});

describe('history-linear', () => {
  async function dbPerTurn(app: Shop, turns: number): Promise<number[]> {
    const sessionId = `history-test-${turns}`;
    const db = [];
    for (let i = 0; i < turns; i++) db.push(spent(await chat(app, { message: 'Do you ship to France?', sessionId }), 'db'));
    return db;
  }

  it('each turn pays for every earlier one', async () => {
    const db = await dbPerTurn(shop({ 'history-linear': true }), 4);
    db.forEach((ms, turn) => assert.ok(ms >= turn * HISTORY_MS_PER_TURN - 1, `turn ${turn + 1}: ${ms} ms`));
    assert.ok(db[0] < HISTORY_MS_PER_TURN / 2, `the first turn has no history to rewrite: ${db[0]} ms`);
  });

  it('fixed: a turn costs the same however long the conversation, a little database time each', async () => {
    for (const ms of await dbPerTurn(shop(), 4)) assert.ok(ms >= SAVE_TURN_MS - 1 && ms < HISTORY_MS_PER_TURN / 2, `${ms} ms`);
  });
});

describe('model-no-timeout', () => {
  const hang = { 'x-acme-fault': MODEL_HANG };

  it('never answers while the model provider hangs, until the client gives up', async () => {
    const abort = new AbortController();
    const reply = chat(shop({ 'model-no-timeout': true }), { message: 'Hi' }, hang, abort.signal);
    assert.equal(await Promise.race([reply.then(() => 'answered'), after(MODEL_TIMEOUT_MS * 2, 'waiting')]), 'waiting');
    abort.abort();
    await reply.catch(() => undefined);
  });

  it('fixed: times the provider call out and answers 503 with a fallback', async () => {
    const started = performance.now();
    const res = await chat(shop(), { message: 'Hi' }, hang);
    assert.equal(res.status, 503);
    assert.ok(performance.now() - started < STALL_MS, 'well before a stall, let alone a hang');
    assert.match(((await res.json()) as { reply: string }).reply, /try again/);
    assert.equal(res.headers.get('retry-after'), '30');
  });
});

describe('the demo config', () => {
  it('benches the chat with recommendations, the questions chat-stalls and chat-overloaded act on', () => {
    const config = parse(configYaml({ dnsEndpoint: '127.0.0.1:53', httpPort: 80, httpsPort: 443 }, './ca.pem')) as {
      latency: { targets: Array<{ route: string; prompts?: string[] }>; hangHook: { headers: Record<string, string> } };
    };
    const target = config.latency.targets.find((t) => t.route === 'chat');
    assert.ok(target?.prompts?.length);
    for (const prompt of target.prompts) assert.match(prompt, RECOMMENDATION);
    assert.deepEqual(Object.values(config.latency.hangHook.headers), [MODEL_HANG]);
  });
});
