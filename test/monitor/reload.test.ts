/** Monitoring as code: edits of launch-ready.yaml are picked up while running; a bad edit changes nothing. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reloadConfig, watchConfig, type ReloadOutcome } from '../../src/monitor/config-watch.js';
import { dashboardData } from '../../src/monitor/web/data/dashboard.js';
import { BASE_CONFIG, startHarness, type Harness } from './harness.js';
import { startTarget, type Target } from './target.js';

let target: Target;
before(async () => {
  target = await startTarget();
});
after(() => target.close());

function config(targets: string): string {
  return `${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  targets:
${targets}`;
}

describe('config reload', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(config(`    - { name: api, url: "${target.url}" }\n`));
    await h.run(2 * 60_000);
  });
  after(() => h.close());
  const file = () => join(h.dir, 'launch-ready.yaml');

  it('adds, changes and removes monitors from the edited file, leaving the others on their schedule', async () => {
    const due = h.service.engine.monitor('config:api')!.nextDue;
    await writeFile(file(), config(`    - { name: api, url: "${target.url}" }\n    - { name: orders, url: "${target.url}?orders", interval: 30s }\n`));
    const outcome = await reloadConfig(h.service);
    assert.deepEqual(outcome, { ok: true, message: 'config reloaded: 1 monitor added, 0 removed, 0 changed' });
    assert.equal(h.service.engine.monitor('config:api')!.nextDue, due, 'api keeps its phase');
    await h.run(60_000);
    assert.equal(h.service.engine.monitor('config:orders')!.state, 'up');
    await writeFile(file(), config(`    - { name: orders, url: "${target.url}?orders", interval: 10s }\n`));
    assert.equal((await reloadConfig(h.service)).message, 'config reloaded: 0 monitors added, 1 removed, 1 changed');
    assert.equal(h.service.engine.monitor('config:api'), undefined);
    assert.equal(h.service.engine.monitor('config:orders')!.spec.intervalMs, 10_000);
  });

  it('keeps the last good config running when an edit is invalid, and shows why', async () => {
    await writeFile(file(), config(`    - { name: orders, url: "${target.url}?orders", condition: "stauts == 200" }\n`));
    const outcome = await reloadConfig(h.service);
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /the last good one keeps running: .*launch-ready\.yaml:\d+:\d+: monitor\.targets\[0\]\.condition: .*unknown name "stauts"; did you mean "status"\?/);
    assert.equal(h.service.engine.monitor('config:orders')!.spec.condition, 'status >= 200 && status < 400', 'unchanged');
    const data = await dashboardData(h.service);
    assert.match(data.configError ?? '', /did you mean "status"/);
    await writeFile(file(), config(`    - { name: orders, url: "${target.url}?orders", condition: "status == 200" }\n`));
    assert.equal((await reloadConfig(h.service)).ok, true);
    assert.equal((await dashboardData(h.service)).configError, undefined, 'the error clears with a good edit');
  });

  it('watches the file and reloads on save', async () => {
    const outcomes: ReloadOutcome[] = [];
    const watcher = watchConfig(h.service, (o) => outcomes.push(o));
    try {
      await writeFile(file(), config(`    - { name: orders, url: "${target.url}?orders" }\n    - { name: search, url: "${target.url}?q" }\n`));
      for (let waited = 0; outcomes.length === 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      assert.equal(outcomes.at(-1)?.message, 'config reloaded: 1 monitor added, 0 removed, 1 changed');
      assert.ok(h.service.engine.monitor('config:search'));
    } finally {
      watcher.close();
    }
  });
});
