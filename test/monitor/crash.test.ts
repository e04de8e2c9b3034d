/**
 * kill -9 of the monitor while it writes: the database stays consistent, at most the write batch in
 * flight is lost, and alerts queued before the crash are delivered after the restart, once each.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BASE_CONFIG } from './harness.js';
import { eventually, MONITOR_CLI, startProcess } from './process.js';
import { startWebhookReceiver, type WebhookReceiver } from './receivers.js';
import { startTarget, type Target } from './target.js';

const MONITORS = 30;

describe('monitor process killed with SIGKILL', () => {
  let dir: string;
  let target: Target;
  let hooks: WebhookReceiver;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-monitor-crash-'));
    [target, hooks] = await Promise.all([startTarget(), startWebhookReceiver()]);
    const targets = Array.from({ length: MONITORS }, (_, i) => `    - { name: m${i}, url: "${target.url}?m=${i}" }`).join('\n');
    await writeFile(
      join(dir, 'launch-ready.yaml'),
      `${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  interval: 1s
  timeout: 800ms
  confirm: { recheck: 300ms }
  targets:
${targets}
  alerts:
    - { type: webhook, url: "\${HOOK_URL}" }
`,
    );
  });
  after(async () => {
    await Promise.all([target.close(), hooks.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('loses no queued alert and at most the write batch in flight', async () => {
    const db = join(dir, 'data', 'monitor.db');
    const args = ['monitor', '--config', join(dir, 'launch-ready.yaml'), '--data', join(dir, 'data'), '--listen', '127.0.0.1:0'];
    const env = { HOOK_URL: `${hooks.url}/hook` };
    hooks.respond = 'hang';
    target.mode = 'error';
    const first = startProcess(MONITOR_CLI, args, env);
    await first.waitFor(/dashboard: http/);
    const read = () => new Database(db, { readonly: true, fileMustExist: true });
    await eventually(async () => {
      const r = read();
      try {
        const queued = (r.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n;
        const results = (r.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n;
        return queued >= MONITORS && results >= 4 * MONITORS;
      } finally {
        r.close();
      }
    }, 'every monitor down with its alert queued');
    const killedAt = Date.now();
    assert.equal(await first.stop('SIGKILL'), 'SIGKILL');

    const r = read();
    const integrity = r.pragma('integrity_check', { simple: true });
    const last = (r.prepare('SELECT max(t) AS t FROM results').get() as { t: number }).t;
    const queued = (r.prepare("SELECT key FROM outbox WHERE state = 'pending' ORDER BY key").all() as Array<{ key: string }>).map((x) => x.key);
    r.close();
    assert.equal(integrity, 'ok');
    // Batches commit every 250 ms and every monitor runs each second: the newest result on disk is recent.
    assert.ok(killedAt - last < 1500, `last committed result ${killedAt - last} ms before the kill`);
    assert.ok(queued.length >= MONITORS);

    hooks.respond = 200;
    const second = startProcess(MONITOR_CLI, args, env);
    await eventually(async () => hooks.received.filter((x) => x.status === 200).length >= queued.length, 'the queued alerts delivered after the restart');
    assert.equal(await second.stop('SIGTERM'), 0);
    const delivered = hooks.received.filter((x) => x.status === 200).map((x) => JSON.parse(x.body) as { event: string; monitorName: string });
    const opened = delivered.filter((d) => d.event === 'opened').map((d) => d.monitorName).sort();
    assert.deepEqual(opened, [...new Set(opened)], 'each alert once');
    assert.equal(opened.length, MONITORS, 'one opened alert per monitor, none lost');
  });
});
