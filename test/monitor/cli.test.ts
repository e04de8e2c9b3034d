/** The monitor's subcommands on a data folder: set-password, deploy, token; and the usage errors of `monitor`. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelsFor } from '../../src/monitor/alerts/router.js';
import { systemClock } from '../../src/monitor/clock.js';
import { SqliteStore } from '../../src/monitor/store/sqlite-store.js';
import { verifyPassword } from '../../src/monitor/web/auth/password.js';
import { tokenHash } from '../../src/monitor/web/auth/tokens.js';
import { runMonitorCli } from './process.js';

describe('monitor subcommands', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-monitor-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const data = () => join(dir, 'data');

  it('sets the admin password from stdin, refusing a short one', async () => {
    const weak = await runMonitorCli(['monitor', 'set-password', '--data', data()], {}, 'short\n');
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /at least 10 characters/);
    const ok = await runMonitorCli(['monitor', 'set-password', '--data', data()], {}, 'a long enough password\n');
    assert.equal(ok.code, 0, ok.stderr);
    const store = new SqliteStore(join(data(), 'monitor.db'), systemClock);
    try {
      assert.equal(await verifyPassword('a long enough password', (await store.setting('admin-password'))!), true);
    } finally {
      await store.close();
    }
  });

  it('records a deploy marker and creates an API token shown once', async () => {
    const deploy = await runMonitorCli(['monitor', 'deploy', '--version', 'v1.4.2', '--note', 'hotfix', '--data', data()]);
    assert.equal(deploy.code, 0, deploy.stderr);
    assert.match(deploy.stdout, /Deploy v1\.4\.2 recorded/);
    const token = await runMonitorCli(['monitor', 'token', 'prometheus', '--data', data()]);
    assert.equal(token.code, 0, token.stderr);
    const value = token.stdout.trim();
    assert.match(value, /^lrm_[A-Za-z0-9_-]{43}$/);
    const store = new SqliteStore(join(data(), 'monitor.db'), systemClock);
    try {
      const [d] = await store.deploys(0, Date.now() + 1);
      assert.deepEqual({ version: d.version, note: d.note, source: d.source }, { version: 'v1.4.2', note: 'hotfix', source: 'cli' });
      assert.equal((await store.apiToken(tokenHash(value), Date.now()))?.name, 'prometheus');
    } finally {
      await store.close();
    }
  });

  it('exits 2 with a clear message when the config is missing', async () => {
    const none = await runMonitorCli(['monitor', '--config', join(dir, 'nope.yaml'), '--data', data()]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /config file not found/);
  });
});

describe('alert routing', () => {
  const channels = [{ name: 'slack' }, { name: 'pager', minSeverity: 'critical' as const }, { name: 'email' }];
  it('sends to the monitor\'s own channels, or to all, less those above the severity', () => {
    assert.deepEqual(channelsFor(channels, undefined, 'critical'), ['slack', 'pager', 'email']);
    assert.deepEqual(channelsFor(channels, undefined, 'warning'), ['slack', 'email']);
    assert.deepEqual(channelsFor(channels, ['pager'], 'warning'), []);
    assert.deepEqual(channelsFor(channels, ['email', 'pager'], 'critical'), ['pager', 'email']);
  });
});
