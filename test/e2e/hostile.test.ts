/**
 * Hostile targets: a redirect loop, an endless body, a byte-a-second drip, a server that accepts
 * TCP and never answers, a certificate for the wrong name, and a DNS server that never answers.
 * The audit must finish within its limits and report each as a finding — never hang or crash.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createSecureContext } from 'node:tls';
import { runAudit } from '../../src/audit.js';
import type { AuditPlan, RouteSpec } from '../../src/core/plan.js';
import { createCa } from '../../src/demo/ca.js';
import { startDnsServer, type DnsServer } from '../../src/demo/dns-server.js';
import { DEFAULT_NETWORK, parseConnectTo, type NetworkSettings } from '../../src/net/settings.js';

const ZONE = 'hostile.test';
const NAMES = ['loop', 'endless', 'drip', 'silent', 'wrong'].map((n) => `${n}.${ZONE}`);
const servers: Array<{ close(): unknown }> = [];
const sockets = new Set<Socket>();
let dns: DnsServer;
let hungDns: DnsServer;
let caPem = '';
const ports = { http: 0, https: 0, silent: 0 };

function track(server: Server) {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  servers.push(server);
  return server;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

function handle(req: IncomingMessage, res: ServerResponse) {
  const host = (req.headers.host ?? '').split(':')[0];
  if (host === `loop.${ZONE}`) return res.writeHead(301, { location: req.url === '/a' ? '/b' : '/a' }).end();
  if (host === `endless.${ZONE}`) {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    return pump();
  }
  if (host === `drip.${ZONE}`) {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write('.'), 1000);
    res.on('close', () => clearInterval(timer));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>');
}

before(async () => {
  const ca = await createCa('Hostile Test CA');
  caPem = ca.certPem;
  const good = await ca.issue({ names: [`*.${ZONE}`, ZONE] });
  const wrong = await ca.issue({ names: ['someone-else.example'] });
  const contexts = {
    good: createSecureContext({ cert: good.certPem, key: good.keyPem }),
    wrong: createSecureContext({ cert: wrong.certPem, key: wrong.keyPem }),
  };
  ports.http = await listen(track(createHttpServer(handle) as unknown as Server));
  ports.https = await listen(
    track(
      createHttpsServer(
        { cert: good.certPem, key: good.keyPem, SNICallback: (name, cb) => cb(null, name === `wrong.${ZONE}` ? contexts.wrong : contexts.good) },
        handle,
      ) as unknown as Server,
    ),
  );
  ports.silent = await listen(track(createTcpServer(() => undefined)));
  dns = await startDnsServer({ zones: [{ origin: ZONE, records: NAMES.map((name) => ({ name, type: 'A' as const, data: '127.0.0.1' })) }] });
  hungDns = await startDnsServer({ zones: [], hang: true });
});

after(async () => {
  for (const s of sockets) s.destroy();
  for (const s of servers) s.close();
  await Promise.all([dns.close(), hungDns.close()]);
});

function settings(dnsServer: string): NetworkSettings {
  return {
    ...DEFAULT_NETWORK,
    userAgent: 'launch-ready-test',
    timeoutMs: 800,
    maxBodyBytes: 256 * 1024,
    dnsServers: [dnsServer],
    extraCa: caPem,
    connectTo: [
      `silent.${ZONE}::127.0.0.1:${ports.silent}`,
      `*.${ZONE}:443::${ports.https}`,
      `*.${ZONE}:80::${ports.http}`,
    ].map(parseConnectTo),
  };
}

function plan(): AuditPlan {
  const route = (name: string): RouteSpec => ({ name, url: `https://${name}.${ZONE}/`, method: 'GET', headers: {}, kind: 'page', expect: { status: [200] } });
  return {
    product: 'Hostile',
    domain: ZONE,
    canonicalUrl: `https://loop.${ZONE}/`,
    hosts: NAMES.map((name) => ({ name, environment: 'production', declared: true })),
    environments: [{ name: 'production', role: 'production', hosts: NAMES }],
    routes: ['loop', 'endless', 'drip', 'silent', 'wrong'].map(route),
    healthUrls: [],
    now: new Date().toISOString(),
  };
}

describe('hostile targets', () => {
  it('finishes within its limits and reports each target as a finding', async () => {
    const started = Date.now();
    const { report } = await runAudit({ plan: plan(), settings: settings(dns.endpoint), target: `https://loop.${ZONE}/` });
    const elapsed = Date.now() - started;
    // Every request is bounded by 2 x 800 ms; a sequential or hanging run would take far longer.
    assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
    const has = (id: string, target: string, evidence?: RegExp) =>
      assert.ok(
        report.findings.some((f) => f.id === id && f.target.includes(target) && (!evidence || evidence.test(f.evidence))),
        `${id} on ${target}${evidence ? ` matching ${evidence}` : ''}; got ${report.findings.map((f) => `${f.id} ${f.target}`).join(', ')}`,
      );
    has('redirect.loop', `loop.${ZONE}`, /loop/);
    has('route.unreachable', `https://endless.${ZONE}/`, /too-large/);
    has('route.unreachable', `https://drip.${ZONE}/`, /timeout/);
    has('route.unreachable', `https://silent.${ZONE}/`, /timeout/);
    has('tls.hostname-mismatch', `wrong.${ZONE}`, /someone-else\.example/);
    // Stages this plan does not set up (DNS diff, email, latency…) say so; nothing else may error.
    for (const c of report.checks.filter((r) => r.status === 'error')) assert.match(c.error ?? '', /^not checked: /, `${c.id}: ${c.error}`);
  });

  it('survives a DNS server that never answers', async () => {
    const started = Date.now();
    const { report, artifacts } = await runAudit({ plan: plan(), settings: settings(hungDns.endpoint), target: `https://loop.${ZONE}/` });
    assert.ok(Date.now() - started < 20_000);
    assert.ok(artifacts.hosts?.every((h) => h.dns.error?.code === 'dns-timeout'));
    const unreachable = report.findings.filter((f) => f.id === 'route.unreachable');
    assert.equal(unreachable.length, 5);
    // silent.hostile.test is pinned to an address by --connect-to, so it never asks DNS.
    for (const f of unreachable) assert.match(f.evidence, f.target.includes('silent') ? /timeout/ : /dns-timeout/);
  });
});
