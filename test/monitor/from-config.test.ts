import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/config/load.js';
import { monitorsFromConfig, routeCondition } from '../../src/monitor/from-config.js';

const BASE = `product: Acme
domain: acme.test
canonical: https://www.acme.test/
hosts: [www.acme.test, { name: staging.acme.test, environment: staging }]
health: { url: https://api.acme.test/api/health }
routes:
  - { name: home, url: "https://www.acme.test/", expect: { status: 200, body: Acme } }
  - { name: order, url: "https://api.acme.test/api/orders/1", headers: { authorization: "Bearer \${API_TOKEN}" }, expect: { json: { order.id: exists, status: ok, items.0.sku: A-1 } } }
  - { name: callback, url: "https://www.acme.test/auth/callback", expect: { status: [302, 303] } }
`;
const load = (extra: string) => parseConfig(BASE + extra, 'launch-ready.yaml');

describe('monitors from the config', () => {
  it('gives every route, health URL and host a monitor, and each host a certificate monitor', () => {
    const specs = monitorsFromConfig(load(''));
    assert.deepEqual(
      specs.map((s) => [s.id, s.kind, s.severity]),
      [
        ['route:home', 'http', 'critical'],
        ['route:order', 'http', 'critical'],
        ['route:callback', 'http', 'critical'],
        ['health:health api.acme.test/api/health', 'http', 'critical'],
        ['host:acme.test', 'http', 'critical'],
        ['certificate:acme.test certificate', 'tls', 'critical'],
        ['host:www.acme.test', 'http', 'critical'],
        ['certificate:www.acme.test certificate', 'tls', 'critical'],
        ['host:staging.acme.test', 'http', 'warning'],
        ['certificate:staging.acme.test certificate', 'tls', 'warning'],
      ],
    );
    const order = specs.find((s) => s.name === 'order')!;
    assert.equal(order.http!.headers.authorization, 'Bearer ${API_TOKEN}', 'references stay unexpanded in the spec');
    assert.equal(order.intervalMs, 60_000);
    assert.equal(order.timeoutMs, 10_000);
    assert.equal(specs.find((s) => s.name === 'callback')!.http!.followRedirects, false, 'a route expecting a redirect is judged on its first answer');
    assert.equal(specs.find((s) => s.name === 'www.acme.test')!.condition, 'status < 500');
  });

  it('turns a route expectation into a condition', () => {
    assert.equal(routeCondition({ status: [200], body: 'Acme "shop"' }), 'status == 200 && body contains "Acme \\"shop\\""');
    assert.equal(routeCondition({ json: { 'order.id': 'exists', status: 'ok', 'items.0.sku': 'A-1', 'a-b': 1 } }), 'status >= 200 && status < 400 && json.order.id exists && json.status == "ok" && json.items[0].sku == "A-1" && json["a-b"] == 1');
    assert.equal(routeCondition({ status: [302, 303] }), 'status in [302, 303]');
  });

  it('honours routes: false, hosts: false, exclude, targets and the status page', () => {
    const specs = monitorsFromConfig(
      load(`monitor:
  interval: 30s
  hosts: false
  exclude: [callback]
  statusPage: { monitors: [home, db] }
  targets:
    - { name: db, kind: tcp, host: db.acme.test, port: 5432, interval: 10s, timeout: 20s, group: backend }
    - { name: cron, kind: heartbeat, interval: 1h }
    - { name: cert, kind: tls, host: www.acme.test }
`),
    );
    assert.deepEqual(specs.map((s) => s.name), ['home', 'order', 'health api.acme.test/api/health', 'db', 'cron', 'cert']);
    const db = specs.find((s) => s.name === 'db')!;
    assert.deepEqual([db.intervalMs, db.timeoutMs, db.condition, db.group, db.public], [10_000, 10_000, 'connected', 'backend', true]);
    assert.equal(specs.find((s) => s.name === 'cron')!.condition, 'age < 5400000ms');
    assert.deepEqual(specs.find((s) => s.name === 'cert')!.endpoint, { host: 'www.acme.test', port: 443 });
    assert.equal(specs.find((s) => s.name === 'home')!.public, true);
  });

  const problems: Array<[string, string, RegExp]> = [
    ['a kind without its keys', '  targets: [{ name: x, kind: tcp, host: db.acme.test }]', /a tcp monitor needs `port`/],
    ['a key another kind uses', '  targets: [{ name: x, kind: tls, host: a.acme.test, url: "https://a.acme.test/" }]', /`url` does not apply to a tls monitor/],
    ['a condition that does not parse', '  targets: [{ name: x, url: "https://a.acme.test/", condition: "status = 200" }]', /condition: condition "status = 200": at column 8 .*compare with ==/],
    ['a target named like a route', '  targets: [{ name: home, url: "https://a.acme.test/" }]', /"home" is already the name of the monitor made from a route or host/],
    ['an unknown alert channel', '  alerts: [{ type: stdout }]\n  targets: [{ name: x, url: "https://a.acme.test/", alerts: [slak] }]', /no alert channel is named "slak"/],
    ['two channels with one name', '  alerts: [{ type: stdout }, { type: stdout }]', /two alert channels are named "stdout"/],
    ['an unknown monitor in exclude', '  exclude: [hom]', /no route or host monitor is named "hom"; did you mean `home`\?/],
    ['a maintenance window without an end', '  maintenance: [{ name: m, start: "2026-01-04T02:00:00Z" }]', /`end` or `duration`/],
    ['a webhook secret written in the file', '  alerts: [{ type: webhook, url: "https://ops.acme.test/hook", secret: plain }]', /an environment reference such as \$\{WEBHOOK_SECRET\}/],
  ];
  for (const [what, yaml, pattern] of problems) {
    it(`refuses ${what}`, () => assert.throws(() => load(`monitor:\n${yaml}\n`), pattern));
  }
});
