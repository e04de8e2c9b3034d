import { randomInt } from 'node:crypto';
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

/**
 * Ports below the usual ephemeral ranges (Linux 32768–60999, Windows and macOS 49152+): a port handed
 * out by listen(0) comes from that range, so until the eval binds it any outgoing connection (the
 * audit makes hundreds) may take it. One from below the range stays free unless someone asks for it.
 */
const QUIET_PORTS = { from: 20000, to: 32767 };
const PORT_TRIES = 20;

function listensOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** A loopback port free right now, for the honeypot an eval starts later. */
export async function freeLoopbackPort(): Promise<number> {
  for (let i = 0; i < PORT_TRIES; i++) {
    const port = await listensOn(randomInt(QUIET_PORTS.from, QUIET_PORTS.to + 1));
    if (port !== undefined) return port;
  }
  const any = await listensOn(0);
  if (any === undefined) throw new Error('no free loopback port for the demo honeypot');
  return any;
}
