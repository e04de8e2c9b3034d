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
import { BASE_CONFIG, startHarness, type Harness } from './harness.js';
import { startSmtpReceiver, startWebhookReceiver, type MailReceiver, type WebhookReceiver } from './receivers.js';
import { startTarget, type Target } from './target.js';

const SECRET = 'test-hmac-secret-0123456789';

function config(target: Target): string {
  return `${BASE_CONFIG}monitor:
  routes: false
  hosts: false
  interval: 60s
  timeout: 2s
  targets:
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

async function scenario(extra: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
  hooks.received.length = 0;
  smtp.mails.length = 0;
  hooks.respond = 200;
  await target.up();
  const env = { SLACK_URL: `${hooks.url}/slack`, HOOK_URL: `${hooks.url}/hook`, HOOK_SECRET: SECRET, SMTP_URL: smtp.url };
  return startHarness(config(target), { env, ...extra });
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

      const hookEvents = events('/hook').map((e) => e.event);
      assert.deepEqual(hookEvents.filter((e) => e === 'opened' || e === 'recovered'), ['opened', 'recovered']);
      const opened = hooks.received.find((r) => r.path === '/hook' && JSON.parse(r.body).event === 'opened')!;
      assert.equal(opened.headers['x-launch-ready-signature'], signature(SECRET, String(opened.headers['x-launch-ready-timestamp']), opened.body), 'HMAC signature verifies');
      const openedBody = JSON.parse(opened.body) as { title: string; evidence: string[]; link: string };
      assert.equal(openedBody.title, 'api health is down');
      assert.match(openedBody.evidence.join('\n'), /connect-refused|ECONNREFUSED/);
      assert.match(openedBody.link, /^http:\/\/127\.0\.0\.1:4100\/monitors\/config%3Aapi%20health$/);

      const slack = events('/slack');
      const slackTitles = slack.map((m) => m.text ?? '').filter((t) => /is down|recovered/.test(t));
      assert.equal(slackTitles.length, 2);
      assert.match(slackTitles[1], /^api health recovered: .*after 3 min down/);
      assert.ok(slack.every((m) => Array.isArray(m.blocks) && m.blocks.length >= 3), 'Block Kit messages');

      const subjects = smtp.mails.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
      assert.deepEqual(subjects.filter((s) => /is down|recovered/.test(s ?? '')), ['[critical] api health is down', '[critical] api health recovered']);
      assert.ok(smtp.mails.every((m) => m.to.includes('ops@acme.test') && /text\/html/.test(m.raw) && /text\/plain/.test(m.raw)));

      // 3 minutes burn more than 2 % of the day's 7 min 12 s budget within the hour, but do not spend it:
      // one burn-rate alert, not one a minute, and no "budget spent" though the 15 minutes measured are 80 % up.
      assert.deepEqual(hookEvents.filter((e) => e === 'budget' || e === 'burn-rate'), ['burn-rate']);
      const outbox = await h.service.store.outbox({ limit: 100 });
      assert.ok(outbox.every((e) => e.state === 'sent' && e.deliveries.length === 1), 'each alert delivered once, every attempt recorded');
    } finally {
      await h.close();
    }
  });

  it('sends one "budget spent" alert once the downtime exceeds the day\'s budget (7 min 12 s at 99.5 %)', async () => {
    const h = await scenario();
    try {
      await h.run(5 * 60_000);
      await target.down();
      await h.run(7 * 60_000);
      assert.deepEqual(events('/hook').filter((e) => e.event === 'budget'), [], '6.5 minutes down: within the budget');
      await h.run(3 * 60_000);
      await target.up();
      await h.run(5 * 60_000);
      const budget = events('/hook').filter((e) => e.event === 'budget');
      assert.equal(budget.length, 1);
      assert.match(budget[0].text ?? '', /^api health was down 7 min 30 s over the last 24 h, more than the 7 min 12 s its 99\.5 % target allows/);
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
