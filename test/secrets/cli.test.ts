/**
 * The `secrets` and `env` commands as a user runs them (a child process per run): every format on
 * a repository with history and a leaky deployed site, with the full secret values checked against
 * stdout, stderr and the files --out writes; exit codes; --baseline; .launch-ready-ignore across a
 * line move; --verify against a local fake provider.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seeded } from '../fixtures/secrets/generate.js';
import { LEAKS, startLeakySite } from './frontend-site.js';
import { createRepo, type TestRepo } from './git-repo.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

const r = seeded(1234);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const REPO = {
  openai: `sk-proj-${r.chars(ALNUM, 156)}`,
  stripe: `sk_live_51${r.chars(ALNUM, 97)}`,
  removedAnthropic: `sk-ant-api03-${r.chars(ALNUM, 93)}AA`,
  revokedOpenai: `sk-proj-${r.chars(ALNUM, 156)}`,
};
const ALL_SECRETS = [...Object.values(REPO), ...Object.values(LEAKS)];

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, ...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function assertNoSecret(text: string, where: string): void {
  for (const s of ALL_SECRETS) {
    assert.ok(!text.includes(s), `a full secret appears in ${where}`);
    // Not even a long run of its random part.
    assert.ok(!text.includes(s.slice(-16)), `a 16-character tail of a secret appears in ${where}`);
  }
}

describe('launch-ready secrets (CLI)', () => {
  let repo: TestRepo;
  let site: { server: Server; origin: string };
  let fake: Server;
  let fakeUrl: string;
  const verifyCalls: string[] = [];

  before(async () => {
    repo = createRepo('lr-cli-');
    const author = { name: 'Dev', email: 'dev@acme.test' };
    repo.write('src/claude.ts', `export const key = '${REPO.removedAnthropic}';\n`);
    repo.commit('claude', author, '2026-02-01T10:00:00+00:00');
    repo.write('src/claude.ts', 'export const key = process.env.ANTHROPIC_API_KEY;\n');
    repo.write('src/ai.ts', `const live = '${REPO.openai}';\nconst old = '${REPO.revokedOpenai}';\n`);
    repo.write('.env', `STRIPE_SECRET_KEY=${REPO.stripe}\n`);
    repo.commit('ai and payments', author, '2026-02-02T10:00:00+00:00');
    site = await startLeakySite();
    // A fake OpenAI: only the live key authenticates.
    fake = createServer((req, res) => {
      verifyCalls.push(`${req.method} ${req.url}`);
      const ok = req.url === '/v1/models' && req.headers.authorization === `Bearer ${REPO.openai}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? '{"data":[]}' : '{"error":"invalid_api_key"}');
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
  });
  after(() => {
    repo.remove();
    site.server.close();
    fake.close();
  });

  it('never prints a secret in any format, nor in the files --out writes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lr-out-'));
    try {
      const runs = await Promise.all(
        ['terminal', 'json', 'sarif', 'md', 'html'].map(async (format) => ({ format, ran: await cli(repo.dir, 'secrets', '.', '--history', '--url', `${site.origin}/`, '--format', format, ...(format === 'json' ? ['--out', out] : [])) })),
      );
      for (const { format, ran } of runs) {
        assert.equal(ran.code, 1, `${format}: exit 1 on findings (${ran.stderr})`);
        assertNoSecret(ran.stdout, `${format} stdout`);
        assertNoSecret(ran.stderr, `${format} stderr`);
      }
      for (const file of readdirSync(out)) assertNoSecret(readFileSync(join(out, file), 'utf8'), file);
      const json = JSON.parse(runs.find((x) => x.format === 'json')!.ran.stdout) as { findings: Array<{ id: string; severity: string; evidence: string }> };
      const ids = new Set(json.findings.map((f) => f.id));
      for (const id of ['secret.in-repo', 'secret.in-history', 'secret.in-frontend', 'secret.in-sourcemap', 'exposure.env-file', 'exposure.git', 'exposure.sourcemap']) assert.ok(ids.has(id), `${id} reported`);
      assert.ok(json.findings.every((f) => /fingerprint lr1-[0-9a-f]{16}/.test(f.evidence) || f.id.startsWith('exposure.')));
      const sarif = JSON.parse(runs.find((x) => x.format === 'sarif')!.ran.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }> }> };
      assert.ok(sarif.runs[0].results.some((res) => res.locations[0].physicalLocation.artifactLocation.uri === '.env' && res.locations[0].physicalLocation.region?.startLine === 1));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reports only new findings against a baseline', async () => {
    const first = await cli(repo.dir, 'secrets', '.', '--format', 'json', '-q');
    const baseline = join(repo.dir, '..', `${repo.dir.split('/').at(-1)}-baseline.json`);
    writeFileSync(baseline, first.stdout);
    try {
      const same = await cli(repo.dir, 'secrets', '.', '--baseline', baseline, '--format', 'json', '-q');
      assert.equal(same.code, 0, same.stderr);
      assert.equal((JSON.parse(same.stdout) as { findings: unknown[] }).findings.length, 0);
      const extra = `ghp_${r.chars(ALNUM, 36)}`;
      repo.write('scripts/release.sh', `GITHUB_TOKEN=${extra}\n`);
      const changed = await cli(repo.dir, 'secrets', '.', '--baseline', baseline, '--format', 'json', '-q');
      assert.equal(changed.code, 1);
      assert.deepEqual((JSON.parse(changed.stdout) as { findings: Array<{ target: string }> }).findings.map((f) => f.target), ['scripts/release.sh:1:14']);
      rmSync(join(repo.dir, 'scripts'), { recursive: true });
    } finally {
      rmSync(baseline, { force: true });
    }
  });

  it('keeps an ignored finding ignored when its line moves', async () => {
    const before = JSON.parse((await cli(repo.dir, 'secrets', '.', '--format', 'json', '-q')).stdout) as { findings: Array<{ target: string; evidence: string }> };
    const live = before.findings.find((f) => f.target === 'src/ai.ts:1:15')!;
    const fp = /lr1-[0-9a-f]{16}/.exec(live.evidence)![0];
    writeFileSync(join(repo.dir, '.launch-ready-ignore'), `# accepted: rotated on 2026-02-03\n${fp}  # the old dev key\n`);
    repo.write('src/ai.ts', `// moved\n\nconst old = '${REPO.revokedOpenai}';\nconst live = '${REPO.openai}';\n`);
    const after = JSON.parse((await cli(repo.dir, 'secrets', '.', '--format', 'json', '-q')).stdout) as { findings: Array<{ target: string }> };
    const targets = after.findings.map((f) => f.target);
    assert.ok(!targets.includes('src/ai.ts:4:16'), 'the ignored key stays ignored on its new line');
    assert.ok(targets.includes('src/ai.ts:3:14'), 'the other key is still reported');
    rmSync(join(repo.dir, '.launch-ready-ignore'));
  });

  it('--verify asks the provider (here a local fake) and says which key is live', async () => {
    const ran = await cli(repo.dir, 'secrets', 'src', '--verify', '--verify-base-url', fakeUrl, '--format', 'json', '-q');
    const findings = (JSON.parse(ran.stdout) as { findings: Array<{ severity: string; evidence: string }> }).findings;
    assert.deepEqual(findings.map((f) => [f.severity, /verified live|rejected/.exec(f.evidence)?.[0]]).sort(), [
      ['critical', 'verified live'],
      ['medium', 'rejected'],
    ]);
    assert.deepEqual(verifyCalls, ['GET /v1/models', 'GET /v1/models']);
    assertNoSecret(ran.stdout + ran.stderr, '--verify output');
  });

  it('is a usage error (exit 2) to scan a path that does not exist or give a bad URL', async () => {
    assert.equal((await cli(repo.dir, 'secrets', 'nope')).code, 2);
    assert.equal((await cli(repo.dir, 'secrets', '.', '--url', 'ftp://x')).code, 2);
  });
});

describe('launch-ready secrets: the config’s secrets.urls, and --since', () => {
  const KEYS = {
    old: `ghp_${r.chars(ALNUM, 36)}`,
    added: `sk-proj-${r.chars(ALNUM, 156)}`,
    gone: `sk-ant-api03-${r.chars(ALNUM, 93)}AA`,
    edited: `sk_live_51${r.chars(ALNUM, 97)}`,
    untracked: `gsk_${r.chars(ALNUM, 52)}`,
  };
  let repo: TestRepo;

  before(() => {
    repo = createRepo('lr-since-');
    const author = { name: 'Dev', email: 'dev@acme.test' };
    repo.write('src/old.ts', `export const token = '${KEYS.old}';\n`);
    repo.write('src/config.ts', 'export const region = "eu";\n');
    repo.commit('before the change', author, '2026-03-01T10:00:00+00:00');
    repo.git('tag', 'base');
    repo.write('src/added.ts', `export const key = '${KEYS.added}';\n`);
    repo.write('src/gone.ts', `export const key = '${KEYS.gone}';\n`);
    repo.commit('the change', author, '2026-03-02T10:00:00+00:00');
    rmSync(join(repo.dir, 'src/gone.ts'));
    repo.commit('oops, remove it', author, '2026-03-03T10:00:00+00:00');
    repo.write('src/config.ts', `export const stripe = '${KEYS.edited}';\n`);
    repo.write('src/scratch.ts', `export const groq = '${KEYS.untracked}';\n`);
  });
  after(() => repo.remove());

  it('reads secrets.urls from the config when --url is not given', async () => {
    const site = await startLeakySite();
    const dir = mkdtempSync(join(tmpdir(), 'lr-config-urls-'));
    try {
      const config = join(dir, 'launch-ready.yaml');
      writeFileSync(config, `product: Acme\ndomain: acme.test\ncanonical: https://www.acme.test/\nsecrets:\n  paths: ["${repo.dir}"]\n  urls: ["${site.origin}/"]\n`);
      const ran = await cli(repo.dir, 'secrets', '--config', config, '--format', 'json', '-q');
      const targets = (JSON.parse(ran.stdout) as { findings: Array<{ id: string; target: string }> }).findings.map((f) => `${f.id} ${f.target}`);
      assert.ok(targets.includes(`exposure.env-file ${site.origin}/.env`), ran.stderr);
      assert.ok(targets.some((t) => t.startsWith(`secret.in-frontend ${site.origin}/assets/`)));
      assert.ok(targets.some((t) => t.startsWith('secret.in-repo src/old.ts')), `the folder from secrets.paths: ${targets.join(', ')}`);
    } finally {
      site.server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--since REF scans only the files changed since REF, untracked ones, and the commits after it', async () => {
    const ran = await cli(repo.dir, 'secrets', '.', '--since', 'base', '--history', '--format', 'json');
    const findings = (JSON.parse(ran.stdout) as { findings: Array<{ id: string; target: string }> }).findings.map((f) => `${f.id} ${f.target.replace(/:\d+:\d+$/, '')}`);
    assert.deepEqual(findings.sort(), ['secret.in-history src/gone.ts', 'secret.in-repo src/added.ts', 'secret.in-repo src/config.ts', 'secret.in-repo src/scratch.ts']);
    assert.match(ran.stderr, /scanned 3 files \([\d.]+ MB\) changed since base in \., 2 commits after base/);
    assert.ok(!ran.stdout.includes(KEYS.added) && !ran.stderr.includes(KEYS.added));
  });

  it('is a usage error (exit 2) to name a commit that does not exist, or to use --since outside git', async () => {
    const bad = await cli(repo.dir, 'secrets', '.', '--since', 'no-such-branch');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since "no-such-branch": no such commit/);
    const plain = mkdtempSync(join(tmpdir(), 'lr-no-git-'));
    try {
      const outside = await cli(plain, 'secrets', '.', '--since', 'HEAD~1');
      assert.equal(outside.code, 2);
      assert.match(outside.stderr, /not in a git work tree/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('is a usage error (exit 2) to use --since on folders of two repositories', async () => {
    const other = createRepo('lr-since-other-');
    const dir = mkdtempSync(join(tmpdir(), 'lr-two-repos-'));
    try {
      other.write('README.md', 'other\n');
      other.commit('start', { name: 'Dev', email: 'dev@acme.test' }, '2026-03-01T10:00:00+00:00');
      const config = join(dir, 'launch-ready.yaml');
      writeFileSync(config, `product: Acme\ndomain: acme.test\ncanonical: https://www.acme.test/\nsecrets:\n  paths: ["${repo.dir}", "${other.dir}"]\n`);
      const ran = await cli(repo.dir, 'secrets', '--config', config, '--since', 'base');
      assert.equal(ran.code, 2, ran.stderr);
      assert.match(ran.stderr, /--since base: .* is in another git repository/);
    } finally {
      other.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
