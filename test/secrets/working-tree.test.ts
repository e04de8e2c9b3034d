import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isIgnored, parseIgnoreFile } from '../../src/secrets/sources/ignore-rules.js';
import { scanRepository } from '../../src/secrets/scan.js';
import { scanWorkingTree } from '../../src/secrets/sources/working-tree.js';
import { seeded } from '../fixtures/secrets/generate.js';
import { createRepo, type TestRepo } from './git-repo.js';

const key = `ghp_${seeded(3).chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 36)}`;

/** The same layout in a plain folder and in a git work tree. */
const FILES: Record<string, string> = {
  '.gitignore': '*.log\n!keep.log\n/build/\ncache/\n',
  'src/app.ts': `const t = '${key}';\n`,
  'src/debug.log': `${key}\n`,
  'keep.log': `${key}\n`,
  'build/out.js': `${key}\n`,
  'src/build/ok.js': `${key}\n`,
  'web/cache/x.js': `${key}\n`,
  'web/.gitignore': 'local.js\n',
  'web/local.js': `${key}\n`,
  'node_modules/pkg/index.js': `${key}\n`,
  'assets/logo.png': `${key}\n`,
  'data.bin': `\0\0${key}\n`,
};

function write(root: string): void {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const EXPECTED = ['keep.log', 'src/app.ts', 'src/build/ok.js'];

describe('working tree', () => {
  let plain: string;
  let repo: TestRepo;
  before(() => {
    plain = mkdtempSync(join(tmpdir(), 'lr-plain-'));
    write(plain);
    repo = createRepo('lr-tree-');
    write(repo.dir);
  });
  after(() => {
    rmSync(plain, { recursive: true, force: true });
    repo.remove();
  });

  it('outside git: honours nested .gitignore files and skips vendored and binary files', async () => {
    const scan = await scanWorkingTree(plain, { maxFileBytes: 1e6 });
    assert.equal(scan.git, false);
    assert.deepEqual(scan.hits.map((h) => h.path), EXPECTED);
    assert.deepEqual(scan.skipped, { vendored: 1, binary: 2, tooLarge: 0, unreadable: 0 });
  });

  it('in git: the files git sees (tracked and untracked, not ignored)', async () => {
    const scan = await scanWorkingTree(repo.dir, { maxFileBytes: 1e6 });
    assert.equal(scan.git, true);
    assert.deepEqual(scan.hits.map((h) => h.path), EXPECTED);
  });

  it('names a single scanned file as it was given', async () => {
    const { repo } = await scanRepository({ paths: ['src/app.ts'], cwd: plain, history: false });
    assert.deepEqual(repo.matches.map((m) => `${m.location}:${m.line}`), ['src/app.ts:1']);
  });

  it('skips files above the size cap', async () => {
    const scan = await scanWorkingTree(plain, { maxFileBytes: 10 });
    assert.deepEqual(scan.hits, []);
    assert.ok(scan.skipped.tooLarge >= 3);
  });
});

describe('gitignore matcher', () => {
  const rules = [...parseIgnoreFile('*.log\n!keep.log\n/build/\ndocs/**/draft-*.md\n\\#literal\n', ''), ...parseIgnoreFile('tmp\n', 'web')];
  const cases: Array<[string, boolean, boolean]> = [
    ['a.log', false, true],
    ['deep/x/a.log', false, true],
    ['keep.log', false, false],
    ['build', true, true],
    ['src/build', true, false],
    ['docs/a/b/draft-1.md', false, true],
    ['docs/draft-1.md', false, true],
    ['#literal', false, true],
    ['web/tmp', false, true],
    ['tmp', false, false],
  ];
  for (const [path, dir, ignored] of cases) it(`${path} is ${ignored ? '' : 'not '}ignored`, () => assert.equal(isIgnored(rules, path, dir), ignored));
});
