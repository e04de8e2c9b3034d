/**
 * Runs every check's pass/fail table (test/checks/cases/<folder>/<name>.ts) and refuses weak
 * tables: each registered check needs a file named for its id, a passing case, and failing cases
 * that each expect at least one finding.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checks } from '../../src/checks/index.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckCases } from '../helpers/check-cases.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function pathOf(id: string): string {
  const dot = id.indexOf('.');
  return `${id.slice(0, dot)}/${id.slice(dot + 1)}`;
}

describe('check registry', () => {
  it('has unique ids', () => {
    const ids = checks.map((c) => c.id);
    assert.deepEqual([...new Set(ids)], ids);
  });
  for (const check of checks) {
    it(`${check.id} lives in src/checks/${pathOf(check.id)}.ts and has complete meta`, async () => {
      const mod = (await import(`../../src/checks/${pathOf(check.id)}.js`)) as { default: unknown };
      assert.equal(mod.default, check, 'the file default-exports the registered check');
      for (const key of ['title', 'failureTitle', 'description', 'impact', 'remediation', 'reference'] as const) {
        assert.ok(check[key].trim().length > 10, `${key} is written out`);
      }
      assert.match(check.reference, /^https:\/\//);
    });
  }
});

for (const check of checks) {
  describe(check.id, async () => {
    const file = `${root}test/checks/cases/${pathOf(check.id)}.ts`;
    it('has a case table', () => assert.ok(existsSync(file), `missing ${file}`));
    if (!existsSync(file)) return;
    const table = ((await import(`./cases/${pathOf(check.id)}.js`)) as { default: CheckCases }).default;
    it('has at least one pass and one fail case, each fail expecting a finding', () => {
      assert.ok(table.pass.length >= 1, 'no pass case');
      assert.ok(table.fail.length >= 1, 'no fail case');
      for (const c of table.fail) assert.ok(c.expect.length >= 1, `fail case "${c.name}" expects nothing`);
      const names = [...table.pass, ...table.fail].map((c) => c.name);
      assert.deepEqual([...new Set(names)], names, 'case names are unique');
    });
    for (const c of table.pass) {
      it(`passes: ${c.name}`, () => {
        const run = runChecks([check], c.artifacts);
        assert.equal(run.results[0].status, 'pass', run.results[0].error ?? JSON.stringify(run.findings, null, 2));
      });
    }
    for (const c of table.fail) {
      it(`fails: ${c.name}`, () => {
        const run = runChecks([check], c.artifacts);
        assert.equal(run.results[0].status, 'fail', run.results[0].error ?? 'no finding');
        const left = [...run.findings];
        for (const e of c.expect) {
          const i = left.findIndex(
            (f) =>
              f.target === e.target &&
              (!e.severity || f.severity === e.severity) &&
              (!e.evidence || (typeof e.evidence === 'string' ? f.evidence.includes(e.evidence) : e.evidence.test(f.evidence))),
          );
          assert.ok(i >= 0, `expected ${JSON.stringify(e)} among ${JSON.stringify(left, null, 2)}`);
          left.splice(i, 1);
        }
        assert.deepEqual(left, [], 'no unexpected findings');
      });
    }
  });
}
