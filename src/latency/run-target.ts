/** Runs one target under its load model and turns what the recorder saw into a TargetRun. */
import type { DnsClient } from '../net/dns-client.js';
import type { NetworkSettings } from '../net/settings.js';
import { runClosedModel } from './closed-model.js';
import { systemClock, type Clock } from './clock.js';
import { HttpSender } from './http-sender.js';
import { runOpenModel, scheduledCount } from './open-model.js';
import { RunRecorder, type Outcome } from './recorder.js';
import type { LoadModel, TargetRun } from './result.js';
import { benchRequest, type BenchTarget } from './targets.js';
import { evaluateThresholds } from './thresholds.js';

/** What the live progress line shows, once a second. */
export interface LiveStats {
  target: string;
  elapsedMs: number;
  sent: number;
  /** Requests ended per second so far. */
  achievedRate: number;
  /** p95 of the requests that ended in the last second; null when none did. */
  currentP95: number | null;
  errors: number;
}

export interface RunEnvironment {
  dns: DnsClient;
  settings: NetworkSettings;
  /** Whole-request deadline. */
  timeoutMs: number;
  /** Tells sessions ({{sessionId}}) of this run apart from others. */
  runId: string;
  clock?: Clock;
  signal?: AbortSignal;
  onProgress?(stats: LiveStats): void;
  /** Sees every outcome as it is recorded, for callers that keep statistics of their own. */
  onOutcome?(outcome: Outcome): void;
}

/**
 * Outstanding requests beyond which an open-model send is dropped (and counted as failed). With
 * unlimited connections each one holds a socket, so this also bounds the sockets a stall opens.
 */
export const MAX_IN_FLIGHT = 2000;
const PROGRESS_EVERY_MS = 1000;
/** The connections' warm-up gives up after this: a host that ignores OPTIONS must not hold the run back for long. */
const WARM_UP_MS = 5000;
const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Open model: requests sent per second over the span of the sends, the schedule's rate when every
 * send left on time (the drain after the last send is not the generator's pace). Closed model:
 * requests ended per second over the elapsed time, the throughput.
 */
function achievedRate(model: LoadModel, r: { sent: number; startedAt: number; lastSendAt: number; ended: number; elapsedMs: number }): number {
  if (model.kind === 'open') return r.sent > 0 ? round(r.sent / ((r.lastSendAt - r.startedAt) / 1000 + 1 / model.ratePerSecond), 1) : 0;
  return r.elapsedMs > 0 ? round(r.ended / (r.elapsedMs / 1000), 1) : 0;
}

export async function runTarget(target: BenchTarget, env: RunEnvironment): Promise<TargetRun> {
  const clock = env.clock ?? systemClock;
  const recorder = new RunRecorder();
  const sender = new HttpSender(benchRequest(target, env.settings.userAgent, env.runId), {
    dns: env.dns,
    settings: env.settings,
    clock,
    connections: target.model.connections,
    timeoutMs: env.timeoutMs,
    maxBodyBytes: env.settings.maxBodyBytes,
    onOutcome: (o) => {
      recorder.record(o);
      env.onOutcome?.(o);
    },
  });
  await sender.warmUp(Math.min(env.timeoutMs, WARM_UP_MS));
  let sent = 0;
  let lastSendAt = 0;
  const send = (index: number, startAt: number, done: () => void) => {
    sent++;
    lastSendAt = clock.now();
    sender.send(index, startAt, done);
  };
  const cap = target.requestCap ?? Infinity;
  const began = clock.now();
  const ticker = setInterval(() => {
    const elapsedMs = clock.now() - began;
    const interval = recorder.takeInterval();
    env.onProgress?.({
      target: target.name,
      elapsedMs,
      sent,
      achievedRate: recorder.requests / (elapsedMs / 1000),
      currentP95: interval.count > 0 ? interval.p95 : null,
      errors: recorder.errorCount,
    });
  }, PROGRESS_EVERY_MS);
  let startedAt: number;
  try {
    startedAt =
      target.model.kind === 'open'
        ? (
            await runOpenModel({
              clock,
              ratePerSecond: target.model.ratePerSecond,
              durationMs: target.durationMs,
              maxRequests: cap,
              maxInFlight: MAX_IN_FLIGHT,
              send,
              onLate: (ms) => recorder.sendDelay(ms),
              onDropped: (at) => recorder.drop(at),
              signal: env.signal,
            })
          ).startedAt
        : (await runClosedModel({ clock, users: target.model.connections, durationMs: target.durationMs, maxRequests: cap, send, signal: env.signal })).startedAt;
  } finally {
    clearInterval(ticker);
    await sender.close();
  }
  const t = recorder.totals();
  const elapsedMs = Math.max(0, (t.lastEndAt ?? startedAt) - startedAt);
  const errorRatePercent = t.requests > 0 ? round((t.errors / t.requests) * 100) : 0;
  const scheduled = target.model.kind === 'open' ? scheduledCount(target.model.ratePerSecond, target.durationMs, Infinity) : Infinity;
  const run: TargetRun = {
    name: target.name,
    url: target.url,
    method: target.method,
    kind: target.kind,
    model: target.model,
    plannedDurationMs: target.durationMs,
    elapsedMs: round(elapsedMs, 1),
    requestCap: target.requestCap,
    capReached: t.requests >= cap && scheduled > cap,
    requests: t.requests,
    errors: t.errors,
    errorRatePercent,
    errorKinds: t.errorKinds,
    errorSamples: t.errorSamples,
    statusCounts: t.statusCounts,
    achievedRate: achievedRate(target.model, { sent, startedAt, lastSendAt, ended: t.requests, elapsedMs }),
    ttfb: t.ttfb,
    total: t.total,
    serverTiming: t.serverTiming,
    thresholds: evaluateThresholds(target.thresholds, { total: t.total, errorRatePercent }),
    interrupted: Boolean(env.signal?.aborted),
  };
  if (target.model.kind === 'open') run.sends = t.sends;
  return run;
}
