/**
 * The demo world's front: one HTTP and one HTTPS port, the same numbers on every loopback address
 * given (the apex resolves to two). HTTPS connections are routed by the server name in their
 * ClientHello to a TLS server whose settings suit that host — a modern one, or one that still
 * accepts TLS 1.0/1.1 or a SHA-1 certificate (OpenSSL security level 0) — and the host's
 * certificate, all decided per connection from the current fault state.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { IssuedCertificate } from './ca.js';
import { MAX_CLIENT_HELLO, readServerName } from './client-hello.js';
import type { Connection } from './edge.js';

export interface TlsChoice {
  certificate: IssuedCertificate;
  /** Accept TLS 1.0 and 1.1. */
  legacyProtocols: boolean;
}

export interface FrontOptions {
  /** Loopback addresses to bind, the first one first. */
  addresses: readonly string[];
  handle(request: Request, connection: Connection): Promise<Response>;
  /** Chosen per connection; `undefined` when the client sent no server name. */
  tlsFor(serverName: string | undefined): TlsChoice;
  /** How long a client may take to send its ClientHello. */
  helloTimeoutMs?: number;
}

export interface Front {
  httpPort: number;
  httpsPort: number;
  close(): Promise<void>;
}

/** OpenSSL 3 refuses TLS 1.0/1.1 and SHA-1 certificates above security level 0. */
const LOW_SECURITY = 'DEFAULT@SECLEVEL=0';
const MAX_BIND_ATTEMPTS = 20;

function listen(server: NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}

function closeServer(server: NetServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Binds one server per address on one shared port, retrying when the port is taken on a later address. */
async function bindAll(make: () => NetServer, addresses: readonly string[]): Promise<{ port: number; servers: NetServer[] }> {
  for (let attempt = 1; ; attempt++) {
    const servers: NetServer[] = [];
    try {
      let port = 0;
      for (const address of addresses) {
        const server = make();
        servers.push(server);
        port = await listen(server, port, address);
      }
      return { port, servers };
    } catch (err) {
      await Promise.all(servers.filter((s) => s.listening).map(closeServer));
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= MAX_BIND_ATTEMPTS) throw err;
    }
  }
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const listener = getRequestListener(
    (request, env) => {
      const socket = env.incoming.socket;
      return options.handle(request, { localAddress: socket.localAddress ?? '', secure: 'encrypted' in socket && socket.encrypted === true });
    },
    // Leave the process's global Request/Response alone: the audit may run in the same process.
    { overrideGlobalObjects: false },
  );

  // One TLS server per certificate and protocol range, made on first use. They never listen: the
  // router hands them connections. (A server per certificate rather than an SNI callback because
  // Node adds an SNI context's certificate beside the default one, and OpenSSL may then pick the
  // default's key type.)
  const tlsServers = new Map<string, HttpsServer>();
  function tlsServerFor(choice: TlsChoice): HttpsServer {
    const lowSecurity = choice.legacyProtocols || choice.certificate.weak;
    const key = `${choice.legacyProtocols} ${lowSecurity} ${choice.certificate.certPem}`;
    let server = tlsServers.get(key);
    if (!server) {
      server = createHttpsServer(
        {
          cert: choice.certificate.certPem,
          key: choice.certificate.keyPem,
          minVersion: choice.legacyProtocols ? 'TLSv1' : 'TLSv1.2',
          ...(lowSecurity ? { ciphers: LOW_SECURITY } : {}),
        },
        listener,
      );
      server.on('tlsClientError', (_err, socket) => socket.destroy());
      tlsServers.set(key, server);
    }
    return server;
  }

  const helloTimeoutMs = options.helloTimeoutMs ?? 5000;
  function routeTls(socket: Socket): void {
    track(socket);
    socket.on('error', () => socket.destroy());
    socket.setTimeout(helloTimeoutMs, () => socket.destroy());
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const hello = readServerName(received);
      if (!hello.complete && received.length < MAX_CLIENT_HELLO) return;
      socket.off('data', onData);
      socket.pause();
      socket.setTimeout(0);
      socket.unshift(received);
      tlsServerFor(options.tlsFor(hello.complete ? hello.serverName : undefined)).emit('connection', socket);
    };
    socket.on('data', onData);
  }

  const https = await bindAll(() => createNetServer(routeTls), options.addresses);
  const http = await bindAll(() => {
    const server: HttpServer = createHttpServer(listener);
    server.on('connection', track);
    return server;
  }, options.addresses);

  return {
    httpPort: http.port,
    httpsPort: https.port,
    close: async () => {
      const closing = [...https.servers, ...http.servers].map(closeServer);
      for (const socket of sockets) socket.destroy();
      await Promise.all(closing);
    },
  };
}
