/**
 * A tiny control endpoint on loopback for a running demo world, so `launch-ready demo fault NAME on|off`
 * (or curl) can switch faults: `GET /faults`, `POST /faults/NAME/on`, `POST /faults/NAME/off`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { UsageError } from '../core/errors.js';
import type { World } from './world.js';

export interface Control {
  port: number;
  /** e.g. `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

export async function startControl(world: Pick<World, 'faults' | 'setFault' | 'settled'>, host = '127.0.0.1'): Promise<Control> {
  let port = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Only this exact authority: a web page cannot reach the endpoint through DNS rebinding.
    if (req.headers.host !== `${host}:${port}` && req.headers.host !== `localhost:${port}`) return send(res, 421, { error: 'wrong host' });
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/faults') return send(res, 200, world.faults.list());
    const m = /^\/faults\/([a-z0-9-]+)\/(on|off)$/.exec(path);
    if (!m) return send(res, 404, { error: 'use GET /faults or POST /faults/NAME/on|off' });
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    try {
      world.setFault(m[1], m[2] === 'on');
    } catch (err) {
      if (err instanceof UsageError) return send(res, 404, { error: err.message });
      throw err;
    }
    // Answer once the switch has taken effect (a repository fault rebuilds the demo repository), so a
    // command run right after sees it.
    world.settled().then(
      () => send(res, 200, { name: m[1], on: m[2] === 'on' }),
      (err: Error) => send(res, 500, { error: `${m[1]} switched, but the world did not follow: ${err.message}` }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
