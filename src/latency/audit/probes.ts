/** The latency stage's probes: repeated reads, a growing conversation, a chat whose model provider hangs. */
import { randomBytes } from 'node:crypto';
import { parseJsonBody, readJsonPath } from '../../analysis/json-path.js';
import { isJsonTemplate, renderBody, requestHeaders } from '../body-template.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../targets.js';
import type { HangProbe, HistoryGrowthProbe, ReadRepeatProbe } from './artifacts.js';
import type { ChatRequest, PerformancePlan, ReadEndpoint } from './plan.js';
import type { TimedFetcher } from './timed-fetch.js';

/** Identical fetches per read endpoint: enough to see a cache warm up, few enough for a slow endpoint. */
export const READ_REPEATS = 5;
/** Consecutive chat turns timed for each point of a conversation; the fastest is kept. */
const TURN_WINDOW = 3;
/** Reads of the history endpoint at each point; the median one is kept. */
const HISTORY_READS = 3;
/** How long past its budget the hang probe still waits, to tell "late" from "never": half the budget, at most this. */
const HANG_GRACE_MS = 2000;

/**
 * Opens a connection to the URL's origin (an OPTIONS of the URL: safe, and undici closes the
 * connection after a HEAD), so the first timed request does not also pay for DNS, TCP and TLS: a
 * slow first request must mean a cold cache or a short history.
 */
async function warmUp(fetcher: TimedFetcher, url: string, userAgent: string): Promise<void> {
  await fetcher.fetch(url, { method: 'OPTIONS', headers: { 'user-agent': userAgent }, deadlineMs: DEFAULT_REQUEST_TIMEOUT_MS });
}

export async function probeReadRepeats(fetcher: TimedFetcher, read: ReadEndpoint, userAgent: string): Promise<ReadRepeatProbe> {
  const probe: ReadRepeatProbe = { name: read.name, url: read.url, kind: read.kind, fetches: [] };
  await warmUp(fetcher, read.url, userAgent);
  for (let i = 0; i < READ_REPEATS; i++) {
    probe.fetches.push((await fetcher.fetch(read.url, { headers: requestHeaders(read.headers, undefined, userAgent), deadlineMs: DEFAULT_REQUEST_TIMEOUT_MS })).exchange);
  }
  return probe;
}

function chatSender(fetcher: TimedFetcher, chat: ChatRequest, userAgent: string, extraHeaders: Record<string, string> = {}) {
  const headers = requestHeaders({ ...chat.headers, ...extraHeaders }, chat.bodyTemplate, userAgent);
  const json = isJsonTemplate(chat.bodyTemplate, headers['content-type']);
  return (prompt: string, sessionId: string, deadlineMs: number) =>
    fetcher.fetch(chat.url, { method: chat.method, headers, body: renderBody(chat.bodyTemplate, json, { prompt, sessionId }), deadlineMs });
}

const sessionId = () => `lr-audit-${randomBytes(6).toString('hex')}`;

/**
 * One conversation, turn after turn, timed at each point: by the fastest of the turn at that length
 * and the next two (one turn slowed by something else, a busy client or a network blip, must not
 * pass for growth; the first turn's other samples are first turns of fresh conversations, as the
 * next turns are already twice and three times as long), or by the history endpoint read a few
 * times after it. Stops early when the chat answers with an error.
 */
export async function probeHistoryGrowth(fetcher: TimedFetcher, spec: NonNullable<PerformancePlan['history']>, userAgent: string): Promise<HistoryGrowthProbe> {
  const { chat, historyUrl, turns, factor } = spec;
  const send = chatSender(fetcher, chat, userAgent);
  const probe: HistoryGrowthProbe = { name: chat.name, measured: historyUrl ? 'history' : 'chat', url: historyUrl ?? chat.url, factor, points: [] };
  const window = historyUrl ? 1 : TURN_WINDOW;
  const fastest = new Map<number, HistoryGrowthProbe['points'][number]>();
  const settle = (before: number) => {
    for (const [point, best] of fastest) {
      if (point >= before) continue;
      probe.points.push(best);
      fastest.delete(point);
    }
  };
  const consider = (point: number, sample: HistoryGrowthProbe['points'][number]) => {
    const best = fastest.get(point);
    if (!best || sample.exchange.timings.totalMs < best.exchange.timings.totalMs) fastest.set(point, sample);
  };
  const span = (point: number) => (point === 1 ? 1 : window);
  await warmUp(fetcher, chat.url, userAgent);
  if (turns[0] === 1) {
    for (let i = 1; i < window; i++) {
      const reply = await send(chat.prompts[0], sessionId(), DEFAULT_REQUEST_TIMEOUT_MS);
      if (!reply.exchange.error && (reply.exchange.status ?? 500) < 400) consider(1, { turn: 1, exchange: reply.exchange });
    }
  }
  let session = sessionId();
  const last = Math.max(...turns) + window - 1;
  for (let turn = 1; turn <= last; turn++) {
    const reply = await send(chat.prompts[(turn - 1) % chat.prompts.length], session, DEFAULT_REQUEST_TIMEOUT_MS);
    const failed = reply.exchange.error !== undefined || (reply.exchange.status ?? 0) >= 400;
    if (turn === 1 && chat.sessionIdPath && !failed) {
      const parsed = parseJsonBody(reply.text);
      const found = parsed.ok ? readJsonPath(parsed.value, chat.sessionIdPath) : { found: false as const };
      if (found.found && (typeof found.value === 'string' || typeof found.value === 'number')) session = String(found.value);
    }
    if (failed) {
      settle(Infinity);
      probe.stoppedAt = turn;
      probe.points.push({ turn, exchange: reply.exchange });
      break;
    }
    if (!historyUrl) {
      for (const point of turns.filter((p) => p <= turn && turn < p + span(p))) consider(point, { turn, exchange: reply.exchange });
      settle(turn - window + 2);
      continue;
    }
    if (!turns.includes(turn)) continue;
    const url = historyUrl.replace(/\{\{\s*sessionId\s*\}\}/g, encodeURIComponent(session));
    const reads = [];
    for (let i = 0; i < HISTORY_READS; i++) reads.push((await fetcher.fetch(url, { headers: requestHeaders(chat.headers, undefined, userAgent), deadlineMs: DEFAULT_REQUEST_TIMEOUT_MS })).exchange);
    reads.sort((a, b) => a.timings.totalMs - b.timings.totalMs);
    probe.points.push({ turn, exchange: reads[Math.floor(reads.length / 2)] });
  }
  return probe;
}

/** One chat turn sent with the hook headers; waits a little past the budget so a late answer is told from none. */
export async function probeHang(fetcher: TimedFetcher, spec: NonNullable<PerformancePlan['hang']>, userAgent: string): Promise<HangProbe> {
  const waitedMs = spec.withinMs + Math.min(HANG_GRACE_MS, spec.withinMs / 2);
  const reply = await chatSender(fetcher, spec.chat, userAgent, spec.headers)(spec.chat.prompts[0], sessionId(), waitedMs);
  return { name: spec.chat.name, url: spec.chat.url, withinMs: spec.withinMs, hookHeaders: Object.keys(spec.headers).map((h) => h.toLowerCase()), waitedMs, exchange: reply.exchange };
}
