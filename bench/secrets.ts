/**
 * bench/secrets: launch-ready's secret scan against secretlint (recommended preset) on the same
 * generated tree in the same run: ~200 MB of real-world source (text files of the installed
 * packages, laid out as a monorepo, with the labelled corpus planted in it), wall time and MB/s of
 * each; a ~5,000-commit history (built with `git fast-import`) scanned by launch-ready (secretlint
 * has no history mode); and precision/recall of both on the labelled corpus.
 *
 * Sizes can be changed with LR_BENCH_TREE_MB and LR_BENCH_COMMITS. Everything is written under a
 * temporary folder that is removed at the end.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scanText } from '../src/secrets/engine.js';
import { isLockfile, styleOf } from '../src/secrets/file-kind.js';
import { scanRepository } from '../src/secrets/scan.js';
import { scanHistory } from '../src/secrets/sources/history.js';
import { formatScore, score, type Reported, type Score } from '../test/fixtures/secrets/evaluate.js';
import { renderCorpus, seeded, type PlantedValue, type RenderedFile } from '../test/fixtures/secrets/generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRETLINT = join(ROOT, 'node_modules/.bin/secretlint');
const TREE_MB = Number(process.env.LR_BENCH_TREE_MB ?? 200);
const COMMITS = Number(process.env.LR_BENCH_COMMITS ?? 5000);
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|md|ya?ml|css|html|txt|d\.ts)$/;
const POOL_BYTES = 48 * 1024 * 1024;

/** Text files of the installed packages: real code, docs and configs, with their real keyword density. */
function sourcePool(): Array<{ path: string; text: string }> {
  const pool: Array<{ path: string; text: string }> = [];
  let bytes = 0;
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (bytes >= POOL_BYTES) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.isFile() && TEXT_FILE.test(e.name)) {
        const size = statSync(full).size;
        if (size === 0 || size > 2 * 1024 * 1024) continue;
        pool.push({ path: relative(join(ROOT, 'node_modules'), full), text: readFileSync(full, 'utf8') });
        bytes += size;
      }
    }
  };
  visit(join(ROOT, 'node_modules'));
  return pool;
}

function writeFiles(dir: string, files: RenderedFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

/** The pool copied under `packages/<n>/` until the tree reaches `mb`, with the corpus's positive files planted every few packages. */
function generateTree(dir: string, pool: Array<{ path: string; text: string }>, corpus: RenderedFile[], mb: number): { files: number; bytes: number } {
  let bytes = 0;
  let files = 0;
  const positives = corpus.filter((f) => f.path.startsWith('positive/'));
  for (let round = 0; bytes < mb * 1e6; round++) {
    for (const f of pool) {
      if (bytes >= mb * 1e6) break;
      const path = join(dir, 'packages', `p${round}`, f.path.replace(/(^|\/)node_modules\//g, '$1deps/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
      bytes += Buffer.byteLength(f.text);
      files++;
    }
    writeFiles(join(dir, 'apps', `shop${round}`), positives);
    files += positives.length;
    bytes += positives.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  }
  return { files, bytes };
}

/** A history of `commits` commits, each changing one to three files, written through one `git fast-import` stream. */
async function generateHistory(dir: string, pool: Array<{ path: string; text: string }>, commits: number, corpus: RenderedFile[]): Promise<void> {
  await run('git', ['-c', 'init.defaultBranch=main', 'init', '-q', dir]);
  const small = pool.filter((f) => f.text.length < 24 * 1024);
  const r = seeded(77);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))));
  const write = (chunk: string) => (child.stdin.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => child.stdin.once('drain', () => resolve())));
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const planted = corpus.filter((f) => f.path.startsWith('positive/'));
  for (let i = 1; i <= commits; i++) {
    const when = 1_700_000_000 + i * 3600;
    let cmd = `commit refs/heads/main\nmark :${i}\nauthor Dev ${i % 7} <dev${i % 7}@acme.test> ${when} +0000\ncommitter Dev <dev@acme.test> ${when} +0000\n${data(`change ${i}`)}`;
    if (i > 1) cmd += `from :${i - 1}\n`;
    for (let k = 0, n = 1 + r.int(3); k < n; k++) {
      const f = small[r.int(small.length)];
      cmd += `M 100644 inline src/m${r.int(400)}/${f.path.split('/').at(-1)}\n${data(`${f.text}\n// rev ${i}\n`)}`;
    }
    // Every 500 commits a corpus file with secrets is committed, and removed 50 commits later.
    const plantAt = i % 500;
    if (plantAt === 1 || plantAt === 51) {
      const f = planted[Math.floor(i / 500) % planted.length];
      cmd += plantAt === 1 ? `M 100644 inline leaked/${f.path}\n${data(f.text)}` : `D leaked/${f.path}\n`;
    }
    await write(cmd);
  }
  child.stdin.end();
  await done;
}

