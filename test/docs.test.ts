import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checks } from '../src/checks/index.js';
import { renderChecksDoc } from '../src/report/checks-doc.js';

it('docs/checks.md matches the check registry (run `npm run docs` after changing a check)', () => {
  const committed = readFileSync(new URL('../docs/checks.md', import.meta.url), 'utf8');
  assert.equal(committed, renderChecksDoc([...checks]));
  for (const c of checks) assert.ok(committed.includes(`\`${c.id}\``), `${c.id} is documented`);
});
