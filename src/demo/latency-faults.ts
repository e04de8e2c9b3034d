/**
 * The demo shop's latency faults, as middleware in front of its order and chat routes (roadmap
 * stage 4, issue 5): an order lookup that scans the whole table over a small connection pool,
 * model calls that stall now and then or are refused, a conversation history rewritten on every
 * turn, and a model-provider call without a timeout. Every cost is a timer, never a busy loop: the
 * audit may share the world's process, and must not be starved by it.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { FAULT_HOOK_HEADER } from './chatbot.js';
import type { FaultName } from './faults.js';
import type { OrderStore } from './orders.js';
import type { ServerTiming } from './server-timing.js';
import { STORE_FACTS } from './store-facts.js';

/** Reading one order row without an index: the seeded 36 orders take about 0.25 s. */
export const SCAN_MS_PER_ORDER = 7;
/** Connections to the order database: one spare for a lookup beside another, too few for a burst. */
const DATABASE_CONNECTIONS = 2;
/** How long a stalled model call waits at the provider. */
export const STALL_MS = 2500;
/** Saving a chat turn by appending it to the conversation. */
export const SAVE_TURN_MS = 2;
/** Saving a turn rewrites the history (history-linear): each earlier turn of the conversation adds this. */
export const HISTORY_MS_PER_TURN = 35;
/** The fixed app's timeout on the model-provider call. */
export const MODEL_TIMEOUT_MS = 500;
/** The fault-hook value (in FAULT_HOOK_HEADER) that makes the model provider hang: `latency.hangHook` of the demo config. */
export const MODEL_HANG = 'model-hang';
/** Product recommendations send the model the whole catalog; they are the calls the provider stalls or refuses. */
export const RECOMMENDATION = /\b(recommend|suggest)/i;
/**
 * Recommendations come in cycles of five: the second stalls and the fourth is refused, so any five
 * in a row hold one of each (the first of a fresh world answers normally). Positions, not chance,
 * so a short run always sees both.
 */
const CYCLE = 5;
const STALL_AT = 2;
const REFUSE_AT = 4;
/** RFC 9111 §5.2.2.7: only the customer's own browser may keep an order, for a minute. */
const ORDER_CACHE = 'private, max-age=60';
const MAX_CONVERSATIONS = 1000;

type Env = { Variables: { timing: ServerTiming } };

export interface LatencyFaultOptions {
  /** Whether the fault is on for this request's host. */
  on(c: Context, name: FaultName): boolean;
  orders: OrderStore;
}

/** Resolves after `ms` with the time actually waited. */
function pause(ms: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => setTimeout(() => resolve(performance.now() - started), ms));
}

/** Resolves when the client goes away: a hung call ends only then. */
function untilClosed(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

/** A small database connection pool: scans beyond its size wait for a connection, so lookups queue under load. */
class ConnectionPool {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  /** Resolves with the time spent waiting for a connection plus the scan. */
  async run(scanMs: number): Promise<number> {
    const started = performance.now();
    if (this.busy < this.size) this.busy++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      await pause(scanMs);
    } finally {
      // Hand the connection straight to the next lookup in line, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
    return performance.now() - started;
  }
}

/** RFC 9110 §13.1.2: If-None-Match matches with the weak comparison, and `*` matches any current representation. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === etag);
}

export function latencyFaults({ on, orders }: LatencyFaultOptions): MiddlewareHandler<Env> {
  const database = new ConnectionPool(DATABASE_CONNECTIONS);
  const turns = new Map<string, number>();
  let recommendations = 0;

  async function orderLookup(c: Context<Env>, next: () => Promise<void>): Promise<void> {
    if (on(c, 'orders-slow')) {
      c.var.timing.add('db', await database.run(orders.count() * SCAN_MS_PER_ORDER));
      return next();
    }
    // Fixed: the route's indexed lookup, cacheable briefly by the customer, with a validator to revalidate for free.
    await next();
    if (c.res.status !== 200) return;
    const etag = `"${createHash('sha256')
      .update(await c.res.clone().text())
      .digest('base64url')
      .slice(0, 22)}"`;
    c.header('Cache-Control', ORDER_CACHE);
    c.header('ETag', etag);
    if (noneMatch(c.req.header('if-none-match'), etag)) c.res = new Response(null, { status: 304 });
  }

  async function chatTurn(c: Context<Env>, next: () => Promise<void>): Promise<Response | void> {
    const timing = c.var.timing;
    if (c.req.header(FAULT_HOOK_HEADER) === MODEL_HANG) {
      if (on(c, 'model-no-timeout')) {
        await untilClosed(c.req.raw.signal);
        // Nobody reads this: the client has gone.
        return c.body(null, 504);
      }
      timing.add('model', await pause(MODEL_TIMEOUT_MS));
      c.header('Cache-Control', 'no-store');
      c.header('Retry-After', '30');
      const reply = `Sorry, our assistant is taking too long to answer right now. Please try again in a minute, or email ${STORE_FACTS.support.email}.`;
      return c.json({ reply, tools: [] }, 503);
    }
    const input = (await c.req.json().catch(() => undefined)) as { message?: unknown } | undefined;
    if (typeof input?.message === 'string' && RECOMMENDATION.test(input.message)) {
      const position = ++recommendations % CYCLE;
      if (position === REFUSE_AT && on(c, 'chat-overloaded')) {
        c.header('Cache-Control', 'no-store');
        c.header('Retry-After', '5');
        return c.json({ error: 'The assistant is busy right now (too many conversations at once). Please try again in a few seconds.' }, 503);
      }
      if (position === STALL_AT && on(c, 'chat-stalls')) timing.add('model', await pause(STALL_MS));
    }
    await next();
    if (c.res.status !== 200) return;
    const { sessionId } = (await c.res.clone().json()) as { sessionId?: unknown };
    if (typeof sessionId !== 'string') return;
    const earlier = turns.get(sessionId) ?? 0;
    turns.delete(sessionId);
    turns.set(sessionId, earlier + 1);
    if (turns.size > MAX_CONVERSATIONS) turns.delete(turns.keys().next().value as string);
    // Saving the turn: appended (fixed), or the whole history rewritten (history-linear).
    timing.add('db', await pause(SAVE_TURN_MS + (on(c, 'history-linear') ? earlier * HISTORY_MS_PER_TURN : 0)));
  }

  return async (c, next) => {
    if (c.req.method === 'GET' && /^\/api\/orders\/[^/]+$/.test(c.req.path)) return orderLookup(c, next);
    if (c.req.method === 'POST' && c.req.path === '/api/chat') return chatTurn(c, next);
    return next();
  };
}
