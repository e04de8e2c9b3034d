import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { connect } from 'node:tls';
import { readServerName } from '../../src/demo/client-hello.js';

/** The first bytes a real Node TLS client sends, captured by a plain TCP server. */
async function captureHello(servername?: string): Promise<Buffer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const first = new Promise<Buffer>((resolve) => server.once('connection', (s) => s.once('data', (d: Buffer) => { resolve(d); s.destroy(); })));
  const client = connect({ host: '127.0.0.1', port, ...(servername ? { servername } : {}), rejectUnauthorized: false });
  client.on('error', () => undefined);
  const hello = await first;
  client.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return hello;
}

describe('readServerName', () => {
  it('reads the SNI of a real ClientHello', async () => {
    assert.deepEqual(readServerName(await captureHello('Www.Acme.Test')), { complete: true, serverName: 'www.acme.test' });
  });

  it('waits for the rest of a record that arrived in pieces', async () => {
    const hello = await captureHello('api.acme.test');
    assert.deepEqual(readServerName(hello.subarray(0, 3)), { complete: false });
    assert.deepEqual(readServerName(hello.subarray(0, 40)), { complete: false });
  });

  it('reports no name for a hello without SNI, plain HTTP, or garbage', async () => {
    assert.deepEqual(readServerName(await captureHello()), { complete: true });
    assert.deepEqual(readServerName(Buffer.from('GET / HTTP/1.1\r\n\r\n')), { complete: true });
    const truncated = Buffer.from([22, 3, 1, 0, 8, 1, 0, 0, 4, 3, 3, 0, 0]);
    assert.deepEqual(readServerName(truncated), { complete: true });
  });
});
