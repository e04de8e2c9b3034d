/** A small chatbot on loopback for eval tests: its behaviour is a function of the request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DnsClient } from '../../src/net/dns-client.js';
import { HttpClient } from '../../src/net/http-client.js';
import { DEFAULT_NETWORK, type NetworkSettings } from '../../src/net/settings.js';
import { parseJsonPath } from '../../src/eval/json-path.js';
import type { ChatTarget } from '../../src/eval/target.js';

export interface BotRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export type BotHandler = (req: BotRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeBot {
  url: string;
  requests: BotRequest[];
  /** Most requests in flight at once. */
  peak: number;
  close(): Promise<void>;
}

export async function startFakeBot(handle: BotHandler): Promise<FakeBot> {
  const bot: FakeBot = { url: '', requests: [], peak: 0, close: async () => undefined };
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      inFlight++;
      bot.peak = Math.max(bot.peak, inFlight);
      res.on('close', () => inFlight--);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        body = { raw };
      }
      const request = { path: req.url ?? '/', headers: req.headers, body };
      bot.requests.push(request);
      void handle(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  bot.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  bot.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return bot;
}

export function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function testHttp(over: Partial<NetworkSettings> = {}): HttpClient {
  const settings: NetworkSettings = { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test', timeoutMs: 3000, ...over };
  return new HttpClient(settings, new DnsClient(settings));
}

export function targetFor(url: string, over: Partial<ChatTarget> = {}): ChatTarget {
  return {
    endpoint: `${url}/chat`,
    method: 'POST',
    headers: {},
    bodyTemplate: '{"message":"{{prompt}}","sessionId":"{{sessionId}}"}',
    reply: parseJsonPath('$.reply'),
    toolCalls: parseJsonPath('$.tools'),
    sessionId: parseJsonPath('$.sessionId'),
    forbiddenTools: ['refund_order'],
    latencyBudgetMs: 2000,
    internalHosts: [],
    faultHooks: {},
    maxRequests: 1000,
    ...over,
  };
}
