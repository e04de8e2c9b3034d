/**
 * bench/latency: launch-ready's load generator beside autocannon, against one local server (in a
 * worker thread), in one run:
 *   1. throughput, closed model, 50 connections: 3 interleaved rounds, the median round's ratio
 *      (goal >= 0.9x);
 *   2. a stall server (5 ms responses, one 2 s freeze) at 200 req/s for 25 s: p99 measured from
 *      the intended send time vs the true p99 computed from the schedule (goal within ±10 %),
 *      with autocannon's rate-limited p99 beside it (it times from the actual send, so the
 *      requests it never sent during the freeze are missing: coordinated omission);
 *   3. a constant 100 ms server at a fixed rate: every percentile p1–p99 within 100–106 ms (median of
 *      3 runs: on a shared machine one run can catch another process's burst).
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { LatencyHistogram } from '../src/latency/histogram.js';
import type { Outcome } from '../src/latency/recorder.js';
import type { LoadModel, TargetRun } from '../src/latency/result.js';
import { runTarget } from '../src/latency/run-target.js';
import type { BenchTarget } from '../src/latency/targets.js';
import { DnsClient } from '../src/net/dns-client.js';
import { DEFAULT_NETWORK, type NetworkSettings } from '../src/net/settings.js';
import type { ControlMessage, ServerMessage } from './latency-server.js';

const THROUGHPUT_RUN_S = 5;
const STALL = { rate: 200, durationS: 25, serviceMs: 5, freezeAfterMs: 10_000, freezeMs: 2000 };
const CONSTANT = { rate: 100, durationS: 8, serviceMs: 100, runs: 3 };

const settings: NetworkSettings = { ...DEFAULT_NETWORK, userAgent: 'launch-ready-bench' };
const dns = new DnsClient(settings);

function target(url: string, model: LoadModel, durationMs: number): BenchTarget {
  return { name: url, url, method: 'GET', headers: {}, prompts: [], kind: 'api', model, durationMs, requestCap: null, thresholds: [] };
}

function ours(t: BenchTarget, onOutcome?: (o: Outcome) => void): Promise<TargetRun> {
  return runTarget(t, { dns, settings, timeoutMs: 30_000, runId: 'bench', onOutcome });
}

async function theirs(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon(opts);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Exact percentile of a list (nearest rank). */
function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** hrtime (ns, shared by threads) to the performance.now() base the load models use. */
const hrToPerf = (ns: bigint) => Number(ns) / 1e6 - (Number(process.hrtime.bigint()) / 1e6 - performance.now());

async function freezeAfter(server: Worker, ms: number): Promise<{ start: number; end: number }> {
  const froze = new Promise<{ start: number; end: number }>((resolve) => {
    const onMessage = (m: ServerMessage) => {
      if (m.type !== 'froze') return;
      server.off('message', onMessage);
      resolve({ start: hrToPerf(BigInt(m.startNs)), end: hrToPerf(BigInt(m.endNs)) });
    };
    server.on('message', onMessage);
  });
  server.postMessage({ type: 'freeze', atNs: String(process.hrtime.bigint() + BigInt(ms) * 1_000_000n), forMs: STALL.freezeMs } satisfies ControlMessage);
  return froze;
}

