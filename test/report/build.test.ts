import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Artifacts } from '../../src/core/artifacts.js';
import type { CheckResult } from '../../src/core/check.js';
import type { Finding, Severity } from '../../src/core/finding.js';
import { buildReport } from '../../src/report/build.js';
import { barItemOf } from '../../src/report/minimum-bar.js';
import { chain, dns, exchange, host, plan, redirect, route } from '../helpers/artifacts.js';

function finding(id: string, severity: Severity, target: string): Finding {
  return {
    id,
    severity,
    stage: 2,
    target,
    title: `${id} title`,
    evidence: `${id} evidence`,
    impact: 'impact',
    remediation: 'fix',
    reference: 'https://example.test/',
  };
}

const thePlan = plan({
  routes: [route({ name: 'checkout', url: 'https://app.acme.test/checkout', kind: 'checkout' })],
  hosts: [
    { name: 'acme.test', environment: 'production', declared: true },
    { name: 'www.acme.test', environment: 'production', declared: true },
    { name: 'app.acme.test', environment: 'production', declared: true },
  ],
});

function build(findings: Finding[], results: CheckResult[], artifacts: Partial<Artifacts> = {}) {
  return buildReport({
    plan: thePlan,
    artifacts: { plan: thePlan, ...artifacts },
    run: { findings, results },
    startedAt: new Date('2026-11-28T12:00:00Z'),
    durationMs: 1234.6,
    target: 'https://acme.test/',
    version: '9.9.9',
  });
}

const ran = (...ids: string[]): CheckResult[] => ids.map((id) => ({ id, status: 'pass' }));

describe('buildReport: verdict and headline', () => {
  it('is not ready with blockers, counting critical+high as blockers and medium as this week', () => {
    const r = build(
      [
        finding('tls.expired', 'critical', 'app.acme.test'),
        finding('hsts.missing', 'high', 'www.acme.test'),
        finding('hsts.weak', 'high', 'acme.test'),
        finding('cache.static-uncached', 'medium', 'www.acme.test'),
        finding('headers.referrer-missing', 'low', 'www.acme.test'),
      ],
      ran('tls.expired'),
    );
    assert.equal(r.verdict, 'not-ready');
    assert.equal(r.headline, 'Not launch ready — 3 blockers, 1 to fix this week');
    assert.deepEqual(r.summary, { critical: 1, high: 2, medium: 1, low: 1, info: 0 });
    assert.deepEqual(r.tool, { name: 'launch-ready', version: '9.9.9' });
    assert.equal(r.startedAt, '2026-11-28T12:00:00.000Z');
    assert.equal(r.durationMs, 1235);
  });

  it('uses the singular for one blocker and leaves out an empty week', () => {
    assert.equal(build([finding('tls.expired', 'high', 'acme.test')], ran('tls.expired')).headline, 'Not launch ready — 1 blocker');
  });

  it('is ready with mediums only, and says how many to fix this week', () => {
    const r = build([finding('cache.static-uncached', 'medium', 'acme.test')], ran('cache.static-uncached'));
    assert.equal(r.verdict, 'ready');
    assert.equal(r.headline, 'Launch ready — no blockers, 1 to fix this week');
  });

  it('is ready with nothing above low, counting low and info', () => {
    const r = build(
      [finding('headers.referrer-missing', 'low', 'acme.test'), finding('headers.referrer-missing', 'low', 'www.acme.test'), finding('x.note', 'info', 'acme.test')],
      ran('headers.referrer-missing'),
    );
    assert.equal(r.verdict, 'ready');
    assert.equal(r.headline, 'Launch ready — nothing above low (2 low, 1 info)');
    assert.equal(build([], ran('dns.missing-record')).headline, 'Launch ready — nothing above low');
  });

  it('says when checks could not run, and never calls an audit in which nothing ran ready', () => {
    const partial = build([], [...ran('dns.missing-record'), { id: 'health.missing', status: 'error', error: 'health not collected' }]);
    assert.equal(partial.headline, 'Launch ready — nothing above low; 1 check could not run');
    const none = build([], [{ id: 'dns.missing-record', status: 'error', error: 'hosts not collected' }]);
    assert.equal(none.verdict, 'not-ready');
    assert.equal(none.headline, 'Not launch ready — no check could run');
    assert.equal(build([], []).verdict, 'not-ready');
  });
});

