/** Incident lifecycle: confirmation, flapping, reminders and acknowledgement, maintenance, certificate warnings. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { confirm, INITIAL } from '../../src/monitor/engine/confirmation.js';
import { BASE_CONFIG, startHarness } from './harness.js';
import { startTarget, type Target } from './target.js';

const OPTIONS = { down: 2, up: 1, recheckMs: 30_000 };

describe('confirmation', () => {
  it('needs two failures to go down, dated at the first; one success to come back', () => {
    let s = confirm(INITIAL, true, 0, OPTIONS);
    assert.deepEqual(s.change, { to: 'up', at: 0 });
    s = confirm(s.next, false, 60_000, OPTIONS);
    assert.deepEqual([s.change, s.recheckAt], [undefined, 90_000]);
    s = confirm(s.next, false, 90_000, OPTIONS);
    assert.deepEqual(s.change, { to: 'down', at: 60_000 });
    s = confirm(s.next, false, 120_000, OPTIONS);
    assert.equal(s.change, undefined);
    s = confirm(s.next, true, 180_000, OPTIONS);
    assert.deepEqual(s.change, { to: 'up', at: 180_000 });
  });

  it('forgets a failure once a check passes', () => {
    let s = confirm({ state: 'up', streak: 0 }, false, 0, OPTIONS);
    s = confirm(s.next, true, 30_000, OPTIONS);
    s = confirm(s.next, false, 60_000, OPTIONS);
    assert.equal(s.change, undefined);
    assert.deepEqual(s.next, { state: 'up', streak: 1, streakSince: 60_000 });
  });
});

let target: Target;
before(async () => {
  target = await startTarget();
});
after(() => target.close());

function yaml(extra = ''): string {
  return `${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  interval: 60s
  timeout: 2s
  reminder: 30m
  flapping: { changes: 3, window: 10m }
  targets:
    - name: api
      url: ${target.url}
${extra}`;
}

const alertsOf = (lines: string[]) => lines.map((l) => /alert (\S+):/.exec(l)?.[1]).filter((k): k is string => k !== undefined && k !== 'budget' && k !== 'burn-rate');

describe('incidents', () => {
  it('folds a flapping monitor into one incident and one flapping alert, resolved once stable', async () => {
    await target.up();
    const h = await startHarness(yaml());
    try {
      await h.run(2 * 60_000);
      // Down for 2 minutes, up for 1, five times over.
      for (let i = 0; i < 5; i++) {
        await target.down();
        await h.run(2 * 60_000);
        await target.up();
        await h.run(60_000);
      }
      await h.run(15 * 60_000);
      const incidents = await h.service.store.incidents({ limit: 10 });
      assert.deepEqual(alertsOf(h.stdout), ['opened', 'recovered', 'opened', 'flapping', 'recovered']);
      assert.equal(incidents.length, 2);
      assert.equal(incidents[0].flapping, true);
      assert.ok(incidents.every((i) => i.resolvedAt !== undefined));
    } finally {
      await h.close();
    }
  });

  it('reminds every 30 minutes while down, until acknowledged', async () => {
    await target.up();
    const h = await startHarness(yaml());
    try {
      await h.run(60_000);
      await target.down();
      await h.run(65 * 60_000);
      assert.deepEqual(alertsOf(h.stdout), ['opened', 'reminder', 'reminder']);
      const [incident] = await h.service.store.openIncidents();
      await h.service.incidents.acknowledge(incident.id, 'admin');
      await h.run(60 * 60_000);
      assert.deepEqual(alertsOf(h.stdout), ['opened', 'reminder', 'reminder'], 'no reminder once acknowledged');
      await target.up();
      await h.run(2 * 60_000);
      assert.deepEqual(alertsOf(h.stdout).at(-1), 'recovered');
    } finally {
      await h.close();
    }
  });

  it('mutes an outage inside a maintenance window, leaves it out of uptime, and alerts if it outlasts the window', async () => {
    await target.up();
    const start = Date.UTC(2026, 0, 5, 0, 0, 0);
    const h = await startHarness(
      yaml(`  maintenance:
    - { name: db upgrade, monitors: [api], start: "2026-01-05T00:10:00Z", duration: 20m }
`),
      { start },
    );
    try {
      await h.run(12 * 60_000);
      await target.down();
      await h.run(15 * 60_000);
      assert.deepEqual(alertsOf(h.stdout), [], 'muted during maintenance');
      const [incident] = await h.service.store.openIncidents();
      assert.equal(incident.suppressed, 'maintenance "db upgrade"');
      await h.run(5 * 60_000);
      assert.deepEqual(alertsOf(h.stdout), ['opened'], 'still down when the window closed at 00:30');
      await target.up();
      await h.run(3 * 60_000);
      const uptime = (await h.service.uptime.over({ from: start, to: start + 35 * 60_000 }, [...h.service.engine.specs().values()])).get('config:api')!;
      assert.equal(uptime.maintenanceMs, 20 * 60_000);
      // Checks at :30 past each minute: down from 12:30 (maintenance from 10:00 to 30:00) until 32:30.
      assert.equal(uptime.downMs, 2.5 * 60_000);
    } finally {
      await h.close();
    }
  });

  it('warns once per certificate and threshold (30, 14, 7, 1 days)', async () => {
    const h = await startHarness(yaml());
    try {
      const spec = h.service.engine.specs().get('config:api')!;
      const validTo = h.clock.now() + 20 * 86_400_000;
      for (const daysLeft of [45, 20, 19, 13, 13, 6, 0]) await h.service.incidents.certificate(spec, { validTo, daysLeft });
      await h.service.idle();
      const titles = h.stdout.filter((l) => l.includes('alert certificate')).map((l) => /\] (api: certificate expires in \d+ days?)/.exec(l)?.[1]);
      assert.deepEqual(titles, ['api: certificate expires in 20 days', 'api: certificate expires in 13 days', 'api: certificate expires in 6 days', 'api: certificate expires in 0 days']);
    } finally {
      await h.close();
    }
  });
});
