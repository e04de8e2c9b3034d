/**
 * Every email finding says what to publish: run each email check's failing cases (the tables in
 * test/checks/cases/email/) and require, for every finding, advice of its own (not the check's
 * generic text) with a record in the `  NAME  TYPE  VALUE` shape. The few findings where no record
 * can be written (a DNS server that does not answer, a hostile tree, a provider's record) must
 * still name the exact names to act on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emailChecks } from '../../src/checks/email/index.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckCases } from '../helpers/check-cases.js';

const RECORD_LINE = /^ +\S+ {2}(TXT|MX|A|AAAA|CNAME|CAA) {2}\S/m;

/** check id → failing cases whose advice is an instruction with exact names rather than a record. */
const INSTRUCTIONS: Record<string, readonly string[]> = {
  'email.lookup-failed': ['the SPF lookup times out', 'a provider include fails and the DMARC server fails'],
  'email.spf-too-many-lookups': ['a tree that never ends is cut and still reported'],
  'email.spf-too-large': ['a 64 KB answer (medium)'],
  'email.spf-ptr': ['ptr in an included record'],
};

describe('every email finding gives the record to paste', () => {
  for (const check of emailChecks) {
    it(check.id, async () => {
      const table = ((await import(`../checks/cases/email/${check.id.slice('email.'.length)}.js`)) as { default: CheckCases }).default;
      for (const c of table.fail) {
        const { findings } = runChecks([check], c.artifacts);
        assert.ok(findings.length > 0, c.name);
        for (const f of findings) {
          assert.notEqual(f.remediation, check.remediation, `${c.name}: generic advice`);
          if (INSTRUCTIONS[check.id]?.includes(c.name)) assert.match(f.remediation, /\b[a-z0-9_-]+(\.[a-z0-9_-]+)*\.test\b/, `${c.name}: names no DNS name`);
          else assert.match(f.remediation, RECORD_LINE, `${c.name}: no record to paste in\n${f.remediation}`);
        }
      }
    });
  }
});
