/**
 * Precision and recall on the labelled corpus (test/fixtures/secrets/corpus): every rule has a true
 * positive in a realistic file, the negatives (placeholders, documentation examples, test keys,
 * hashes, UUIDs, lockfiles, minified code, i18n strings) must stay silent, and public keys must be
 * reported as public.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { scanText } from '../../src/secrets/engine.js';
import { isLockfile, styleOf } from '../../src/secrets/file-kind.js';
import { RULES } from '../../src/secrets/rules/index.js';
import { formatScore, score, type Reported } from '../fixtures/secrets/evaluate.js';
import { renderCorpus } from '../fixtures/secrets/generate.js';

const corpusDir = fileURLToPath(new URL('../fixtures/secrets/corpus', import.meta.url));
const { files, planted } = renderCorpus(corpusDir);

const secretReports: Reported[] = [];
const publicReports: Reported[] = [];
for (const f of files) {
  for (const m of scanText(f.text, { path: f.path, style: styleOf(f.path), lockfile: isLockfile(f.path) }).matches) {
    (m.kind === 'secret' ? secretReports : publicReports).push({ file: f.path, start: m.index, end: m.index + m.value.length, ruleId: m.ruleId });
  }
}

/** Rules whose refinement names the finding after what it found (the scheme, the token prefix, the JWT role). */
const REFINED_IDS: Record<string, string[]> = {
  'shopify.token': ['shopify.admin-token', 'shopify.custom-app-token', 'shopify.private-app-password', 'shopify.shared-secret'],
  'supabase.jwt': ['supabase.service-role-key', 'supabase.anon-key'],
  'database.url': ['database.postgres-url', 'database.mysql-url', 'database.mongodb-url', 'database.redis-url'],
  'google.api-key': ['google.api-key', 'firebase.web-api-key'],
};

describe('labelled corpus', () => {
  const exact = score(planted, secretReports, { ruleExact: true });
  const byPosition = score(planted, secretReports);
  it(`scores: ${formatScore('rule-exact', exact)}`, () => {
    console.log(`corpus: ${files.length} files, ${planted.filter((p) => p.kind === 'secret').length} planted secrets, ${planted.filter((p) => p.kind === 'public').length} public keys, ${planted.filter((p) => p.rule === null).length} key-shaped negatives`);
    console.log(`${formatScore('launch-ready (rule-exact)', exact)}`);
    console.log(`${formatScore('launch-ready (by position)', byPosition)}`);
    assert.deepEqual(exact.missed.map((m) => `${m.file} ${m.token}`), [], 'every planted secret is found by its rule');
    assert.deepEqual(exact.spurious.map((r) => `${r.file}:${r.start} ${r.ruleId}`), [], 'nothing else is reported as a secret');
  });

  it('has a true positive for every rule', () => {
    const expected = new Set(planted.map((p) => p.rule));
    for (const rule of RULES) {
      const ids = REFINED_IDS[rule.id] ?? [rule.id];
      assert.ok(ids.some((id) => expected.has(id)), `no corpus value for ${rule.id}`);
    }
  });

  it('reports public keys as public, at the planted place', () => {
    const publics = planted.filter((p) => p.kind === 'public');
    assert.ok(publics.length >= 5);
    for (const p of publics) {
      assert.ok(
        publicReports.some((r) => r.file === p.file && r.start === p.start && r.ruleId === p.rule),
        `${p.file} ${p.token} reported as ${p.rule} (public)`,
      );
    }
    assert.equal(publicReports.length, publics.length, 'no other public-key reports');
  });

  it('negative files stay silent', () => {
    const noisy = [...secretReports, ...publicReports].filter((r) => r.file.startsWith('negative/'));
    assert.deepEqual(noisy, []);
  });
});
