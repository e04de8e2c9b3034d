import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderJson, toJsonReport } from '../../src/report/json.js';
import { fixedReport } from './fixture.js';

const doc = readFileSync(new URL('../../docs/report-json.md', import.meta.url), 'utf8');

/** Field paths documented in the tables of docs/report-json.md: `findings[].id`, `summary.high`… */
const documented = new Set([...doc.matchAll(/^\| `([A-Za-z.[\]]+)` \|/gm)].map((m) => m[1]));

/** Every key path of a JSON value, arrays written as `[]`. */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => paths(v, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...paths(v, p)];
  });
}

describe('json report', () => {
  const report = fixedReport();
  const parsed = JSON.parse(renderJson(report)) as Record<string, unknown>;

  it('has the documented top-level keys in order', () => {
    assert.deepEqual(Object.keys(parsed), [
      'schemaVersion', 'tool', 'target', 'startedAt', 'durationMs', 'verdict', 'headline', 'summary', 'minimumBar', 'findings', 'routes', 'checks',
    ]);
    assert.deepEqual(Object.keys(parsed.summary as object), ['critical', 'high', 'medium', 'low', 'info']);
  });

  it('round-trips the report: findings keep every documented field, in rank order', () => {
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(toJsonReport(report))));
    const findings = parsed.findings as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(findings[0]), ['id', 'severity', 'stage', 'target', 'title', 'evidence', 'impact', 'remediation', 'reference', 'rank', 'routeKind']);
    assert.deepEqual(findings.map((f) => f.rank), [1, 2, 3, 4]);
    for (const [i, f] of report.findings.entries()) {
      for (const key of ['id', 'severity', 'stage', 'target', 'title', 'evidence', 'impact', 'remediation', 'reference', 'rank'] as const) {
        assert.deepEqual(findings[i][key], f[key], key);
      }
    }
    assert.equal(findings[1].evidence, report.findings[1].evidence, 'evidence is data: kept as received, not escaped');
    assert.equal((parsed.routes as Array<Record<string, unknown>>)[1].edge, null);
    assert.ok(!('finalUrl' in (parsed.routes as Array<Record<string, unknown>>)[1]), 'absent optional fields are left out');
  });

  it('documents every field it emits, and emits every field it documents', () => {
    const emitted = new Set(paths(parsed));
    assert.deepEqual([...emitted].filter((p) => !documented.has(p)), [], 'emitted but not documented');
    assert.deepEqual([...documented].filter((p) => !emitted.has(p)), [], 'documented but not emitted by the full fixture');
  });

  it('has a documented example that parses and uses only documented fields', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    assert.ok(example, 'the doc has a json example');
    const value = JSON.parse(example) as unknown;
    assert.deepEqual(paths(value).filter((p) => !documented.has(p)), []);
  });
});
