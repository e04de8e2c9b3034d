/**
 * The bench's HTTP client: one undici Pool per target, driven through `dispatch` with a bare
 * handler (no promise or stream per request), routed through the run's connector so
 * --dns-server, --connect-to and --ca apply as everywhere else. Bodies are counted, never kept,
 * up to a byte cap; every request has a deadline.
 */
import { Client, Pool, type Dispatcher } from 'undici';
import type { DnsClient } from '../net/dns-client.js';
import { ResolveError, routedConnector } from '../net/connector.js';
import type { NetworkSettings } from '../net/settings.js';
import type { Clock } from './clock.js';
import type { Outcome } from './recorder.js';
import type { ErrorKind } from './result.js';

export interface BenchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body of request `index` (prompts rotate through a template), or undefined for none. */
  body(index: number): string | undefined;
}

export interface SenderOptions {
  dns: DnsClient;
  settings: NetworkSettings;
  clock: Clock;
  /** Connections to open at most; null opens one whenever all are busy (the open model's default). */
  connections: number | null;
  /** A request that has not ended this long after it was dispatched is a timeout. */
  timeoutMs: number;
  maxBodyBytes: number;
  onOutcome(outcome: Outcome): void;
}

class BenchError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Maps undici's and Node's error codes to the kinds the report counts. */
export function errorKind(err: unknown): ErrorKind {
  if (err instanceof BenchError) return err.kind;
  if (err instanceof ResolveError) return 'dns';
  const e = err as Error & { code?: string; cause?: Error & { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') return 'connect';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|ssl|tls/i.test(e.message)) return 'tls';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  return 'other';
}

function errorMessage(err: unknown): string {
  const e = err as Error & { code?: string; cause?: Error & { code?: string } };
  const code = e.code ?? e.cause?.code;
  return `${code ? `${code}: ` : ''}${e.message}`.slice(0, 200);
}

/**
 * With a fixed number of connections each request goes to an idle Client taken from a free list
 * (O(1); undici's Pool scans its clients and hands work over through 'drain' events, which costs
 * a measurable share of closed-model throughput). With no limit a Pool opens a connection whenever
 * all are busy, as an open-model stall needs.
 */
export class HttpSender {
  private readonly pool: Pool | undefined;
  private readonly clients: Client[] = [];
  private readonly idle: Client[] = [];
  /** Sends waiting for an idle client (open model with a connection cap). */
  private readonly waiting: RequestHandler[] = [];
  private readonly path: string;
  private readonly method: Dispatcher.HttpMethod;
  private readonly inFlight = new Set<RequestHandler>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly request: BenchRequest,
    readonly opts: SenderOptions,
  ) {
    const url = new URL(request.url);
    this.path = `${url.pathname}${url.search}`;
    this.method = request.method.toUpperCase() as Dispatcher.HttpMethod;
    const options = {
      connect: routedConnector(opts.dns, { ...opts.settings, timeoutMs: Math.min(opts.settings.timeoutMs, opts.timeoutMs) }),
      pipelining: 1,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
    };
    if (opts.connections === null) this.pool = new Pool(url.origin, { ...options, connections: null });
    else for (let i = 0; i < opts.connections; i++) this.clients.push(new Client(url.origin, options));
    this.idle.push(...this.clients);
    // One timer for every deadline: a timer per request would cost more than the request at high rates.
    this.sweep = setInterval(() => this.expire(), Math.min(100, opts.timeoutMs / 4));
    this.sweep.unref();
  }

  /**
   * Opens the connections before the clock starts, with an OPTIONS of the target's URL on each
   * (safe and cheap, RFC 9110 §9.3.7; its answer is ignored, and the target's own request may cost a
   * model call; undici closes the connection after a HEAD). Otherwise the first request on each
   * connection also pays for DNS, TCP and TLS, and in a short run of a few dozen requests that one
   * handshake is the p95. Connections opened later, while all are busy, are still timed in full.
   */
  async warmUp(deadlineMs: number): Promise<void> {
    const open = async (dispatcher: Pool | Client) => {
      try {
        const res = await dispatcher.request({
          path: this.path,
          method: 'OPTIONS',
          headers: { 'user-agent': this.request.headers['user-agent'] ?? '' },
          headersTimeout: deadlineMs,
          bodyTimeout: deadlineMs,
          signal: AbortSignal.timeout(deadlineMs),
        });
        await res.body.dump();
      } catch {
        // A host that refuses or ignores it fails the measured requests too, where it is counted.
      }
    };
    await Promise.all(this.pool ? [open(this.pool)] : this.clients.map(open));
    // A connection is free for the Pool only once undici has finished the response, a tick after its body ended.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Sends request `index`; its latency counts from `startAt`. `done` runs after its outcome is recorded. */
  send(index: number, startAt: number, done: () => void): void {
    const handler = new RequestHandler(this, index, startAt, this.opts.clock.now(), done);
    this.inFlight.add(handler);
    if (this.pool) this.dispatch(this.pool, handler);
    else {
      const client = this.idle.pop();
      if (client) this.dispatch(client, handler);
      else this.waiting.push(handler);
    }
  }

  private dispatch(dispatcher: Pool | Client, handler: RequestHandler): void {
    if (dispatcher instanceof Client) handler.client = dispatcher;
    dispatcher.dispatch({ path: this.path, method: this.method, headers: this.request.headers, body: this.request.body(handler.index) }, handler);
  }

  /** Called once per request by its handler: frees its client for the next send, then records. */
  settle(handler: RequestHandler, outcome: Outcome): void {
    if (!this.inFlight.delete(handler)) return;
    const client = handler.client;
    if (client) {
      // undici fails a client's queued requests in one loop on a connect error and asserts its queue is empty
      // afterwards, so after an error the client is handed back once that loop is over.
      if (outcome.error) queueMicrotask(() => this.release(client));
      else this.release(client);
    } else {
      const queued = this.waiting.indexOf(handler);
      if (queued >= 0) this.waiting.splice(queued, 1);
    }
    this.opts.onOutcome(outcome);
    handler.done();
  }

  private release(client: Client): void {
    const next = this.waiting.shift();
    if (next) this.dispatch(client, next);
    else this.idle.push(client);
  }

  private expire(): void {
    const now = this.opts.clock.now();
    for (const h of this.inFlight) if (now - h.dispatchedAt > this.opts.timeoutMs) h.abort(new BenchError('timeout', `no complete response within ${this.opts.timeoutMs} ms`));
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    await Promise.all([this.pool?.destroy(), ...this.clients.map((c) => c.destroy())]);
  }
}

/** `server-timing`, the only response header the bench reads, compared without decoding the others. */
const SERVER_TIMING = Buffer.from('server-timing');

function isServerTiming(name: Buffer): boolean {
  return name.length === SERVER_TIMING.length && name.toString('latin1').toLowerCase() === 'server-timing';
}

/**
 * undici's callback handler. It uses the raw-header callbacks (onHeaders/onData) rather than the
 * newer controller API: that one parses every header into an object per response, which costs a
 * measurable share of throughput when all the bench wants is one header.
 */
class RequestHandler implements Dispatcher.DispatchHandler {
  /** The fixed-connection client it was sent on, to give back when it ends. */
  client: Client | undefined;
  private abortRequest: ((err?: Error) => void) | undefined;
  private status: number | undefined;
  private headersAt: number | undefined;
  private serverTiming: string[] | undefined;
  private bytes = 0;

  constructor(
    private readonly sender: HttpSender,
    readonly index: number,
    private readonly startAt: number,
    readonly dispatchedAt: number,
    readonly done: () => void,
  ) {}

  abort(reason: BenchError): void {
    if (this.abortRequest) this.abortRequest(reason);
    else this.onError(reason);
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortRequest = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true;
    this.status = statusCode;
    this.headersAt = this.sender.opts.clock.now();
    for (let i = 0; i < rawHeaders.length; i += 2) {
      if (isServerTiming(rawHeaders[i])) (this.serverTiming ??= []).push(rawHeaders[i + 1].toString('latin1'));
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.bytes > this.sender.opts.maxBodyBytes) this.abortRequest?.(new BenchError('too-large', `body larger than ${this.sender.opts.maxBodyBytes} bytes`));
    return true;
  }

  onComplete(): void {
    const outcome: Outcome = { startAt: this.startAt, headersAt: this.headersAt, endAt: this.sender.opts.clock.now(), status: this.status };
    if (this.serverTiming !== undefined) outcome.serverTiming = this.serverTiming;
    this.sender.settle(this, outcome);
  }

  onError(err: Error): void {
    const outcome: Outcome = { startAt: this.startAt, endAt: this.sender.opts.clock.now(), error: { kind: errorKind(err), message: errorMessage(err) } };
    if (this.status !== undefined) {
      outcome.status = this.status;
      outcome.headersAt = this.headersAt;
    }
    this.sender.settle(this, outcome);
  }
}
