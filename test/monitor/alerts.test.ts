/**
 * Alerts end to end, on loopback: a real target switched down and up, a webhook receiver standing
 * in for Slack and a generic webhook, a real SMTP server; time runs on a manual clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';
import { signature } from '../../src/monitor/alerts/channels/webhook.js';
import { networkProbe } from '../../src/monitor/engine/self-check.js';
import { dashboardData } from '../../src/monitor/web/data/dashboard.js';
import { BASE_CONFIG, startHarness, type Harness } from './harness.js';
import { startSmtpReceiver, startWebhookReceiver, type MailReceiver, type WebhookReceiver } from './receivers.js';
import { startTarget, type Target } from './target.js';

const SECRET = 'test-hmac-secret-0123456789';

function config(target: Target, extra = ''): string {
  return `${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  interval: 60s
  timeout: 2s
${extra}  targets:
    - name: api health
      url: ${target.url}
      condition: status == 200 && body contains "ok"
  alerts:
    - { type: slack, url: "\${SLACK_URL}" }
    - { type: webhook, url: "\${HOOK_URL}", secret: "\${HOOK_SECRET}" }
    - { type: email, to: ops@acme.test, from: alerts@acme.test, smtp: "\${SMTP_URL}" }
`;
}

let target: Target;
let hooks: WebhookReceiver;
let smtp: MailReceiver;

before(async () => {
  [target, hooks, smtp] = await Promise.all([startTarget(), startWebhookReceiver(), startSmtpReceiver()]);
});
after(async () => {
  await Promise.all([target.close(), hooks.close(), smtp.close()]);
});

async function scenario(extra: Parameters<typeof startHarness>[1] = {}, yaml = ''): Promise<Harness> {
  hooks.received.length = 0;
  smtp.mails.length = 0;
  hooks.respond = 200;
  await target.up();
  const env = { SLACK_URL: `${hooks.url}/slack`, HOOK_URL: `${hooks.url}/hook`, HOOK_SECRET: SECRET, SMTP_URL: smtp.url };
  return startHarness(config(target, yaml), { env, ...extra });
}

const events = (path: string) =>
  hooks.received.filter((r) => r.path === path && r.status === 200).map((r) => JSON.parse(r.body) as { event?: string; kind?: string; text?: string; blocks?: unknown[] });

describe('alerts', () => {
  it('a 3-minute outage opens exactly one incident and sends one alert and one recovery on every channel', async () => {
    const h = await scenario();
    try {
      const t0 = h.clock.now();
      await h.run(5 * 60_000);
      await target.down();
      await h.run(3 * 60_000);
      await target.up();
      await h.run(7 * 60_000);

      const incidents = await h.service.store.incidents({ limit: 10 });
      assert.equal(incidents.length, 1);
      const [incident] = incidents;
      // Checks run at 30 s past each minute: the first failure at 5:30, the first success at 8:30.
      assert.equal(incident.downSince - t0, 5.5 * 60_000);
      assert.equal(incident.resolvedAt! - t0, 8.5 * 60_000);

      // Nothing else: the outage burnt budget fast, but its own alerts say so (no burn-rate alert).
      assert.deepEqual(events('/hook').map((e) => e.event), ['opened', 'recovered']);
      const opened = hooks.received.find((r) => r.path === '/hook' && JSON.parse(r.body).event === 'opened')!;
      assert.equal(opened.headers['x-launch-ready-signature'], signature(SECRET, String(opened.headers['x-launch-ready-timestamp']), opened.body), 'HMAC signature verifies');
      const openedBody = JSON.parse(opened.body) as { title: string; evidence: string[]; link: string };
      assert.equal(openedBody.title, 'api health is down');
      assert.match(openedBody.evidence.join('\n'), /connect-refused|ECONNREFUSED/);
      assert.match(openedBody.link, /^http:\/\/127\.0\.0\.1:4100\/monitors\/config%3Aapi%20health$/);

      const slack = events('/slack');
      const slackTitles = slack.map((m) => m.text ?? '').filter((t) => /is down|recovered/.test(t));
      assert.equal(slackTitles.length, 2);
      // 3 min of the 7 min 12 s a day at 99.5 % allows: 42 % burnt, 58 % left, as the dashboard says.
      assert.match(slackTitles[1], /^api health recovered: .*after 3 min down .*It burnt 42 % of the error budget \(99\.5 % over 24 h allows 7 min 12 s down\); 58 % is left\.$/);
      const dashboard = await dashboardData(h.service);
      assert.equal(Math.round(dashboard.monitors[0].budgetLeft! * 100), 58);
      assert.match(smtp.mails.find((m) => /Subject: .*recovered/.test(m.raw))!.raw, /It burnt 42 % of the error budget/);
      assert.ok(slack.every((m) => Array.isArray(m.blocks) && m.blocks.length >= 3), 'Block Kit messages');

      const subjects = smtp.mails.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
      assert.deepEqual(subjects.filter((s) => /is down|recovered/.test(s ?? '')), ['[critical] api health is down', '[critical] api health recovered']);
      assert.ok(smtp.mails.every((m) => m.to.includes('ops@acme.test') && /text\/html/.test(m.raw) && /text\/plain/.test(m.raw)));

      const outbox = await h.service.store.outbox({ limit: 100 });
      assert.ok(outbox.every((e) => e.state === 'sent' && e.deliveries.length === 1), 'each alert delivered once, every attempt recorded');
    } finally {
      await h.close();
    }
  });

  it('a long outage sends "budget spent" once the downtime exceeds the day\'s budget (7 min 12 s at 99.5 %), and no burn-rate alert', async () => {
    const h = await scenario({}, '  reminder: 5m\n');
    try {
      await h.run(5 * 60_000);
      await target.down();
      await h.run(7 * 60_000);
      assert.deepEqual(events('/hook').filter((e) => e.event === 'budget'), [], '6.5 minutes down: within the budget');
      await h.run(3 * 60_000);
      await target.up();
      await h.run(5 * 60_000);
      const hook = events('/hook');
      assert.deepEqual(hook.map((e) => e.event), ['opened', 'reminder', 'budget', 'recovered'], 'one outage: no burn-rate alert');
      const text = (event: string) => hook.find((e) => e.event === event)?.text ?? '';
      // Down from 5:30; the reminder goes out 5 min after the incident opened (6:00), at 11:00.
      assert.match(text('reminder'), /has been down for 5 min 30 s .* So far it has burnt 76 % of the error budget \(99\.5 % over 24 h allows 7 min 12 s down\); 24 % is left\.$/);
      assert.match(text('budget'), /^api health was down 7 min 30 s over the last 24 h, more than the 7 min 12 s its 99\.5 % target allows/);
      // Up again at 15:30: 10 minutes down.
      assert.match(text('recovered'), /after 10 min down .* It burnt 139 % of the error budget .*; 0 % is left\.$/);
    } finally {
      await h.close();
    }
  });

  it('recurring outages: three short ones within an hour send one burn-rate alert, from the second on', async () => {
    const h = await scenario();
    const outage = async () => {
      await target.down();
      await h.run(2 * 60_000);
      await target.up();
      await h.run(15 * 60_000);
    };
    try {
      await h.run(5 * 60_000);
      await outage();
      assert.deepEqual(events('/hook').map((e) => e.event), ['opened', 'recovered'], 'one outage: its own alerts only');
      await outage();
      await outage();
      const hook = events('/hook');
      assert.deepEqual(hook.map((e) => e.event), ['opened', 'recovered', 'opened', 'burn-rate', 'recovered', 'opened', 'recovered']);
      const burn = hook.find((e) => e.event === 'burn-rate')!;
      assert.match(burn.text ?? '', /^api health went down 2 separate times within the last 1 h \(\d+ min( \d+ s)? down in all\): \d+ % of the 7 min 12 s error budget its 99\.5 % target allows over 24 h\./);
      // Three outages of 2 min each: 6 of the day's 7 min 12 s.
      const recovered = hook.filter((e) => e.event === 'recovered').map((e) => /(\d+) % is left/.exec(e.text ?? '')?.[1]);
      assert.deepEqual(recovered, ['72', '44', '17']);
      assert.equal(hook.filter((e) => e.event === 'budget').length, 0, 'within the day\'s budget');
      assert.equal((await h.service.store.incidents({ limit: 10 })).length, 3);
    } finally {
      await h.close();
    }
  });

  it('a single failed check opens nothing: the re-check from a fresh connection passes', async () => {
    const h = await scenario();
    try {
      await h.run(2 * 60_000);
      target.failNext(1);
      await h.run(5 * 60_000);
      const log = await h.service.store.results('config:api health', 0, Infinity, 100);
      const failed = log.filter((r) => !r.ok);
      assert.equal(failed.length, 1);
      assert.equal(failed[0].status, 503);
      const recheck = log.find((r) => r.at === failed[0].at + 30_000);
      assert.ok(recheck?.ok, 'a re-check 30 s later passed');
      assert.deepEqual(await h.service.store.incidents({ limit: 10 }), []);
      assert.deepEqual(hooks.received, []);
      assert.deepEqual(smtp.mails, []);
    } finally {
      await h.close();
    }
  });

  it('a 20 s blip opens nothing', async () => {
    const h = await scenario();
    try {
      // The check due at 2:30 fails inside a blip from 2:25 to 2:45; its re-check at 3:00 passes.
      await h.run(2 * 60_000 + 25_000);
      await target.down();
      await h.run(20_000);
      await target.up();
      await h.run(5 * 60_000);
      const log = await h.service.store.results('config:api health', 0, Infinity, 100);
      assert.equal(log.filter((r) => !r.ok).length, 1);
      assert.deepEqual(await h.service.store.incidents({ limit: 10 }), []);
      assert.deepEqual(hooks.received, []);
    } finally {
      await h.close();
    }
  });

  it('an outage while the monitor itself is offline sends no "down" alert, and says so', async () => {
    const dns: DnsServer = await startDnsServer({ zones: [{ origin: 'acme.test', records: [] }] });
    const canary: Server = createServer((s) => s.destroy());
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    const canaryPort = (canary.address() as { port: number }).port;
    const h = await scenario({ selfProbe: networkProbe([dns.endpoint], 'acme.test', [`127.0.0.1:${canaryPort}`]) });
    try {
      await h.run(2 * 60_000);
      // The monitor loses its network: resolver and canary gone. The site goes down at the same time.
      await dns.close();
      await new Promise<void>((resolve) => canary.close(() => resolve()));
      await target.down();
      await h.run(5 * 60_000);
      assert.deepEqual(await h.service.store.incidents({ limit: 10 }), [], 'no incident while offline');
      assert.deepEqual(hooks.received, []);
      const live = h.service.engine.monitor('config:api health')!;
      assert.equal(live.lastSetAside, true);
      assert.match(live.last!.detail, /set aside: the monitor itself is offline \(the DNS resolver .* did not answer/);
      assert.equal(live.state, 'up', 'the last confirmed state stands');
      const offline = await h.service.store.offlinePeriods(0, Infinity);
      assert.equal(offline.length, 1);
      assert.equal(offline[0].end, undefined);
    } finally {
      await h.close();
    }
  });

  it('keeps an alert queued while the receiver fails, and retries it with back-off', async () => {
    const h = await scenario();
    try {
      hooks.respond = 503;
      await h.run(2 * 60_000);
      await target.down();
      await h.run(2 * 60_000);
      const pending = (await h.service.store.outbox({ limit: 20 })).filter((e) => e.channel === 'webhook' && (e.payload as { kind: string }).kind === 'opened');
      assert.equal(pending.length, 1);
      assert.equal(pending[0].state, 'pending');
      assert.ok(pending[0].deliveries.length >= 2 && pending[0].deliveries.every((d) => !d.ok && /HTTP 503/.test(d.detail)));
      const gaps = pending[0].deliveries.slice(1).map((d, i) => d.at - pending[0].deliveries[i].at);
      assert.ok(gaps.every((g, i) => i === 0 || g >= gaps[i - 1]), `back-off grows: ${gaps}`);
      hooks.respond = 200;
      await h.run(3 * 60_000);
      const sent = (await h.service.store.outbox({ limit: 20 })).find((e) => e.id === pending[0].id)!;
      assert.equal(sent.state, 'sent');
      assert.equal(events('/hook').filter((e) => e.event === 'opened').length, 1, 'delivered once, not once per attempt');
    } finally {
      await h.close();
    }
  });
});
