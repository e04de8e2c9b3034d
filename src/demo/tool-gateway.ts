/**
 * The demo bot's tool gateway: its data tools call out over HTTP, as a real bot's do, to
 * `http://127.0.0.1:PORT/tools/<name>` — the port the world's config gives the eval for its
 * honeypot (chatbot.honeypot). While an eval runs, the honeypot records each call and may serve a
 * planted output; otherwise nothing listens there and the bot uses the shop's own data.
 */
import { createServer } from 'node:net';
import type { ToolGateway } from './chatbot.js';

/** A refused connection on loopback fails at once; this bounds a gateway that accepts and stalls. */
const GATEWAY_TIMEOUT_MS = 1000;

/** POSTs the arguments as JSON with the chat session in `x-session-id`; any failure is "no output". */
export function httpToolGateway(baseUrl: string): ToolGateway {
  return async (name, args, sessionId) => {
    try {
      const res = await fetch(`${baseUrl}/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-session-id': sessionId },
        body: JSON.stringify(args),
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
      return res.ok ? ((await res.json()) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** A loopback port free right now, for the honeypot an eval starts later. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