/** The latency a request sent at `t` would see from a server that answers in `service` ms and is frozen over [start, end). */
function trueLatency(t: number, freeze: { start: number; end: number }, service: number): number {
  if (t >= freeze.start && t < freeze.end) return freeze.end - t + service;
  // Sent just before the freeze: its timer comes due while the thread is blocked and fires at the end.
  if (t >= freeze.start - service && t < freeze.start) return freeze.end - t;
  return service;
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

/** Rows as aligned columns, the first row a header. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd());
}
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function benchLatency(): Promise<void> {
  const began = performance.now();
  // Workers do not inherit tsx's loader on Node 20, so the worker registers it before importing the server.
  const serverModule = new URL('./latency-server.ts', import.meta.url).href;
  const server = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(serverModule)}); });`, { eval: true });
  const [hello] = (await once(server, 'message')) as [ServerMessage];
  if (hello.type !== 'listening') throw new Error('bench server did not start');
  const base = `http://127.0.0.1:${hello.port}`;
  const out = (line = '') => process.stdout.write(`${line}\n`);
  try {
    // 1. Throughput. A short run of each first: module loading and JIT are not what is compared.
    const closed = target(`${base}/fast`, { kind: 'closed', connections: 50 }, THROUGHPUT_RUN_S * 1000);
    await ours({ ...closed, durationMs: 1000 });
    await theirs({ url: `${base}/fast`, connections: 50, duration: 1 });
    const mine: number[] = [];
    const cannon: number[] = [];
    for (let i = 0; i < 3; i++) {
      mine.push((await ours(closed)).achievedRate);
      const r = await theirs({ url: `${base}/fast`, connections: 50, duration: THROUGHPUT_RUN_S });
      cannon.push(r.requests.total / r.duration);
    }
    // Each round runs both tools back to back, so a round's ratio compares them under the same machine load.
    const ratios = mine.map((v, i) => v / cannon[i]);
    const ratio = median(ratios);

    // 2. Stall: the same schedule for both, the freeze 10 s in.
    const stallUrl = `${base}/stall`;
    const intended: number[] = [];
    const freeze = freezeAfter(server, STALL.freezeAfterMs);
    const stalled = await ours(target(stallUrl, { kind: 'open', ratePerSecond: STALL.rate, connections: null }, STALL.durationS * 1000), (o) => intended.push(o.startAt));
    const window = await freeze;
    const trueP99 = exactPercentile(
      intended.map((t) => trueLatency(t, window, STALL.serviceMs)),
      99,
    );
    const stallError = (stalled.total.p99 - trueP99) / trueP99;
    const theirFreeze = freezeAfter(server, STALL.freezeAfterMs);
    const theirStall = await theirs({ url: stallUrl, connections: 20, overallRate: STALL.rate, duration: STALL.durationS });
    await theirFreeze;

    // 3. Constant 100 ms, three runs: the median run (by its worst percentile) is judged, all three are shown.
    const steadyRuns = [];
    for (let i = 0; i < CONSTANT.runs; i++) {
      const h = new LatencyHistogram();
      const r = await ours(target(`${base}/constant`, { kind: 'open', ratePerSecond: CONSTANT.rate, connections: null }, CONSTANT.durationS * 1000), (o) => {
        if (!o.error && o.status === 200) h.record(o.endAt - o.startAt);
      });
      const percentiles = Array.from({ length: 99 }, (_, p) => h.percentile(p + 1));
      steadyRuns.push({ requests: r.requests, lo: Math.min(...percentiles), hi: Math.max(...percentiles), p50: h.percentile(50) });
    }
    steadyRuns.sort((a, b) => a.hi - b.hi);
    const steady = steadyRuns[Math.floor(steadyRuns.length / 2)];
    const steadyOk = steady.lo >= CONSTANT.serviceMs && steady.hi <= CONSTANT.serviceMs * 1.06;

    out('\nbench/latency — launch-ready beside autocannon, same local server');
    out(`  1. throughput, closed model, 50 connections: 3 rounds of one ${THROUGHPUT_RUN_S} s run each, back to back`);
    out(`     launch-ready  ${Math.round(median(mine)).toLocaleString('en-US').padStart(8)} req/s   runs ${mine.map((v) => Math.round(v)).join(', ')}`);
    out(`     autocannon    ${Math.round(median(cannon)).toLocaleString('en-US').padStart(8)} req/s   runs ${cannon.map((v) => Math.round(v)).join(', ')}`);
    out(`     ratio, median of the 3 rounds ${ratio.toFixed(2)}x (goal >= 0.90x): ${verdict(ratio >= 0.9)}; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; ratio of the medians ${(median(mine) / median(cannon)).toFixed(2)}x`);
    out(`  2. stall server: ${STALL.serviceMs} ms responses, one ${STALL.freezeMs} ms freeze (measured ${ms(window.end - window.start)}), ${STALL.rate} req/s for ${STALL.durationS} s`);
    out(`     true p99 from the schedule          ${ms(trueP99).padStart(10)}   (${intended.length} requests)`);
    out(`     launch-ready p99 from intended send ${ms(stalled.total.p99).padStart(10)}   ${(stallError * 100).toFixed(1)} % (goal within ±10 %): ${verdict(Math.abs(stallError) <= 0.1)}`);
    out(`     autocannon p99 (-R ${STALL.rate}, 20 conns)      ${ms(theirStall.latency.p99).padStart(10)}   ${(((theirStall.latency.p99 - trueP99) / trueP99) * 100).toFixed(1)} % — times from the actual send`);
    out(`     launch-ready sends: ${stalled.sends?.late ?? 0} late by > ${stalled.sends?.lateThresholdMs ?? 0} ms (max ${ms(stalled.sends?.maxLateMs ?? 0)}), ${stalled.sends?.dropped ?? 0} dropped, ${stalled.errors} errors`);
    out(`  3. constant ${CONSTANT.serviceMs} ms server, ${CONSTANT.rate} req/s for ${CONSTANT.durationS} s, median of ${CONSTANT.runs} runs (${steady.requests} requests each)`);
    out(`     launch-ready p1…p99 ${ms(steady.lo)} – ${ms(steady.hi)}, p50 ${ms(steady.p50)} (goal within ${CONSTANT.serviceMs}–${CONSTANT.serviceMs * 1.06} ms): ${verdict(steadyOk)}`);
    out(`     p99 of each run: ${steadyRuns.map((r) => ms(r.hi)).join(', ')}`);
    out('');
    const theirP99Error = (theirStall.latency.p99 - trueP99) / trueP99;
    table([
      ['comparison', 'launch-ready', 'reference', 'ratio / error', 'goal', 'result'],
      ['throughput, closed, 50 conns', `${Math.round(median(mine))} req/s`, `autocannon ${Math.round(median(cannon))} req/s`, `${ratio.toFixed(2)}x`, '>= 0.90x', verdict(ratio >= 0.9)],
      ['stall p99 from intended send', ms(stalled.total.p99), `true ${ms(trueP99)}`, `${(stallError * 100).toFixed(1)} %`, '±10 %', verdict(Math.abs(stallError) <= 0.1)],
      ['stall p99, autocannon -R', '', ms(theirStall.latency.p99), `${(theirP99Error * 100).toFixed(1)} %`, '(shown)', ''],
      ['constant 100 ms, p1…p99', `${ms(steady.lo)} – ${ms(steady.hi)}`, `${CONSTANT.serviceMs} ms`, `+${(((steady.hi - CONSTANT.serviceMs) / CONSTANT.serviceMs) * 100).toFixed(1)} % at worst`, '100–106 ms', verdict(steadyOk)],
    ]).forEach((line) => out(line));
    out(`  bench wall time ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await server.terminate();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLatency();
