import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { DnsClient } from '../../src/net/dns-client.js';
import { HttpClient } from '../../src/net/http-client.js';
import { DEFAULT_NETWORK, parseConnectTo, type NetworkSettings } from '../../src/net/settings.js';

let web: Server;
let web2: Server;
let silent: TcpServer;
const sockets = new Set<Socket>();
let port = 0;
let silentPort = 0;

function listen(server: Server | TcpServer, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as { port: number }).port)));
}

before(async () => {
  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    const path = req.url ?? '/';
    if (path === '/loop-a') return res.writeHead(301, { location: '/loop-b' }).end();
    if (path === '/loop-b') return res.writeHead(301, { location: '/loop-a' }).end();
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      return res.writeHead(302, { location: `/hop/${n + 1}` }).end();
    }
    if (path === '/bad-location') return res.writeHead(301, { location: 'javascript:alert(1)' }).end();
    if (path === '/post-303') return res.writeHead(303, { location: '/echo' }).end();
    if (path === '/echo') return res.end(JSON.stringify({ method: req.method, host: req.headers.host, local: req.socket.localAddress }));
    if (path === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
      return res.end(gzipSync('x'.repeat(5000)));
    }
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      req.socket.on('close', () => res.off('drain', pump));
      return pump();
    }
    if (path === '/drip') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const t = setInterval(() => res.write('.'), 100);
      req.socket.on('close', () => clearInterval(t));
      return;
    }
    res.writeHead(404).end('nope');
  };
  web = createServer(handler);
  web2 = createServer(handler);
  web.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  silent = createTcpServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  port = await listen(web, '127.0.0.1');
  await new Promise<void>((resolve) => web2.listen(port, '127.0.0.2', () => resolve()));
  web2.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  silentPort = await listen(silent, '127.0.0.1');
});

after(() => {
  for (const s of sockets) s.destroy();
  web.close();
  web2.close();
  silent.close();
});

function client(over: Partial<NetworkSettings> = {}): HttpClient {
  const settings: NetworkSettings = {
    ...DEFAULT_NETWORK,
    userAgent: 'test',
    timeoutMs: 400,
    connectTo: [parseConnectTo(`shop.test:80:127.0.0.1:${port}`), parseConnectTo(`silent.test:80:127.0.0.1:${silentPort}`), parseConnectTo(`pinned.test:80::${port}`)],
    ...over,
  };
  return new HttpClient(settings, new DnsClient(settings));
}

describe('HttpClient', () => {
  it('keeps the name for Host while connecting where --connect-to says', async () => {
    const http = client();
    const ex = await http.request('http://shop.test/echo');
    assert.equal(ex.status, 200);
    assert.equal(JSON.parse(ex.body).host, 'shop.test');
    await http.close();
  });

  it('pins a request to one address (empty connect-to address keeps it) with the port rewritten', async () => {
    const http = client();
    const ex = await http.request('http://pinned.test/echo', { pinAddress: '127.0.0.2' });
    assert.equal(ex.address, '127.0.0.2');
    assert.equal(JSON.parse(ex.body).local, '127.0.0.2');
    await http.close();
  });

  it('reports a redirect loop with every hop as evidence', async () => {
    const http = client();
    const chain = await http.follow('http://shop.test/loop-a');
    assert.equal(chain.outcome, 'loop');
    assert.deepEqual(chain.exchanges.map((e) => e.url), ['http://shop.test/loop-a', 'http://shop.test/loop-b']);
    await http.close();
  });

  it('stops after the redirect cap', async () => {
    const http = client({ maxRedirects: 5 });
    const chain = await http.follow('http://shop.test/hop/0');
    assert.equal(chain.outcome, 'too-many-redirects');
    assert.equal(chain.exchanges.length, 6);
    await http.close();
  });

  it('refuses a non-http Location and turns POST into GET on 303', async () => {
    const http = client();
    assert.equal((await http.follow('http://shop.test/bad-location')).outcome, 'bad-location');
    const chain = await http.follow('http://shop.test/post-303', { method: 'POST', body: '{}' });
    assert.equal(JSON.parse(chain.exchanges[1].body).method, 'GET');
    await http.close();
  });

  it('decodes gzip bodies while counting wire bytes', async () => {
    const http = client();
    const ex = await http.request('http://shop.test/gzip');
    assert.equal(ex.body.length, 5000);
    assert.ok(ex.bodyBytes < 200);
    await http.close();
  });

  it('cuts an endless body at the byte cap', async () => {
    const http = client({ maxBodyBytes: 100_000 });
    const ex = await http.request('http://shop.test/endless');
    assert.equal(ex.truncated, true);
    assert.equal(ex.bodyBytes, 100_000);
    assert.equal(ex.body.length, 100_000);
    assert.equal(ex.error?.code, 'too-large');
    await http.close();
  });

  it('ends a drip-feed at the overall deadline', async () => {
    const http = client();
    const ex = await http.request('http://shop.test/drip');
    assert.equal(ex.status, 200);
    assert.equal(ex.error?.code, 'timeout');
    await http.close();
  });

  it('gives up on a server that accepts and never answers', async () => {
    const http = client();
    const ex = await http.request('http://silent.test/');
    assert.equal(ex.status, undefined);
    assert.match(ex.error?.code ?? '', /headers-timeout|timeout/);
    await http.close();
  });

  it('reports refused connections and unresolvable names as data', async () => {
    const http = client({ connectTo: [parseConnectTo('closed.test:80:127.0.0.1:1')], dnsServers: ['127.0.0.1:1'] });
    assert.equal((await http.request('http://closed.test/')).error?.code, 'connect-refused');
    const dnsFail = await http.request('http://nowhere.test/');
    assert.match(dnsFail.error?.code ?? '', /^dns-/);
    await http.close();
  });
});
