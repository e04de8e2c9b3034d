import { brotliDecompressSync, gunzipSync, inflateSync, constants as zlib } from 'node:zlib';
import { Agent, Client, type Dispatcher } from 'undici';
import type { HttpExchange, NetError, RedirectChain } from '../core/artifacts.js';
import { ResolveError, routedConnector } from './connector.js';
import type { DnsClient } from './dns-client.js';
import type { NetworkSettings } from './settings.js';

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Connect to this address instead of the first DNS answer (the name is still used for SNI and Host). */
  pinAddress?: string;
  /** Overrides the run's body cap for this request (e.g. large bundles a scanner must read whole). */
  maxBodyBytes?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function classify(err: unknown): NetError {
  const e = err as Error & { code?: string; cause?: Error & { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = `${code ? `${code}: ` : ''}${e.message}`.slice(0, 300);
  if (err instanceof ResolveError) return { code: err.code as NetError['code'], message };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { code: 'connect-timeout', message };
  if (code === 'ECONNREFUSED') return { code: 'connect-refused', message };
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return { code: 'headers-timeout', message };
  if (code === 'UND_ERR_BODY_TIMEOUT') return { code: 'body-timeout', message };
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_ABORTED') return { code: 'timeout', message };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return { code: 'reset', message };
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|ssl|tls/i.test(e.message)) return { code: 'tls', message };
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') return { code: 'bad-response', message };
  return { code: 'unknown', message };
}

/** Decodes a (possibly truncated) compressed body without ever growing past the cap. */
function decode(raw: Buffer, encoding: string | undefined, cap: number): string {
  const opts = { maxOutputLength: cap, finishFlush: zlib.Z_SYNC_FLUSH };
  try {
    switch ((encoding ?? '').trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(raw, opts).toString('utf8');
      case 'br':
        return brotliDecompressSync(raw, { maxOutputLength: cap, finishFlush: zlib.BROTLI_OPERATION_FLUSH }).toString('utf8');
      case 'deflate':
        return inflateSync(raw, opts).toString('utf8');
      default:
        return raw.toString('utf8');
    }
  } catch {
    return raw.subarray(0, cap).toString('utf8');
  }
}

/**
 * HTTP for a whole run. Every request has a connect, headers and body timeout, an overall deadline
 * (twice the phase timeout, so a server dripping a byte a second still ends), a byte cap, and is
 * never redirected automatically. GET results are memoised, so each URL is fetched once per run.
 * Failures are returned as data on the exchange, never thrown.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly memo = new Map<string, Promise<HttpExchange>>();

  constructor(
    private readonly settings: NetworkSettings,
    private readonly dns: DnsClient,
  ) {
    this.agent = new Agent({
      connect: routedConnector(dns, settings),
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      connections: 4,
    });
  }

  request(url: string, opts: RequestOptions = {}): Promise<HttpExchange> {
    const method = (opts.method ?? 'GET').toUpperCase();
    if (method !== 'GET' || opts.body !== undefined) return this.send(url, method, opts);
    const key = JSON.stringify([url, opts.headers ?? {}, opts.pinAddress ?? '', opts.maxBodyBytes ?? 0]);
    let hit = this.memo.get(key);
    if (!hit) {
      hit = this.send(url, method, opts);
      this.memo.set(key, hit);
    }
    return hit;
  }

  private async send(url: string, method: string, opts: RequestOptions): Promise<HttpExchange> {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    const base: HttpExchange = { url, method, headers: {}, body: '', bodyBytes: 0, truncated: false, timings: { totalMs: 0 } };
    if (opts.pinAddress) base.address = opts.pinAddress;
    let dispatcher: Dispatcher = this.agent;
    let pinned: Client | undefined;
    try {
      const parsed = new URL(url);
      if (opts.pinAddress) {
        // A pooled connection could belong to another address, so a pinned request gets its own client.
        pinned = new Client(parsed.origin, {
          connect: routedConnector(this.dns, this.settings, opts.pinAddress),
          headersTimeout: this.settings.timeoutMs,
          bodyTimeout: this.settings.timeoutMs,
        });
        dispatcher = pinned;
      }
      const res = await dispatcher.request({
        origin: parsed.origin,
        path: `${parsed.pathname}${parsed.search}`,
        method: method as Dispatcher.HttpMethod,
        headers: {
          'user-agent': this.settings.userAgent,
          accept: '*/*',
          'accept-encoding': 'gzip, br',
          ...opts.headers,
        },
        body: opts.body,
        signal: AbortSignal.timeout(this.settings.timeoutMs * 2),
      });
      base.status = res.statusCode;
      base.timings.ttfbMs = elapsed();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) base.headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
      }
      const chunks: Buffer[] = [];
      const cap = opts.maxBodyBytes ?? this.settings.maxBodyBytes;
      try {
        for await (const chunk of res.body) {
          const buf = chunk as Buffer;
          base.bodyBytes += buf.length;
          if (base.bodyBytes > cap) {
            chunks.push(buf.subarray(0, buf.length - (base.bodyBytes - cap)));
            base.bodyBytes = cap;
            base.truncated = true;
            break;
          }
          chunks.push(buf);
        }
      } catch (err) {
        base.error = classify(err);
      } finally {
        if (base.truncated || base.error) res.body.destroy();
      }
      // A body with no declared length that outgrows the cap looks endless: say so, so a route that streams for ever is a finding.
      if (base.truncated && !base.error && base.headers['content-length'] === undefined) {
        base.error = { code: 'too-large', message: `the body did not end within ${cap} bytes (no Content-Length); stopped reading` };
      }
      base.body = decode(Buffer.concat(chunks), base.headers['content-encoding']?.[0], cap);
    } catch (err) {
      base.error = classify(err);
    } finally {
      if (pinned) pinned.destroy().catch(() => undefined);
    }
    base.timings.totalMs = elapsed();
    return base;
  }

  /**
   * Follows redirects by hand (RFC 9110 §15.4) so every hop is evidence: stops on a repeated URL
   * (loop), after `maxRedirects`, on a bad Location, or on a failure.
   */
  async follow(url: string, opts: RequestOptions = {}): Promise<RedirectChain> {
    const exchanges: HttpExchange[] = [];
    const seen = new Set<string>();
    let current = url;
    let method = (opts.method ?? 'GET').toUpperCase();
    let body = opts.body;
    for (;;) {
      seen.add(`${method} ${current}`);
      const ex = await this.request(current, { ...opts, method, body });
      exchanges.push(ex);
      if (ex.error && ex.status === undefined) return { startUrl: url, exchanges, outcome: 'error' };
      const location = ex.headers.location?.[0];
      if (!ex.status || !REDIRECT_STATUSES.has(ex.status) || location === undefined) return { startUrl: url, exchanges, outcome: 'ok' };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { startUrl: url, exchanges, outcome: 'bad-location' };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { startUrl: url, exchanges, outcome: 'bad-location' };
      // 303 always becomes GET; browsers also turn POST into GET on 301/302.
      if (ex.status === 303 || ((ex.status === 301 || ex.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      next.hash = '';
      current = next.toString();
      if (seen.has(`${method} ${current}`)) return { startUrl: url, exchanges, outcome: 'loop' };
      if (exchanges.length > this.settings.maxRedirects) return { startUrl: url, exchanges, outcome: 'too-many-redirects' };
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}