describe('buildReport: ranking', () => {
  it('ranks by launch risk: a high on the checkout host beats a high on a page, critical beats both', () => {
    const r = build(
      [finding('hsts.missing', 'high', 'www.acme.test'), finding('hsts.missing', 'high', 'app.acme.test'), finding('tls.expired', 'critical', 'acme.test')],
      ran('hsts.missing', 'tls.expired'),
    );
    assert.deepEqual(
      r.findings.map((f) => [f.rank, f.id, f.target]),
      [
        [1, 'tls.expired', 'acme.test'],
        [2, 'hsts.missing', 'app.acme.test'],
        [3, 'hsts.missing', 'www.acme.test'],
      ],
    );
    assert.equal(r.findings[1].routeKind, 'checkout');
  });
});

describe('buildReport: minimum bar', () => {
  const results: CheckResult[] = [
    ...ran('dns.missing-record', 'redirect.loop', 'tls.expired', 'hsts.missing', 'cache.static-uncached', 'env.mixed'),
    { id: 'health.missing', status: 'error', error: 'health not collected' },
    { id: 'tracing.missing', status: 'error', error: 'hosts not collected' },
    { id: 'latency.p95-over-budget', status: 'error', error: 'not checked: the config declares no latency budget (latency.targets[].budget)' },
  ];
  const r = build(
    [
      finding('tls.expired', 'critical', 'app.acme.test'),
      finding('hsts.missing', 'medium', 'www.acme.test'),
      finding('cache.static-uncached', 'low', 'www.acme.test'),
    ],
    results,
  );
  const item = (id: string) => {
    const found = r.minimumBar.find((i) => i.id === id);
    assert.ok(found, `no bar item ${id}`);
    return found;
  };

  it('lists the ten items of the roadmap and chat latency in order', () => {
    assert.deepEqual(
      r.minimumBar.map((i) => i.id),
      ['domain', 'ssl', 'edge', 'environments', 'env-vars', 'secrets', 'email', 'monitoring', 'caching', 'chat-latency', 'logs'],
    );
  });

  it('is not met on a finding of medium or worse, naming the ids', () => {
    assert.equal(item('ssl').status, 'not-met');
    assert.deepEqual(item('ssl').findingIds, ['tls.expired', 'hsts.missing']);
    assert.match(item('ssl').detail, /tls\.expired, hsts\.missing on 2 targets/);
  });

  it('is met when its checks ran and found nothing above low', () => {
    assert.equal(item('domain').status, 'met');
    assert.equal(item('domain').detail, '2 checks ran, nothing above low');
    assert.equal(item('caching').status, 'met');
    assert.match(item('caching').detail, /1 low\/info finding\)/);
    assert.equal(item('environments').status, 'met');
  });

  it('is not checked when none of its checks ran, naming what fills it', () => {
    assert.equal(item('secrets').status, 'not-checked');
    assert.equal(item('secrets').detail, 'not checked yet — run `launch-ready secrets`');
    assert.equal(item('email').detail, 'not checked yet — run `launch-ready email acme.test`');
    assert.equal(item('edge').detail, 'not checked yet — no edge check ran');
    assert.equal(item('monitoring').status, 'not-checked');
  });

  it('is not checked when all its checks errored, with the reason', () => {
    assert.equal(item('logs').status, 'not-checked');
    assert.equal(item('logs').detail, 'could not check: health not collected');
  });

  it('says why a stage was left out, without calling it a failure', () => {
    assert.equal(item('chat-latency').status, 'not-checked');
    assert.equal(item('chat-latency').detail, 'not checked — the config declares no latency budget (latency.targets[].budget)');
  });

  it('counts a check for one item only: an exact id beats a prefix', () => {
    assert.equal(barItemOf('env.public-secret')?.id, 'env-vars');
    assert.equal(barItemOf('env.shared-across-environments')?.id, 'environments');
    assert.equal(barItemOf('route.unreachable')?.id, 'domain');
    assert.equal(barItemOf('https.not-enforced')?.id, 'ssl');
    assert.equal(barItemOf('email.spf-missing')?.id, 'email');
    assert.equal(barItemOf('headers.csp-missing'), undefined);
    assert.equal(barItemOf('routex.unreachable'), undefined);
    const envOnly = build([finding('env.public-secret', 'high', 'repo')], ran('env.public-secret'));
    assert.equal(envOnly.minimumBar.find((i) => i.id === 'env-vars')?.status, 'not-met');
    assert.equal(envOnly.minimumBar.find((i) => i.id === 'environments')?.status, 'not-checked');
  });
});

