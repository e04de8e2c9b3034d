/**
 * The load generator against real local servers: a constant-delay server, a server that stalls,
 * one that never answers, one with a large body. Assertions are on counts and lower bounds only,
 * so a busy machine can slow the test down but not fail it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Outcome } from '../../src/latency/recorder.js';
import type { LoadModel } from '../../src/latency/result.js';
import { runTarget } from '../../src/latency/run-target.js';
import type { BenchTarget } from '../../src/latency/targets.js';
import { DnsClient } from '../../src/net/dns-client.js';
import { DEFAULT_NETWORK, parseConnectTo, type NetworkSettings } from '../../src/net/settings.js';

let server: Server;
let port = 0;
/** Responses to requests arriving in [stallFrom, stallUntil) are held until stallUntil (a frozen backend). */
let stall = { from: Infinity, until: 0 };

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/constant') {
      setTimeout(() => res.writeHead(200, { 'server-timing': 'db;dur=4.5, model;dur=12;desc="llm, small"' }).end('ok'), 20);
    } else if (path === '/stall') {
      const now = performance.now();
      const wait = now >= stall.from && now < stall.until ? stall.until - now : 0;
      setTimeout(() => res.end('ok'), wait + 2);
    } else if (path === '/hang') {
      // never answers
    } else if (path === '/big') {
      res.end(Buffer.alloc(64 * 1024, 'a'));
    } else if (path === '/broken') {
      res.writeHead(502).end('bad gateway');
    } else {
      res.end('ok');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const settings: NetworkSettings = { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test', timeoutMs: 2000 };

function target(path: string, model: LoadModel, durationMs: number, over: Partial<BenchTarget> = {}): BenchTarget {
  const url = `http://127.0.0.1:${port}${path}`;
  return { name: path, url, method: 'GET', headers: {}, prompts: [], kind: 'api', model, durationMs, requestCap: null, thresholds: [], ...over };
}

function run(t: BenchTarget, opts: { timeoutMs?: number; settings?: NetworkSettings; onOutcome?: (o: Outcome) => void } = {}) {
  const s = opts.settings ?? settings;
  return runTarget(t, { dns: new DnsClient(s), settings: s, timeoutMs: opts.timeoutMs ?? 5000, runId: 'test', onOutcome: opts.onOutcome });
}

describe('runTarget against a constant-delay server', () => {
  it('sends the schedule, times every response and breaks Server-Timing down', async () => {
    const r = await run(target('/constant', { kind: 'open', ratePerSecond: 50, connections: null }, 1000));
    assert.equal(r.requests, 50);
    assert.deepEqual(r.statusCounts, { 200: 50 });
    assert.equal(r.errors, 0);
    assert.equal(r.total.count, 50);
    assert.ok(r.total.p50 >= 19, `p50 ${r.total.p50} ms includes the 20 ms delay`);
    assert.ok(r.ttfb.p50 >= 19 && r.ttfb.p50 <= r.total.p50);
    assert.deepEqual(
      r.serverTiming.map((c) => [c.name, c.count]),
      [
        ['db', 50],
        ['model', 50],
      ],
    );
    assert.ok(Math.abs(r.serverTiming[1].p95 - 12) < 0.1);
    assert.equal(r.sends?.dropped, 0);
    assert.equal(r.model.kind, 'open');
  });

  it('evaluates the target’s thresholds', async () => {
    const r = await run(target('/constant', { kind: 'open', ratePerSecond: 20, connections: null }, 500, { thresholds: [{ metric: 'p50', op: '<', limit: 5 }, { metric: 'errorRate', op: '<', limit: 1 }] }));
    assert.deepEqual(
      r.thresholds.map((t) => [t.text, t.pass]),
      [
        ['p50 < 5ms', false],
        ['errorRate < 1%', true],
      ],
    );
  });
});

describe('runTarget against a server that stalls', () => {
  const slowOnes = (outcomes: Outcome[]) => outcomes.filter((o) => o.endAt - o.startAt >= 300).length;

  it('open model: every request scheduled during the stall carries it (no coordinated omission)', async () => {
    const outcomes: Outcome[] = [];
    const now = performance.now();
    stall = { from: now + 300, until: now + 900 };
    const r = await run(target('/stall', { kind: 'open', ratePerSecond: 100, connections: null }, 1500), { onOutcome: (o) => outcomes.push(o) });
    assert.equal(r.requests, 150);
    // Requests intended between 300 and 600 ms wait at least 300 ms: about 30 of them.
    assert.ok(slowOnes(outcomes) >= 25, `${slowOnes(outcomes)} requests saw the stall`);
    assert.ok(r.total.p90 >= 100, `p90 ${r.total.p90} ms shows the stall`);
    assert.ok(r.total.max >= 550);
  });

  it('closed model with one user: the stall hides in one slow sample', async () => {
    const outcomes: Outcome[] = [];
    const now = performance.now();
    stall = { from: now + 300, until: now + 900 };
    const r = await run(target('/stall', { kind: 'closed', connections: 1 }, 1500), { onOutcome: (o) => outcomes.push(o) });
    assert.ok(r.requests > 10);
    assert.ok(slowOnes(outcomes) <= 2, `${slowOnes(outcomes)} slow samples`);
    assert.equal(r.sends, undefined, 'send accounting is for the open model');
  });
});

describe('runTarget failures', () => {
  it('counts requests with no answer within the timeout as timeouts', async () => {
    const r = await run(target('/hang', { kind: 'open', ratePerSecond: 10, connections: null }, 300), { timeoutMs: 300 });
    assert.equal(r.requests, 3);
    assert.deepEqual(r.errorKinds, { timeout: 3 });
    assert.equal(r.errorRatePercent, 100);
    assert.equal(r.total.count, 3, 'timed at the moment they were given up');
    assert.ok(r.total.min >= 300, `min ${r.total.min} ms is at least the timeout`);
    // Sent at 0, 100 and 200 ms, ended after 500 ms: the rate achieved is the sends', not 3 per 0.5 s.
    assert.ok(r.elapsedMs >= 500);
    assert.ok(r.achievedRate > 6, `achieved ${r.achievedRate}/s`);
  });

  it('counts a refused connection as a connect error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await run({ ...target('/', { kind: 'closed', connections: 1 }, 200), url: `http://127.0.0.1:${deadPort}/`, requestCap: 3 });
    assert.equal(r.requests, 3);
    assert.deepEqual(r.errorKinds, { connect: 3 });
    assert.match(r.errorSamples[0], /ECONNREFUSED/);
  });

  it('stops reading a body at the byte cap and counts it', async () => {
    const r = await run(target('/big', { kind: 'closed', connections: 1 }, 5000, { requestCap: 2 }), { settings: { ...settings, maxBodyBytes: 1024 } });
    assert.deepEqual(r.errorKinds, { 'too-large': 2 });
    assert.equal(r.ttfb.count, 2);
  });

  it('counts 5xx answers as errors by kind and status', async () => {
    const r = await run(target('/broken', { kind: 'closed', connections: 2 }, 5000, { requestCap: 4 }));
    assert.deepEqual(r.statusCounts, { 502: 4 });
    assert.deepEqual(r.errorKinds, { '5xx': 4 });
    assert.equal(r.errorRatePercent, 100);
  });
});

describe('runTarget warm-up', () => {
  /** Runs `t` against a server of its own that notes which socket carried each request. */
  async function traced(model: LoadModel, cap: number): Promise<Array<{ method: string; url: string; socket: number }>> {
    const seen: Array<{ method: string; url: string; socket: number }> = [];
    const sockets = new Map<object, number>();
    const own = createServer((req, res) => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size);
      seen.push({ method: req.method ?? '', url: req.url ?? '', socket: sockets.get(req.socket)! });
      res.end('ok');
    });
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(own.address() as AddressInfo).port}/api/orders/1`;
      await run({ ...target('/', model, 5000), url, requestCap: cap });
    } finally {
      own.closeAllConnections();
      await new Promise((resolve) => own.close(resolve));
    }
    return seen;
  }

  it('opens each connection with an OPTIONS of the URL before the first timed request', async () => {
    const seen = await traced({ kind: 'closed', connections: 3 }, 9);
    assert.deepEqual(
      seen.slice(0, 3).map((r) => `${r.method} ${r.url}`),
      ['OPTIONS /api/orders/1', 'OPTIONS /api/orders/1', 'OPTIONS /api/orders/1'],
    );
    assert.deepEqual(new Set(seen.slice(0, 3).map((r) => r.socket)), new Set([0, 1, 2]));
    const timed = seen.slice(3);
    assert.equal(timed.length, 9);
    assert.ok(timed.every((r) => r.method === 'GET' && r.url === '/api/orders/1' && r.socket < 3), 'the timed requests reuse the warm connections');
  });

  it('open model: the first timed request goes out on the warm connection', async () => {
    const seen = await traced({ kind: 'open', ratePerSecond: 50, connections: null }, 3);
    assert.equal(`${seen[0].method} ${seen[0].url}`, 'OPTIONS /api/orders/1');
    assert.equal(seen[1].socket, seen[0].socket);
  });
});

describe('runTarget limits and routing', () => {
  it('stops at the request cap and says so', async () => {
    const r = await run(target('/', { kind: 'open', ratePerSecond: 50, connections: null }, 1000, { kind: 'chat', requestCap: 5 }));
    assert.equal(r.requests, 5);
    assert.equal(r.capReached, true);
  });

  it('honours --connect-to, keeping the name in the URL', async () => {
    const routed: NetworkSettings = { ...settings, connectTo: [parseConnectTo(`shop.invalid:80:127.0.0.1:${port}`)] };
    const r = await run({ ...target('/', { kind: 'closed', connections: 1 }, 5000), url: 'http://shop.invalid/', requestCap: 3 }, { settings: routed });
    assert.deepEqual(r.statusCounts, { 200: 3 });
  });
});
