import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../src/core/errors.js';
import { startWorkerWorld, type WorkerWorld } from '../../src/demo/world-worker.js';
import { fetchVia } from './probe.js';

describe('demo world on a worker thread', () => {
  let world: WorkerWorld;
  before(async () => {
    world = await startWorkerWorld({ fixed: true, control: true });
  });
  after(async () => {
    await world?.close();
  });

  it('hands back what a caller needs: endpoints, CA, repository, config, support files', async () => {
    assert.ok(existsSync(world.repoDir));
    assert.match(world.caPem, /^-----BEGIN CERTIFICATE-----/);
    assert.equal(world.network.dnsServers[0], world.dns.endpoint);
    const config = await world.configYaml('./ca.pem');
    assert.match(config, /\.\/ca\.pem/);
    assert.ok(config.includes(world.repoDir));
    assert.ok(Object.keys(world.supportFiles).length > 0);
    const reply = await fetchVia(world, 'https://www.acme.test/api/version');
    assert.equal(reply.status, 200);
  });

  it('switches faults on the world thread, and through its control endpoint', async () => {
    assert.equal((await world.faults()).find((f) => f.name === 'www-down')?.on, false);
    await world.setFault('www-down', true);
    assert.equal((await fetchVia(world, 'https://www.acme.test/')).status, 503);
    const off = await fetch(`${world.control}/faults/www-down/off`, { method: 'POST' });
    assert.equal(off.status, 200);
    assert.equal((await fetchVia(world, 'https://www.acme.test/')).status, 200);
    assert.equal((await world.faults()).find((f) => f.name === 'www-down')?.on, false);
  });

  it('rejects an unknown fault with a usage error that crossed the thread', async () => {
    await assert.rejects(world.setFault('www-dwn', true), (err: unknown) => err instanceof UsageError && err.code === 'LR_UNKNOWN_FAULT' && /www-down/.test(err.message));
  });
});

describe('demo world worker lifecycle', () => {
  it('close() removes the temporary repository and ends the thread', async () => {
    const world = await startWorkerWorld();
    assert.ok(existsSync(world.repoDir));
    await world.close();
    await world.ended;
    assert.equal(existsSync(world.repoDir), false);
    await assert.rejects(world.faults(), /thread ended/);
  });

  it('a world that cannot start rejects with its usage error', async () => {
    await assert.rejects(startWorkerWorld({ faults: { 'no-such-fault': true } }), (err: unknown) => err instanceof UsageError && err.code === 'LR_UNKNOWN_FAULT');
  });
});
