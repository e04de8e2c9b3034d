/** A loopback site whose health the test switches: up, answering 503, or refusing connections. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Target {
  url: string;
  port: number;
  /** 'up': 200 "ok"; 'error': 503; 'down': the port refuses connections. */
  mode: 'up' | 'error';
  requests: number;
  /** Fails the next N requests with 503, then serves normally. */
  failNext(n: number): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTarget(): Promise<Target> {
  let failures = 0;
  let server: Server | undefined;
  const target = { mode: 'up', requests: 0 } as Target;
  const listen = async (port: number) => {
    server = createServer((_req, res) => {
      target.requests++;
      if (target.mode === 'error' || failures > 0) {
        failures = Math.max(0, failures - 1);
        res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  target.port = await listen(0);
  target.url = `http://127.0.0.1:${target.port}/health`;
  target.failNext = (n) => {
    failures = n;
  };
  target.down = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  target.up = async () => {
    if (!server) await listen(target.port);
  };
  target.close = () => target.down();
  return target;
}
