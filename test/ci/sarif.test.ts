/** The report's SARIF validates against the SARIF 2.1.0 schema, with URL locations for web findings and path:line for repo ones. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checks } from '../../src/checks/index.js';
import type { Finding } from '../../src/core/finding.js';
import { mergeSarif, type SarifLog } from '../../src/ci/sarif-merge.js';
import { toSarif } from '../../src/report/sarif.js';
import type { Report } from '../../src/report/types.js';
import { sarifErrors } from './sarif-validator.js';

function finding(id: string, target: string, severity: Finding['severity'], rank: number): Finding {
  return { id, target, severity, stage: 1, title: `${id} title`, evidence: 'seen: `x` | y', impact: 'it matters', remediation: 'fix **it**', reference: 'https://example.com/ref', rank };
}

const report: Report = {
  tool: { name: 'launch-ready', version: '0.1.0' },
  target: 'https://www.acme.test/',
  startedAt: '2026-11-28T10:00:00.000Z',
  durationMs: 1234,
  verdict: 'not-ready',
  headline: 'Not launch ready — 1 blocker',
  summary: { critical: 1, high: 1, medium: 1, low: 0, info: 1 },
  minimumBar: [],
  findings: [
    finding('tls.expired', 'admin.acme.test', 'critical', 1),
    finding('route.unreachable', 'https://www.acme.test/auth/callback?code=a&state=b', 'high', 2),
    finding('secret.stripe-live-key', 'src/pay ment.ts:12:5', 'medium', 3),
    finding('custom.unregistered', '[::1]:8443', 'info', 4),
    finding('secret.in-frontend', 'https://www.acme.test/assets/app.9a04.js:5:419', 'high', 5),
  ],
  routes: [],
  checks: [
    { id: 'tls.expired', status: 'fail' },
    { id: 'latency.p95-over-budget', status: 'error', error: 'latency not collected' },
  ],
};

describe('SARIF 2.1.0', () => {
  const log = toSarif(report, checks);

  it('validates against the schema', () => {
    assert.deepEqual(sarifErrors(log), []);
  });

  it('locates web findings by URL and repository findings by path and line', () => {
    const locations = log.runs[0].results.map((r) => r.locations[0].physicalLocation);
    assert.deepEqual(locations[0], { artifactLocation: { uri: 'https://admin.acme.test/' } });
    assert.equal(locations[1].artifactLocation.uri, 'https://www.acme.test/auth/callback?code=a&state=b');
    assert.deepEqual(locations[2], { artifactLocation: { uri: 'src/pay%20ment.ts' }, region: { startLine: 12, startColumn: 5 } });
    assert.equal(locations[3].artifactLocation.uri, 'https://[::1]:8443/');
    assert.deepEqual(locations[4], { artifactLocation: { uri: 'https://www.acme.test/assets/app.9a04.js' }, region: { startLine: 5, startColumn: 419 } });
  });

  it('has a rule with help text for every registered check and every finding', () => {
    const rules = new Set(log.runs[0].tool.driver.rules.map((r) => r.id));
    for (const c of checks) assert.ok(rules.has(c.id), c.id);
    assert.ok(rules.has('custom.unregistered'));
    assert.ok(log.runs[0].tool.driver.rules.every((r) => r.help.text.length > 0 && r.helpUri.startsWith('https://')));
  });

  it('is rejected when it breaks the schema', () => {
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
    broken.runs[0].results[0].level = 'fatal';
    assert.match(sarifErrors(broken).join('\n'), /\/runs\/0\/results\/0\/level: must be equal to one of the allowed values/);
  });
});

describe('one SARIF file for the ci run', () => {
  const audit = toSarif({ ...report, findings: report.findings.slice(0, 2) }, checks.filter((c) => !c.id.startsWith('secret.'))) as SarifLog;
  const secrets = toSarif({ ...report, findings: report.findings.slice(2, 3) }, checks.filter((c) => c.id.startsWith('secret.') || c.id === 'tls.expired')) as SarifLog;

  it('merges the runs into one, each rule once, every ruleIndex pointing at its rule, and validates', () => {
    const merged = mergeSarif([audit, secrets]);
    assert.ok(merged);
    assert.deepEqual(sarifErrors(merged), []);
    assert.equal(merged.runs.length, 1);
    const run = merged.runs[0];
    const rules = (run.tool.driver.rules ?? []).map((r) => r.id);
    assert.equal(new Set(rules).size, rules.length);
    assert.deepEqual((run.results ?? []).map((r) => r.ruleId), ['tls.expired', 'route.unreachable', 'secret.stripe-live-key']);
    for (const r of run.results ?? []) assert.equal(rules[r.ruleIndex as number], r.ruleId);
    assert.equal(run.invocations?.length, 2);
  });

  it('is nothing when no step produced SARIF', () => {
    assert.equal(mergeSarif([]), undefined);
  });
});
