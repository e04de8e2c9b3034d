/**
 * End to end, issue 3's "done when": a served demo world (`demo --serve`), flawed and fixed, audited
 * through its config and scanned by `secrets --history --url` and `env`. Every planted secret and
 * exposure is found with redacted evidence and rotation steps, the fixed world shows only its public
 * keys as info, and no planted value appears in full in any output.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Finding } from '../../src/core/finding.js';
import type { Report } from '../../src/report/types.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { fetchVia } from '../demo/probe.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STAGE = /^(?:secret\.|exposure\.|env\.(?:public-secret|file-committed|shared-across-environments|undeclared|unused)$)/;
/** What a redacted value looks like in evidence (src/secrets/redact.ts). */
const REDACTED = /… \[\d+ chars, sha256:[0-9a-f]{8}\]/;

interface ServedWorld {
  dir: string;
  process: ChildProcess;
  config: string;
  repoDir: string;
  endpoint: { httpPort: number; httpsPort: number; caPem: string };
}

async function serve(fixed: boolean): Promise<ServedWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'lr-secrets-demo-'));
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/bin.ts`, 'demo', '--serve', '--dir', dir, ...(fixed ? ['--fixed'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo --serve did not start: ${banner}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      banner += d.toString();
      if (banner.includes('faults:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`demo --serve exited with ${code}`)));
  });
  const config = join(dir, 'launch-ready.yaml');
  const parsed = parse(await readFile(config, 'utf8')) as { secrets: { paths: string[]; history: boolean } };
  assert.equal(parsed.secrets.history, true, 'the demo config scans the history');
  const httpsPort = Number(/--connect-to www\.acme\.test:443:127\.0\.0\.1:(\d+)/.exec(banner)![1]);
  return { dir, process: child, config, repoDir: parsed.secrets.paths[0], endpoint: { httpPort: 0, httpsPort, caPem: await readFile(join(dir, 'ca.pem'), 'utf8') } };
}

async function stop(world: ServedWorld | undefined): Promise<void> {
  if (!world) return;
  if (world.process.exitCode === null) {
    world.process.kill('SIGTERM');
    await new Promise((resolve) => world.process.once('exit', resolve));
  }
  assert.equal(existsSync(world.repoDir), false, 'the world removed its repository');
  await rm(world.dir, { recursive: true, force: true });
}

/** Every key-shaped value the world plants, read the way an attacker would: from what it serves and from its repository. */
async function plantedValues(world: ServedWorld): Promise<Set<string>> {
  const get = (path: string) => fetchVia(world.endpoint, `https://www.acme.test${path}`);
  const home = (await get('/')).body;
  const script = /src="(\/assets\/app\.[0-9a-f]{10}\.js)"/.exec(home)![1];
  const texts = [home, (await get(script)).body, (await get(`${script}.map`)).body, (await get('/.env')).body];
  texts.push(execFileSync('git', ['log', '--all', '-p'], { cwd: world.repoDir, encoding: 'utf8' }));
  if (existsSync(join(world.repoDir, '.env.local'))) texts.push(await readFile(join(world.repoDir, '.env.local'), 'utf8'));
  const values = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/sk-proj-[\w-]{40,}|sk_live_\w{24,}|pk_live_\w{24,}|AIza[\w-]{35}|postgres:\/\/[^:\s]+:([^@\s]+)@/g)) values.add(m[1] ?? m[0]);
  }
  return values;
}

function json(run: CliResult): Report {
  assert.ok(run.stdout.startsWith('{'), `JSON on stdout (exit ${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Report;
}

/** `env --format json` prints the inventory and the report as one document. */
function envReport(run: CliResult): Report {
  assert.ok(run.stdout.startsWith('{'), `JSON on stdout (exit ${run.code}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { report: Report }).report;
}

const stageFindings = (report: Report): Finding[] => report.findings.filter((f) => STAGE.test(f.id));
const withRule = (findings: Finding[], id: string, rule: string) => findings.filter((f) => f.id === id && f.evidence.includes(`(${rule})`));

/** Everything a run wrote: its stdout and stderr, and each report file in its --out folder. */
async function outputs(run: CliResult, out?: string): Promise<Array<[string, string]>> {
  const all: Array<[string, string]> = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ];
  if (out) for (const file of await readdir(out)) all.push([file, await readFile(join(out, file), 'utf8')]);
  return all;
}

