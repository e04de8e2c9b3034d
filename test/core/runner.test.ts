import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineCheck } from '../../src/core/check.js';
import { rankFindings, routeKindOf } from '../../src/core/rank.js';
import { runChecks } from '../../src/core/runner.js';
import type { Finding } from '../../src/core/finding.js';
import { host, plan, route } from '../helpers/artifacts.js';

const meta = {
  severity: 'medium' as const,
  stage: 2 as const,
  title: 'ok',
  failureTitle: 'not ok',
  description: 'd',
  impact: 'i',
  remediation: 'r',
  reference: 'https://example.org/',
};

describe('runChecks', () => {
  const everyHost = defineCheck({ ...meta, id: 'test.every-host', requires: ['hosts'], run: ({ hosts }) => hosts.map((h) => ({ target: h.host, evidence: 'seen' })) });

  it('hands a check only what it declared and fills findings from its meta', () => {
    const run = runChecks([everyHost], { plan: plan(), hosts: [host('acme.test')], routes: [] });
    assert.deepEqual(run.results, [{ id: 'test.every-host', status: 'fail' }]);
    assert.deepEqual(run.findings[0], { id: 'test.every-host', severity: 'medium', stage: 2, target: 'acme.test', title: 'not ok', evidence: 'seen', impact: 'i', remediation: 'r', reference: 'https://example.org/' });
  });

  it('turns a missing or failed artifact into an error result, not a crash', () => {
    assert.deepEqual(runChecks([everyHost], { plan: plan() }).results, [{ id: 'test.every-host', status: 'error', error: 'hosts not collected' }]);
    const failed = runChecks([everyHost], { plan: plan(), hosts: [], errors: { hosts: 'collector hosts failed: boom' } });
    assert.equal(failed.results[0].error, 'collector hosts failed: boom');
  });

  it('turns a throwing check into an error result and still runs the others', () => {
    const broken = defineCheck({ ...meta, id: 'test.broken', requires: [], run: () => { throw new Error('bug'); } });
    const run = runChecks([broken, everyHost], { plan: plan(), hosts: [] });
    assert.deepEqual(run.results.map((r) => r.status), ['error', 'pass']);
    assert.match(run.results[0].error ?? '', /bug/);
  });
});

describe('rankFindings', () => {
  const p = plan({ routes: [route({ name: 'checkout', url: 'https://www.acme.test/checkout', kind: 'checkout' }), route({ name: 'api', url: 'https://api.acme.test/x', kind: 'api' })] });
  const f = (id: string, severity: Finding['severity'], target: string): Finding => ({ id, severity, stage: 2, target, title: '', evidence: '', impact: '', remediation: '', reference: '' });

  it('weights severity by the most valuable route on the target', () => {
    assert.equal(routeKindOf('www.acme.test', p), 'checkout');
    assert.equal(routeKindOf('https://api.acme.test/x', p), 'api');
    assert.equal(routeKindOf('blog.acme.test', p), 'page');
    const ranked = rankFindings([f('a.page', 'high', 'blog.acme.test'), f('b.api', 'high', 'api.acme.test'), f('c.checkout', 'high', 'www.acme.test'), f('d.crit', 'critical', 'blog.acme.test')], p);
    assert.deepEqual(ranked.map((x) => x.id), ['d.crit', 'c.checkout', 'b.api', 'a.page']);
    assert.deepEqual(ranked.map((x) => x.rank), [1, 2, 3, 4]);
  });

  it('breaks ties by how many targets share the problem', () => {
    const ranked = rankFindings([f('one.host', 'medium', 'a.acme.test'), f('two.hosts', 'medium', 'b.acme.test'), f('two.hosts', 'medium', 'c.acme.test')], p);
    assert.deepEqual(ranked.map((x) => x.id), ['two.hosts', 'two.hosts', 'one.host']);
  });
});