function run(cmd: string, args: string[], cwd?: string): Promise<{ stdout: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, maxBuffer: 1024 * 1024 * 1024 }, (err, stdout, stderr) => {
      // secretlint exits 1 when it finds something; only a crash is a failure.
      if (err && (err as { code?: number }).code !== 1) reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`));
      else resolve({ stdout, ms: performance.now() - started });
    });
  });
}

/**
 * secretlint's run time grows with the square of the number of files it is given in one run
 * (measured with 11.7.1: 500, 1,000 and 2,000 small files took 2.9, 9.0 and 27 s), so a tree of
 * tens of thousands of files would take hours. It is run the way a user would work around that: in
 * batches of BATCH files, one process each, every batch's wall time counted.
 */
const BATCH = 250;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

interface SecretlintMessage {
  ruleId: string;
  range: [number, number];
}

/** Runs secretlint over every file of `dir` in batches; returns the total wall time and what it reported. */
async function secretlint(dir: string, rc: string, work: string): Promise<{ ms: number; reports: Reported[] }> {
  const files = listFiles(dir);
  const out = join(work, 'secretlint.json');
  let ms = 0;
  const reports: Reported[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    ms += (await run(SECRETLINT, ['--no-glob', '--secretlintrc', rc, '--format', 'json', '--output', out, ...files.slice(i, i + BATCH)], dir)).ms;
    const results = JSON.parse(readFileSync(out, 'utf8')) as Array<{ filePath: string; messages: SecretlintMessage[] }>;
    reports.push(...results.flatMap((f) => f.messages.map((m) => ({ file: relative(dir, f.filePath), start: m.range[0], end: m.range[1], ruleId: m.ruleId }))));
  }
  return { ms, reports };
}

function launchReadyReports(files: RenderedFile[]): Reported[] {
  return files.flatMap((f) =>
    scanText(f.text, { path: f.path, style: styleOf(f.path), lockfile: isLockfile(f.path) })
      .matches.filter((m) => m.kind === 'secret')
      .map((m) => ({ file: f.path, start: m.index, end: m.index + m.value.length, ruleId: m.ruleId })),
  );
}

const pct = (s: Score, k: 'precision' | 'recall') => `${(s[k] * 100).toFixed(1)}%`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (bytes: number, ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

export async function benchSecrets(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lr-bench-secrets-'));
  try {
    const rc = join(work, 'secretlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const corpusDir = join(work, 'corpus');
    const { files: corpus, planted } = renderCorpus(join(ROOT, 'test/fixtures/secrets/corpus'));
    writeFiles(corpusDir, corpus);

    process.stderr.write(`bench/secrets: generating a ${TREE_MB} MB tree and a ${COMMITS}-commit history in ${work}…\n`);
    const pool = sourcePool();
    const tree = join(work, 'tree');
    const generated = generateTree(tree, pool, corpus, TREE_MB);
    const repo = join(work, 'history');
    await generateHistory(repo, pool, COMMITS, corpus);

    // Both tools read the tree just written, from the page cache.
    const lrStart = performance.now();
    const lr = await scanRepository({ paths: [tree], cwd: work, history: false });
    const lrMs = performance.now() - lrStart;
    const lrBytes = lr.repo.roots[0].bytes;
    const hStart = performance.now();
    const history = await scanHistory(repo, { maxFileBytes: 10 * 1024 * 1024 });
    const hMs = performance.now() - hStart;
    process.stderr.write(`launch-ready: tree ${secs(lrMs)} (${rate(lrBytes, lrMs)}), history ${secs(hMs)}; now secretlint, in batches of ${BATCH} files…\n`);

    const sl = await secretlint(tree, rc, work);
    const slMs = sl.ms;
    const slFindings = sl.reports.length;
    const slScore = score(planted, (await secretlint(corpusDir, rc, work)).reports);
    const lrScore = score(planted, launchReadyReports(corpus));

    const planted2 = planted.filter((p: PlantedValue) => p.kind === 'secret').length;
    process.stdout.write(
      `\nbench/secrets — tree: ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB; history: ${history.commits} commits, ${history.blobs} file versions, ${(history.bytes / 1e6).toFixed(1)} MB; corpus: ${corpus.length} files, ${planted2} planted secrets\n\n` +
        table([
          ['', 'launch-ready', `secretlint 11 (recommended preset, ${BATCH} files per run)`],
          ['working tree, wall', secs(lrMs), secs(slMs)],
          ['working tree, throughput', rate(lrBytes, lrMs), rate(generated.bytes, slMs)],
          ['working tree, findings', String(lr.repo.matches.length), String(slFindings)],
          ['git history, wall', `${secs(hMs)} (${rate(history.bytes, hMs)}, ${history.hits.length} secrets)`, 'n/a (no history mode)'],
          ['corpus precision', pct(lrScore, 'precision'), pct(slScore, 'precision')],
          ['corpus recall', pct(lrScore, 'recall'), pct(slScore, 'recall')],
        ]) +
        `\n\nthroughput ratio: ${(slMs / lrMs).toFixed(1)}× secretlint (goal ≥ 5×)\n${formatScore('launch-ready', lrScore)}\n${formatScore('secretlint', slScore)}\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSecrets();