describe('the secrets stage on the flawed demo world', () => {
  let world: ServedWorld;
  let planted: Set<string>;
  let out: string;
  let audit: CliResult;
  let secrets: CliResult;
  let secretsTerminal: CliResult;
  let env: CliResult;

  before(async () => {
    world = await serve(false);
    planted = await plantedValues(world);
    out = await mkdtemp(join(tmpdir(), 'lr-secrets-out-'));
    [audit, secrets, secretsTerminal, env] = await Promise.all([
      runCli(['audit', '--config', world.config, '--format', 'json', '--out', join(out, 'audit'), '--save-artifacts', join(out, 'artifacts.json'), '-q']),
      runCli(['secrets', '--config', world.config, '--history', '--url', 'https://www.acme.test/', '--format', 'json', '--out', join(out, 'secrets')]),
      runCli(['secrets', '--config', world.config, '--history', '--url', 'https://www.acme.test/']),
      runCli(['env', world.repoDir, '--format', 'json', '-q']),
    ]);
  });
  after(async () => {
    await stop(world);
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('plants six distinct key-shaped values', () => {
    // OpenAI (bundle and .env.local), the OpenAI key left in the history, Stripe secret and publishable, Firebase, the database password.
    assert.equal(planted.size, 6, [...planted].map((v) => v.slice(0, 8)).join(', '));
  });

  for (const [name, run] of [
    ['the audit', () => audit],
    ['secrets --history --url', () => secrets],
  ] as const) {
    it(`${name} finds every planted secret and exposure, redacted, with rotation steps`, () => {
      assert.equal(run().code, 1, run().stderr);
      const findings = stageFindings(json(run()));
      const frontend = findings.filter((f) => f.id === 'secret.in-frontend' && f.severity === 'critical');
      assert.deepEqual(frontend.map((f) => /\((\S+)\)/.exec(f.evidence)![1]).sort(), ['openai.project-key', 'stripe.secret-key']);
      for (const f of frontend) assert.match(f.target, /^https:\/\/www\.acme\.test\/assets\/app\.[0-9a-f]{10}\.js:\d+:\d+$/);
      const map = withRule(findings, 'secret.in-sourcemap', 'database.postgres-url');
      assert.equal(map.length, 1);
      assert.equal(map[0].severity, 'critical');
      assert.match(map[0].evidence, /at src\/server\/db\.js:\d+:\d+ \(sourcesContent of https:\/\/www\.acme\.test\/assets\/app\.[0-9a-f]{10}\.js\.map\)/);
      assert.deepEqual(findings.filter((f) => f.id === 'exposure.sourcemap').map((f) => [f.target, f.severity]), [['www.acme.test', 'high']]);
      const envFile = findings.filter((f) => f.id === 'exposure.env-file');
      assert.deepEqual(envFile.map((f) => [f.target, f.severity]), [['https://www.acme.test/.env', 'critical']]);
      assert.match(envFile[0].evidence, /PostgreSQL URL with a password .*Stripe live secret key .*OpenAI project API key/);
      const git = findings.filter((f) => f.id === 'exposure.git');
      assert.deepEqual(git.map((f) => f.target), ['www.acme.test']);
      assert.match(git[0].evidence, /\/\.git\/config answers 200 .*\/\.git\/HEAD answers 200/);
      const repo = findings.filter((f) => f.id === 'secret.in-repo' && f.severity === 'high');
      assert.deepEqual(repo.map((f) => /\((\S+)\)/.exec(f.evidence)![1]).sort(), ['database.postgres-url', 'openai.project-key', 'stripe.secret-key']);
      for (const f of repo) assert.match(f.target, /(^|\/)\.env:\d+:\d+$/);
      const history = findings.filter((f) => f.id === 'secret.in-history');
      assert.equal(history.length, 1);
      assert.match(history[0].target, /^src\/components\/assistant\.ts:\d+:\d+$/);
      assert.match(history[0].evidence, /committed in [0-9a-f]{10} by Sam Engineer <sam@acme\.test> on 2026-10-02; no longer in HEAD/);
      assert.match(history[0].remediation, /^Removing it from HEAD is not enough\. Rotate it: revoke it at platform\.openai\.com/);
      for (const f of [...frontend, ...map, ...repo, ...history]) {
        assert.match(f.evidence, REDACTED, `${f.id} ${f.target}`);
        assert.match(f.remediation, /Rotate it: revoke it at .+ Until the new value is deployed, this breaks: /, `${f.id} ${f.target}`);
      }
      const info = findings.filter((f) => f.severity === 'info');
      assert.deepEqual(new Set(info.map((f) => /\((\S+)\)/.exec(f.evidence)![1])), new Set(['stripe.publishable-key', 'firebase.web-api-key']));
    });
  }

  it('the audit also runs the env inventory: the public-prefixed secret and the committed .env', () => {
    const findings = stageFindings(json(audit));
    const publicSecret = findings.filter((f) => f.id === 'env.public-secret');
    assert.equal(publicSecret.length, 1);
    assert.match(publicSecret[0].title, /^NEXT_PUBLIC_OPENAI_API_KEY /);
    assert.equal(findings.find((f) => f.id === 'env.file-committed')?.target, '.env');
    assert.equal(json(audit).minimumBar.find((b) => b.id === 'secrets')?.status, 'not-met');
  });

  it('launch-ready env flags NEXT_PUBLIC_OPENAI_API_KEY as a secret behind a public prefix', () => {
    assert.equal(env.code, 1, env.stderr);
    const found = envReport(env).findings.filter((f) => f.id === 'env.public-secret');
    assert.deepEqual(found.map((f) => [f.title, f.severity]), [['NEXT_PUBLIC_OPENAI_API_KEY puts a secret in the browser bundle', 'critical']]);
    assert.match(found[0].evidence, REDACTED);
  });

  it('prints the terminal report with the findings and where it looked', () => {
    assert.equal(secretsTerminal.code, 1);
    assert.match(secretsTerminal.stderr, /scanned \d+ files .* \d+ commits \(\d+ file versions\), \d+ frontend documents and 12 leak paths/);
    for (const id of ['secret.in-frontend', 'secret.in-sourcemap', 'exposure.env-file', 'exposure.git', 'exposure.sourcemap', 'secret.in-repo', 'secret.in-history']) assert.ok(secretsTerminal.stdout.includes(id), id);
  });

  it('never prints or writes a planted value in full: stdout, stderr, JSON, SARIF, HTML, Markdown, saved artifacts', async () => {
    const artifacts = await readFile(join(out, 'artifacts.json'), 'utf8');
    assert.match(artifacts, /sk-proj-\*{100,}/, 'the saved bundle body keeps the key masked in place');
    const everything: Array<[string, string]> = [
      ['artifacts.json', artifacts],
      ...(await outputs(audit, join(out, 'audit'))),
      ...(await outputs(secrets, join(out, 'secrets'))),
      ...(await outputs(secretsTerminal)),
      ...(await outputs(env)),
    ];
    assert.deepEqual(
      everything.map(([name]) => name).filter((n) => n.startsWith('report.')).sort(),
      ['report.html', 'report.html', 'report.json', 'report.json', 'report.md', 'report.md', 'report.sarif', 'report.sarif'],
    );
    for (const [name, text] of everything) {
      for (const value of planted) assert.ok(!text.includes(value), `${name} holds a planted value (${value.slice(0, 8)}…)`);
    }
  });

  it('rebuilds the repository when a repository fault is switched while the world runs', async () => {
    const historyFindings = async () => json(await runCli(['secrets', '--config', world.config, '--history', '--format', 'json', '-q'])).findings.filter((f) => f.id === 'secret.in-history').length;
    assert.equal((await runCli(['demo', 'fault', 'repo-key-in-history', 'off', '--dir', world.dir])).code, 0);
    assert.equal(await historyFindings(), 0);
    assert.equal((await runCli(['demo', 'fault', 'repo-key-in-history', 'on', '--dir', world.dir])).code, 0);
    assert.equal(await historyFindings(), 1);
  });
});

describe('the secrets stage on the fixed demo world', () => {
  let world: ServedWorld;
  before(async () => {
    world = await serve(true);
  });
  after(() => stop(world));

  it('the audit reports only the public keys, as info', async () => {
    const run = await runCli(['audit', '--config', world.config, '--format', 'json', '-q']);
    const findings = stageFindings(json(run));
    assert.ok(findings.length > 0);
    assert.deepEqual(new Set(findings.map((f) => `${f.id} ${f.severity} ${/\((\S+)\)/.exec(f.evidence)![1]}`)), new Set(['secret.in-frontend info stripe.publishable-key', 'secret.in-frontend info firebase.web-api-key']));
    for (const f of findings) assert.match(f.title, /public by design, not a leak$/);
  });

  it('secrets --history --url reports only the public keys, as info, and exits 0', async () => {
    const run = await runCli(['secrets', '--config', world.config, '--history', '--url', 'https://www.acme.test/', '--format', 'json', '-q']);
    assert.equal(run.code, 0, run.stderr);
    const report = json(run);
    assert.deepEqual([...new Set(report.findings.map((f) => `${f.id} ${f.severity}`))], ['secret.in-frontend info']);
    assert.equal(report.findings.length, 2);
  });

  it('launch-ready env finds nothing above low', async () => {
    const run = await runCli(['env', world.repoDir, '--format', 'json', '-q']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(envReport(run).findings.filter((f) => f.severity !== 'low' && f.severity !== 'info'), []);
  });
});
