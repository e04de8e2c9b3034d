/**
 * Single timed requests for the latency stage's probes. Unlike the run's HttpClient it never
 * memoises (a repeated read must really be repeated) and takes a deadline per request (a chat
 * turn may legitimately take longer than the network timeout). The body is read up to the cap
 * for the caller, and left out of the returned exchange.
 */
import { Agent, type Dispatcher } from 'undici';
import type { HttpExchange } from '../../core/artifacts.js';
import { routedConnector } from '../../net/connector.js';
import type { DnsClient } from '../../net/dns-client.js';
import { classify } from '../../net/http-client.js';
import type { NetworkSettings } from '../../net/settings.js';

export interface TimedRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole request, connect to last byte. */
  deadlineMs: number;
}

export interface TimedResponse {
  exchange: HttpExchange;
  /** The body as text, up to the byte cap; not part of the exchange. */
  text: string;
}

export class TimedFetcher {
  private readonly agent: Agent;

  constructor(
    private readonly settings: NetworkSettings,
    dns: DnsClient,
  ) {
    // One connection per origin: a lane sends one request at a time, and with a second connection undici
    // would open it for the next request (the first is marked free a tick after its body ends), timing a handshake.
    this.agent = new Agent({ connect: routedConnector(dns, settings), connections: 1 });
  }

  async fetch(url: string, req: TimedRequest): Promise<TimedResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const exchange: HttpExchange = { url, method, headers: {}, body: '', bodyBytes: 0, truncated: false, timings: { totalMs: 0 } };
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    const chunks: Buffer[] = [];
    try {
      const res = await this.agent.request({
        origin: new URL(url).origin,
        path: `${new URL(url).pathname}${new URL(url).search}`,
        method: method as Dispatcher.HttpMethod,
        headers: { 'user-agent': this.settings.userAgent, accept: '*/*', ...req.headers },
        body: req.body,
        headersTimeout: req.deadlineMs,
        bodyTimeout: req.deadlineMs,
        signal: AbortSignal.timeout(req.deadlineMs),
      });
      exchange.status = res.statusCode;
      exchange.timings.ttfbMs = elapsed();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) exchange.headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
      }
      for await (const chunk of res.body) {
        const buf = chunk as Buffer;
        exchange.bodyBytes += buf.length;
        if (exchange.bodyBytes > this.settings.maxBodyBytes) {
          exchange.truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(buf);
      }
    } catch (err) {
      exchange.error = classify(err);
    }
    exchange.timings.totalMs = elapsed();
    return { exchange, text: Buffer.concat(chunks).toString('utf8') };
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}
