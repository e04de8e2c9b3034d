/** Serves the web app with @hono/node-server on HOST:PORT (loopback by default). */
import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { MonitorService } from '../service.js';
import { createWebApp, type WebApp } from './app.js';

export interface WebServer {
  url: string;
  port: number;
  web: WebApp;
  close(): Promise<void>;
}

export function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new Error(`--listen "${value}": expected HOST:PORT such as 127.0.0.1:4100`);
  return { host: m[1] ?? m[2], port };
}

export async function startWebServer(service: MonitorService, listen: { host: string; port: number }, options: { secureCookies?: boolean } = {}): Promise<WebServer> {
  const web = await createWebApp(service, options);
  const server = createAdaptorServer({ fetch: web.app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}`,
    port,
    web,
    close: () =>
      new Promise((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
