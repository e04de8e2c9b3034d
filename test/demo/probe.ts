/**
 * Minimal clients for tests of the demo world, built on Node's own http/https/tls/dns so they do not
 * depend on the product's network layer: every request opens a fresh connection (a certificate
 * switched by a fault shows at once) to the world's loopback front.
 */
import { Resolver } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type PeerCertificate, type SecureVersion } from 'node:tls';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { World } from '../../src/demo/world.js';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Loopback address to connect to (default 127.0.0.1). */
  address?: string;
}

export function fetchVia(world: Pick<World, 'httpPort' | 'httpsPort' | 'caPem'>, url: string, options: FetchOptions = {}): Promise<Reply> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: options.address ?? '127.0.0.1',
        port: secure ? world.httpsPort : world.httpPort,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { host: target.host, ...options.headers },
        agent: false,
        ...(secure ? { servername: target.hostname, ca: world.caPem, rejectUnauthorized: false } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body.toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end(options.body);
  });
}

export interface Handshake {
  protocol: string | null;
  certificate: PeerCertificate;
}

/** A TLS handshake with the front for `host`; legacy protocol probes need OpenSSL security level 0. */
export function handshake(world: Pick<World, 'httpsPort'>, host: string, version?: SecureVersion): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: '127.0.0.1',
      port: world.httpsPort,
      servername: host,
      rejectUnauthorized: false,
      ...(version ? { minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    });
    socket.once('secureConnect', () => {
      resolve({ protocol: socket.getProtocol(), certificate: socket.getPeerCertificate() });
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

/** A resolver that asks only the world's DNS server. */
export function worldResolver(world: Pick<World, 'dns'>): Resolver {
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([world.dns.endpoint]);
  return resolver;
}

/** The addresses of a name, or the resolver's error code. */
export async function addressesOf(world: Pick<World, 'dns'>, name: string): Promise<string[] | string> {
  try {
    return (await worldResolver(world).resolve4(name)).sort();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
}
