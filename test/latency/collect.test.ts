/**
 * The audit's latency stage against a local shop with the four stage-4 faults: a slow uncached
 * order lookup, a chat whose turns grow with the conversation, a model provider that hangs on
 * request, and an order lookup over its budget. Then the checks read what was collected, and the
 * server's log shows how the stage spread its work.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checks } from '../../src/checks/index.js';
import { createContext } from '../../src/collect/context.js';
import { configSchema } from '../../src/config/schema.js';
import type { Artifacts } from '../../src/core/artifacts.js';
import { runChecks } from '../../src/core/runner.js';
import { collectPerformance } from '../../src/latency/audit/collect.js';
import { performancePlanFromConfig } from '../../src/latency/audit/plan.js';
import { DEFAULT_NETWORK, type NetworkSettings } from '../../src/net/settings.js';
import { plan } from '../helpers/artifacts.js';

let server: Server;
let base = '';
const turns = new Map<string, number>();
/** Every request as it arrived: method, path (and whether it hangs), whether it came from the bench (no `accept` header) or a probe, and what else was in flight. */
const log: Array<{ method: string; path: string; bench: boolean; during: string[] }> = [];
const inFlight = new Set<string>();

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const what = `${url.pathname}${req.headers['x-fault'] ? ' (hanging)' : ''}`;
    log.push({ method: req.method ?? '', path: what, bench: req.headers.accept === undefined, during: [...inFlight] });
    inFlight.add(what);
    res.on('close', () => inFlight.delete(what));
    if (url.pathname === '/api/orders/1001' && req.method === 'GET') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'server-timing': 'db;dur=240' }).end('{"id":"1001"}'), 250);
      return;
    }
    if (url.pathname === '/api/stock' && req.method === 'GET') {
      // A fast read, but the first bench's third request finds this process (the auditor) busy for 200 ms.
      const benchGets = log.filter((r) => r.bench && r.method === 'GET' && r.path === '/api/stock').length;
      if (benchGets === 3) {
        const from = performance.now();
        while (performance.now() - from < 200) {
          // another collector's synchronous work
        }
      }
      setTimeout(() => res.writeHead(200, { 'cache-control': 'max-age=60' }).end('{"stock":3}'), 2);
      return;
    }
    if (url.pathname === '/api/chat' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        if (req.headers['x-fault'] === 'model-hang') return; // the model call never returns, and nothing times it out
        const { sessionId } = JSON.parse(body) as { sessionId: string };
        const n = (turns.get(sessionId) ?? 0) + 1;
        turns.set(sessionId, n);
        // History read linearly: each turn costs 10 ms more.
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"reply":"ok"}'), 2 + n * 10);
      });
      return;
    }
    if (url.pathname === '/api/chat-flat' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const { sessionId } = JSON.parse(body) as { sessionId: string };
        const n = (turns.get(sessionId) ?? 0) + 1;
        turns.set(sessionId, n);
        // A flat chat, but turn 6 is held up by something else (a busy moment): not growth.
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"reply":"ok"}'), n === 6 ? 300 : 5);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const settings: NetworkSettings = { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test' };

function config(latency: Record<string, unknown> | undefined, chatPath = '/api/chat') {
  return configSchema.parse({
    product: 'Acme',
    domain: 'acme.test',
    canonical: 'https://www.acme.test/',
    routes: [
      { name: 'order status', url: `${base}/api/orders/1001`, kind: 'api' },
      { name: 'chat', url: `${base}${chatPath}`, method: 'POST', kind: 'chat', body: '{"message":"{{prompt}}","sessionId":"{{sessionId}}"}' },
    ],
    ...(latency ? { latency } : {}),
  });
}

async function collect(latency: Record<string, unknown> | undefined, chatPath?: string): Promise<Artifacts> {
  return collectPlan(performancePlanFromConfig(config(latency, chatPath), {}));
}

async function collectPlan(performance: ReturnType<typeof performancePlanFromConfig>): Promise<Artifacts> {
  const artifacts: Artifacts = { plan: plan() };
  const ctx = createContext(artifacts.plan, settings);
  try {
    await collectPerformance(ctx, performance, artifacts);
  } finally {
    await ctx.http.close();
  }
  return artifacts;
}

const mine = checks.filter((c) => ['cache.repeated-read-slow', 'latency.p95-over-budget', 'latency.errors', 'latency.history-growth', 'timeout.missing'].includes(c.id));

