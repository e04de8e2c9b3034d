/**
 * Honeypot tools: HTTP endpoints on loopback, standing in for the tools a bot calls over HTTP, that
 * record every call (name, arguments, session) and answer with the output the running case gives
 * (a product review or order note carrying an indirect injection). Point the bot's tool URLs at
 * `http://HOST:PORT/tools/<name>` in staging. Bodies are capped; it listens on loopback unless
 * configured on one other address of this machine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { UsageError } from '../core/errors.js';
import type { ToolCall } from './types.js';

export interface HoneypotCall extends ToolCall {
  /** From an `x-session-id` header, a `sessionId` argument or query parameter, when the bot forwards it. */
  sessionId?: string;
  /** Order of arrival, from 1. */
  seq: number;
}

export interface Honeypot {
  url: string;
  port: number;
  /** Every call from `fromSeq` (exclusive) on. */
  callsSince(fromSeq: number): HoneypotCall[];
  /** The last sequence number handed out. */
  seq(): number;
  /** Tool outputs for the calls that follow; unknown tools answer `{"ok":true}`. */
  setOutputs(outputs: Record<string, string>): void;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const MAX_CALLS = 10_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolveBody(''));
  });
}

function argsOf(body: string, query: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  if (body.trim() === '') return args;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...args, ...(parsed as Record<string, unknown>) };
    return { ...args, input: parsed };
  } catch {
    return { ...args, input: body };
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Loopback by default. A bot in a container or on another staging host cannot reach loopback, so
 * one of this machine's own addresses may be configured — one, never every interface: the
 * honeypot answers anyone who reaches it with whatever the case plants, and records what it hears.
 */
function checkHost(host: string): void {
  if (isLoopback(host)) return;
  const own = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  if (own.includes(host)) return;
  const hint = `use 127.0.0.1 (the default) or one address of this machine the bot can reach (${own.filter((a) => !isLoopback(a)).join(', ') || 'none besides loopback'})`;
  if (host === '0.0.0.0' || host === '::') throw new UsageError('LR_HONEYPOT_HOST', `chatbot.honeypot.host "${host}": the honeypot listens on one address, not on every interface; ${hint}.`);
  throw new UsageError('LR_HONEYPOT_HOST', `chatbot.honeypot.host "${host}": not an address of this machine; ${hint}.`);
}

export async function startHoneypot(options: { host?: string; port?: number } = {}): Promise<Honeypot> {
  const host = options.host ?? '127.0.0.1';
  checkHost(host);
  const calls: HoneypotCall[] = [];
  let seq = 0;
  let outputs: Record<string, string> = {};
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://honeypot');
      const m = /^\/tools\/([\w.-]{1,64})\/?$/.exec(url.pathname);
      if (!m) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"call /tools/<name>"}');
        return;
      }
      const args = argsOf(await readBody(req), url.searchParams);
      const header = req.headers['x-session-id'];
      const sessionId = typeof header === 'string' ? header : typeof args.sessionId === 'string' ? args.sessionId : undefined;
      const call: HoneypotCall = { name: m[1], args, via: 'honeypot', seq: ++seq };
      if (sessionId) call.sessionId = sessionId;
      calls.push(call);
      if (calls.length > MAX_CALLS) calls.shift();
      const output = outputs[m[1]];
      if (output === undefined) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else res.writeHead(200, { 'content-type': /^\s*[[{]/.test(output) ? 'application/json' : 'text/plain; charset=utf-8' }).end(output);
    })();
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new UsageError('LR_HONEYPOT_PORT', `chatbot.honeypot: cannot listen on ${host}:${options.port} (${err.code}); another process holds that port. Stop it, or pick a free port and point the bot's tool URLs there.`)
          : err,
      ),
    );
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    callsSince: (fromSeq) => calls.filter((c) => c.seq > fromSeq),
    seq: () => seq,
    setOutputs: (next) => {
      outputs = { ...next };
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