describe('buildReport: route map', () => {
  const artifacts: Partial<Artifacts> = {
    hosts: [
      host('www.acme.test', {
        dns: dns('www.acme.test', { cnames: ['shop.cdn.test'], a: ['192.0.2.10', '192.0.2.11'], aaaa: ['2001:db8::1'] }),
        headers: { 'cf-ray': '8f1-AMS' },
      }),
      host('acme.test', {
        https: chain(redirect('https://acme.test/', 'https://www.acme.test/'), exchange({ url: 'https://www.acme.test/' })),
      }),
      host('old.acme.test', { dns: dns('old.acme.test', { a: [], status: 'nxdomain', error: { code: 'dns-nxdomain', message: 'no such name' } }), tls: undefined, https: undefined, http: undefined }),
    ],
    versions: [
      { environment: 'production', host: 'www.acme.test', address: '192.0.2.10', url: 'https://www.acme.test/api/version', exchange: exchange({ url: 'x' }), version: '1.4.2', commit: '3f2a9c1d00' },
      { environment: 'production', host: 'www.acme.test', address: '192.0.2.11', url: 'https://www.acme.test/api/version', exchange: exchange({ url: 'x' }), version: '1.4.2', commit: '3f2a9c1d00' },
      { environment: 'production', host: 'www.acme.test', address: '2001:db8::1', url: 'https://www.acme.test/api/version', exchange: exchange({ url: 'x' }), version: '1.4.1' },
    ],
  };
  const r = build([], ran('dns.missing-record'), artifacts);

  it('has one row per host with its CNAME chain, addresses, edge, final URL, versions and certificate', () => {
    const [www, apex, old] = r.routes;
    assert.deepEqual(www.cnames, ['shop.cdn.test']);
    assert.deepEqual(www.addresses, ['192.0.2.10', '192.0.2.11', '2001:db8::1']);
    assert.equal(www.edge, 'Cloudflare');
    assert.equal(www.edgeVia, 'header');
    assert.match(www.edgeEvidence ?? '', /cf-ray: 8f1-AMS/);
    assert.equal(www.finalUrl, 'https://www.acme.test/');
    assert.equal(www.status, 200);
    assert.deepEqual(www.versions, ['1.4.2 (3f2a9c1)', '1.4.1']);
    assert.deepEqual(www.tls, { issuer: 'CN=Test CA', validTo: '2027-10-01T00:00:00.000Z', protocol: 'TLSv1.3' });
    assert.equal(www.environment, 'production');
    assert.equal(apex.edge, null);
    assert.equal(apex.finalUrl, 'https://www.acme.test/');
    assert.equal(old.error, 'DNS nxdomain: no such name');
    assert.equal(old.finalUrl, undefined);
  });
});