describe('collectPerformance', () => {
  it('collects every part and the stage-4 checks find each fault', async () => {
    const artifacts = await collect({
      targets: [
        { route: 'order status', rate: 10, duration: '1s', budget: { p95: '100ms', errorRate: '1%' } },
        { route: 'chat', prompts: ['Where is my order?'], rate: 5, duration: '1s', budget: { p95: '2s' } },
      ],
      history: { turns: [1, 5, 20] },
      hangHook: { headers: { 'x-fault': 'model-hang' }, within: '500ms' },
    });
    assert.equal(artifacts.errors, undefined, JSON.stringify(artifacts.errors));
    assert.equal(artifacts.readRepeats?.[0].fetches.length, 5);
    const points = artifacts.historyGrowth?.[0].points ?? [];
    assert.deepEqual(
      points.map((p, i) => p.turn - [1, 5, 20][i]).map((d) => d >= 0 && d < 3),
      [true, true, true],
      'each point is one of its three turns',
    );
    assert.equal(artifacts.hangProbes?.[0].exchange.status, undefined);
    assert.deepEqual(
      artifacts.latency?.map((r) => [r.name, r.requests]),
      [
        ['order status', 10],
        ['chat', 5],
      ],
    );
    assert.equal(artifacts.readRepeats?.[0].fetches[0].body, '', 'bodies stay out of the artifacts');

    const run = runChecks(mine, JSON.parse(JSON.stringify(artifacts)) as Artifacts);
    const status = Object.fromEntries(run.results.map((r) => [r.id, r.status]));
    assert.deepEqual(
      status,
      {
        'cache.repeated-read-slow': 'fail',
        'latency.p95-over-budget': 'fail',
        'latency.errors': 'pass',
        'latency.history-growth': 'fail',
        'timeout.missing': 'fail',
      },
      `reads ${JSON.stringify(artifacts.readRepeats?.[0].fetches.map((f) => f.timings.totalMs))}, points ${JSON.stringify(artifacts.historyGrowth?.[0].points.map((p) => [p.turn, p.exchange.timings.totalMs]))}`,
    );
    const p95 = run.findings.find((f) => f.id === 'latency.p95-over-budget');
    assert.equal(p95?.target, `${base}/api/orders/1001`);
    assert.match(p95?.evidence ?? '', /Server-Timing p95: db 240/);

    // One endpoint at a time, the other endpoint meanwhile. The order bench has a sub-second budget,
    // so it runs after the reads, once the auditor is calm; the chat's bench runs before its conversation.
    // Each opens its connection first with an OPTIONS, so no timed request pays for the handshake.
    // The order bench failed its budget by far more than any stall: it ran once.
    const orders = log.filter((r) => r.path === '/api/orders/1001');
    assert.deepEqual(
      orders.map((r) => `${r.bench ? 'bench' : 'probe'} ${r.method}`),
      ['probe OPTIONS', ...Array(5).fill('probe GET'), 'bench OPTIONS', ...Array(10).fill('bench GET')],
    );
    const chat = log.filter((r) => r.path === '/api/chat' && r.method === 'POST');
    assert.ok(chat.findLastIndex((r) => r.bench) < chat.findIndex((r) => !r.bench), 'the chat bench before the conversation');
    assert.ok(
      orders.some((r) => r.during.includes('/api/chat')),
      'the order lookups overlap the chat',
    );
    assert.ok(
      log.some((r) => r.during.includes('/api/chat (hanging)')),
      'the hang probe waits beside the rest',
    );
  });

  it('times each point of the conversation by the fastest of three turns, so one slow turn is not growth', async () => {
    const artifacts = await collect({ targets: [{ route: 'chat', rate: 5, duration: '200ms' }], history: { turns: [1, 3, 6] } }, '/api/chat-flat');
    const points = artifacts.historyGrowth?.[0].points ?? [];
    assert.equal(points.length, 3);
    assert.ok(points[2].turn > 6, `point 6 kept turn ${points[2].turn}, not the slow turn 6`);
    const run = runChecks(mine, artifacts);
    assert.equal(run.results.find((r) => r.id === 'latency.history-growth')?.status, 'pass');
  });

  it('reports each part it could not run as not checked, saying why', async () => {
    const artifacts = await collect({ targets: [{ route: 'order status', rate: 5, duration: '200ms' }], history: { turns: [1, 2] } });
    const run = runChecks(mine, artifacts);
    const byId = Object.fromEntries(run.results.map((r) => [r.id, r]));
    assert.equal(byId['latency.p95-over-budget'].status, 'error');
    assert.match(byId['latency.p95-over-budget'].error ?? '', /no latency budget/);
    assert.match(byId['timeout.missing'].error ?? '', /no fault-injection hook \(latency\.hangHook\)/);
    assert.equal(byId['latency.history-growth'].status, 'pass', 'two quick turns do not grow');
    assert.equal(byId['cache.repeated-read-slow'].status, 'fail');
  });

  it('benches a sub-second budget again when the auditor’s own stall explains its failure', async () => {
    const performance = performancePlanFromConfig(
      configSchema.parse({
        product: 'Acme',
        domain: 'acme.test',
        canonical: 'https://www.acme.test/',
        routes: [{ name: 'stock', url: `${base}/api/stock`, kind: 'api' }],
        latency: { targets: [{ route: 'stock', rate: 20, duration: '500ms', budget: { p95: '100ms' } }] },
      }),
      {},
    );
    const artifacts = await collectPlan(performance);
    const benchGets = log.filter((r) => r.bench && r.method === 'GET' && r.path === '/api/stock');
    assert.equal(benchGets.length, 20, 'two runs of 10');
    assert.equal(artifacts.latency?.[0].requests, 10);
    assert.ok((artifacts.latency?.[0].total.p95 ?? Infinity) < 100, `kept the undisturbed run: p95 ${artifacts.latency?.[0].total.p95} ms`);
    const run = runChecks(mine, artifacts);
    assert.equal(run.results.find((r) => r.id === 'latency.p95-over-budget')?.status, 'pass');
  });

  it('marks the whole stage not checked without a config', async () => {
    const artifacts: Artifacts = { plan: plan() };
    await collectPerformance(createContext(artifacts.plan, settings), undefined, artifacts);
    assert.deepEqual(Object.keys(artifacts.errors ?? {}).sort(), ['hangProbes', 'historyGrowth', 'latency', 'readRepeats']);
  });
});
