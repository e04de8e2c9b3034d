/**
 * Every monitor kind against the demo world in process (its DNS server, certificates and faults),
 * through the project's network layer: --dns-server, --connect-to and --ca apply as in the audit.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { startWorld, type World } from '../../src/demo/world.js';
import { compileMonitor } from '../../src/monitor/check/compile.js';
import { LatencyWindow } from '../../src/monitor/check/latency-window.js';
import { runCheck, type CheckResult } from '../../src/monitor/check/run-check.js';
import { systemClock } from '../../src/monitor/clock.js';
import { monitorsFromConfig } from '../../src/monitor/from-config.js';
import type { MonitorSpec } from '../../src/monitor/model.js';
import { ProbeNetwork } from '../../src/monitor/probes/network.js';
import { siteFacts } from '../../src/monitor/probes/site.js';
import { DnsClient } from '../../src/net/dns-client.js';
import { resolveTarget } from '../../src/net/connector.js';
import { DEFAULT_NETWORK, parseConnectTo } from '../../src/net/settings.js';
import { probeTls } from '../../src/net/tls-probe.js';

let world: World;
let dir: string;
let network: ProbeNetwork;
let specs: MonitorSpec[];
let site: ReturnType<typeof siteFacts>;
let chatbot: ReturnType<typeof parseConfig>['chatbot'];
let silent: Server;

before(async () => {
  world = await startWorld();
  dir = await mkdtemp(join(tmpdir(), 'lr-monitor-probes-'));
  for (const [name, text] of Object.entries(world.supportFiles())) await writeFile(join(dir, name), text);
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const yaml = `${world.configYaml('./ca.pem')}`.replace(/^monitor:[\s\S]*?(?=^handover:)/m, `monitor:
  timeout: 3s
  targets:
    - { name: api port, kind: tcp, host: api.acme.test, port: 443 }
    - { name: closed port, kind: tcp, host: 127.0.0.1, port: 9 }
    - { name: dns drift, kind: dns }
    - { name: mail auth, kind: email }
    - { name: bot knows orders, kind: chatbot, prompt: "Where is order 1001? ada@example.com", condition: 'status == 200 && reply contains "1001" && latency < 5s' }
    - { name: slow api, url: "https://api.acme.test/api/health", timeout: 200ms, condition: "status == 200" }
    - { name: silent server, url: "http://127.0.0.1:${(silent.address() as { port: number }).port}/", timeout: 300ms }
`);
  const config = parseConfig(yaml, join(dir, 'launch-ready.yaml'));
  chatbot = config.chatbot;
  site = siteFacts({ file: join(dir, 'launch-ready.yaml'), dir, config });
  specs = monitorsFromConfig(config);
  network = new ProbeNetwork({ ...DEFAULT_NETWORK, userAgent: 'launch-ready-test', dnsServers: world.network.dnsServers, connectTo: world.network.connectTo.map(parseConnectTo), extraCa: world.caPem, timeoutMs: 3000 }, systemClock);
});
after(async () => {
  await world.close();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

async function check(name: string): Promise<CheckResult> {
  const spec = specs.find((s) => s.name === name);
  assert.ok(spec, `monitor ${name}`);
  const compiled = compileMonitor(spec, { env: {}, pings: () => ({ count: 0 }), site, ...(chatbot ? { chatbot } : {}) });
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.error);
  return runCheck(compiled.monitor, network, new LatencyWindow(), Date.now(), false);
}

describe('probes against the demo world', () => {
  it('http: a route, its expectation as the condition, the evidence of a failure', async () => {
    assert.equal((await check('home')).ok, true);
    const checkout = await check('checkout');
    assert.equal(checkout.ok, false);
    assert.equal(checkout.status, 502);
    assert.deepEqual(checkout.failed, ['status == 200 (status: 502)']);
  });

  it('tls: valid, expired, wrong name, untrusted; days left for the expiry warnings', async () => {
    const www = await check('www.acme.test certificate');
    assert.equal(www.ok, true);
    assert.ok(www.certificate!.daysLeft > 300);
    const expired = await check('admin.acme.test certificate');
    assert.equal(expired.ok, false);
    assert.match(expired.detail, /untrusted \(CERT_HAS_EXPIRED\)/);
    assert.match((await check('app.acme.test certificate')).detail, /wrong name/);
    assert.match((await check('staging.acme.test certificate')).detail, /untrusted/);
    assert.ok((await check('api.acme.test certificate')).certificate!.daysLeft < 14, 'the expiring-soon certificate');
  });

  it('tls: a check is one handshake; the audit\'s probe adds one per legacy protocol', async () => {
    // A proxy in front of www.acme.test's HTTPS address counts the connections each probe opens.
    const upstream = await resolveTarget(new DnsClient(network.settings), network.settings, 'www.acme.test', 443);
    let connections = 0;
    const proxy = createServer((client) => {
      connections++;
      const server = connect(upstream.port, upstream.address);
      client.pipe(server).pipe(client);
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const settings = { ...network.settings, connectTo: [parseConnectTo(`www.acme.test:443:127.0.0.1:${(proxy.address() as { port: number }).port}`)] };
      const spec = specs.find((s) => s.name === 'www.acme.test certificate')!;
      const compiled = compileMonitor(spec, { env: {}, pings: () => ({ count: 0 }) });
      assert.ok(compiled.ok);
      const result = await runCheck(compiled.monitor, new ProbeNetwork(settings, systemClock), new LatencyWindow(), Date.now(), false);
      assert.equal(result.ok, true, result.detail);
      assert.equal(connections, 1);
      const audit = await probeTls(new DnsClient(settings), settings, 'www.acme.test');
      assert.equal(audit.ok, true);
      assert.equal(connections, 4, 'the audit: the handshake, then TLS 1.0 and TLS 1.1');
      assert.ok(audit.chain[0].signatureAlgorithm, 'the audit parses the signature algorithm');
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('tcp: connected through --connect-to, refused on a closed port', async () => {
    assert.equal((await check('api port')).ok, true);
    const closed = await check('closed port');
    assert.equal(closed.ok, false);
    assert.equal(closed.errorCode, 'connect-refused');
  });

  it('http: a host without a DNS record fails with the resolver\'s answer', async () => {
    const shop = await check('shop.acme.test');
    assert.equal(shop.ok, false);
    assert.equal(shop.errorCode, 'dns-nxdomain');
  });

  it('enforces the timeout strictly: a silent server costs the check its timeout, no more', async () => {
    const started = performance.now();
    const result = await check('silent server');
    assert.equal(result.ok, false);
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
    world.setFault('api-stall', true);
    try {
      const stalled = await check('slow api');
      assert.equal(stalled.ok, false);
      assert.match(stalled.errorCode ?? '', /timeout/);
    } finally {
      world.setFault('api-stall', false);
    }
  });

  it('dns: drift from the desired state (dns.desired) is counted and shown', async () => {
    const drift = await check('dns drift');
    assert.equal(drift.ok, false);
    assert.match(drift.detail, /record sets drifted: /);
    assert.match(drift.failed.join(), /^changes == 0 \(changes: [1-9]\d*\)$/);
  });

  it('email: the audit\'s email checks, failing on the planted SPF and DMARC faults', async () => {
    const mail = await check('mail auth');
    assert.equal(mail.ok, false);
    assert.match(mail.detail, /email\.spf-permissive/);
  });

  it('chatbot: a canned prompt through the chatbot section, judged on the reply', async () => {
    const bot = await check('bot knows orders');
    assert.equal(bot.ok, true, bot.failed.join('; '));
  });
});
