/**
 * `launch-ready demo --serve` plus `launch-ready monitor` against it: real monitors of the demo
 * world, and outages switched on and off while both run (`demo fault NAME on|off`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { BIN, eventually, MONITOR_CLI, runMonitorCli, startProcess, type Running } from './process.js';

interface DashboardMonitor {
  name: string;
  state: string;
}

describe('monitoring the demo world', () => {
  let dir: string;
  let world: Running;
  let monitor: Running;
  let url: string;
  let token: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-monitor-demo-'));
    world = startProcess(BIN, ['demo', '--serve', '--dir', dir]);
    await world.waitFor(/The demo world is running/);
    // The demo's config, with the clock sped up: checks every 3 s instead of every minute.
    const config = parse(await readFile(join(dir, 'launch-ready.yaml'), 'utf8')) as { monitor: Record<string, unknown> };
    // Certificate monitors cost three handshakes a check: keep the two the test looks at, so the
    // test stays light beside the others running in parallel.
    const hosts = (config as unknown as { hosts: Array<string | { name: string }> }).hosts.map((h) => (typeof h === 'string' ? h : h.name));
    const exclude = hosts.filter((h) => h !== 'www.acme.test' && h !== 'admin.acme.test').map((h) => `${h} certificate`);
    config.monitor = { ...config.monitor, interval: '3s', timeout: '2500ms', confirm: { recheck: '500ms' }, targets: [], exclude };
    await writeFile(join(dir, 'monitor.yaml'), stringify(config));
    const data = join(dir, 'data');
    token = (await runMonitorCli(['monitor', 'token', 'test', '--data', data])).stdout.trim();
    monitor = startProcess(MONITOR_CLI, ['monitor', '--config', join(dir, 'monitor.yaml'), '--data', data, '--listen', '127.0.0.1:0']);
    url = (await monitor.waitFor(/dashboard: (http:\/\/127\.0\.0\.1:\d+)\//))[1];
  });
  after(async () => {
    await monitor?.stop();
    await world?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const states = async () => {
    const res = await fetch(`${url}/api/dashboard`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { monitors: DashboardMonitor[] };
    return new Map(body.monitors.map((m) => [m.name, m.state]));
  };
  const fault = async (name: string, state: 'on' | 'off') => assert.equal((await runCli(['demo', 'fault', name, state, '--dir', dir])).code, 0);

  it('shows the planted faults as down monitors and the healthy parts as up', async () => {
    await eventually(async () => {
      const m = await states();
      const expected = { checkout: 'down', home: 'up', 'admin.acme.test certificate': 'down', 'www.acme.test certificate': 'up', 'shop.acme.test': 'down' };
      return Object.entries(expected).every(([name, state]) => m.get(name) === state);
    }, 'checkout down, home up, the expired certificate failing and the valid one not, the host without a DNS record down');
    assert.match(monitor.stdout(), /alert opened: \[critical\] checkout is down/);
  });

  it('follows faults switched while it runs: a repaired checkout recovers, a host taken down alerts', async () => {
    await fault('checkout-down', 'off');
    await eventually(async () => (await states()).get('checkout') === 'up', 'checkout up after the fault is switched off');
    assert.match(monitor.stdout(), /alert recovered: \[critical\] checkout recovered/);
    await fault('www-down', 'on');
    await eventually(async () => (await states()).get('home') === 'down', 'home down while www is down');
    assert.match(monitor.stdout(), /alert opened: \[critical\] home is down .*status: 503/);
    await fault('www-down', 'off');
    await eventually(async () => (await states()).get('home') === 'up', 'home back');
  });

  it('publishes the public status page', async () => {
    const page = await (await fetch(`${url}/status`)).text();
    assert.match(page, /Acme Shop status/);
    for (const name of ['home', 'checkout', 'chat', 'orders']) assert.match(page, new RegExp(`<h2>${name} `));
    assert.ok(!page.includes('acme.test/'), 'no URLs on the public page');
  });
});
