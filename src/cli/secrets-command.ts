/**
 * `launch-ready secrets [PATH]`: secrets in the working tree, the git history (--history) and the
 * deployed frontend (--url, else the config's secrets.urls), optionally narrowed to a change
 * (--since), with suppression (inline comments, .launch-ready-ignore, --baseline), optional
 * liveness checks (--verify) and every report format. Exit code as the audit's (--fail-on).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import pLimit from 'p-limit';
import { getDomain } from 'tldts';
import { secretsStageChecks } from '../checks/secret/index.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { networkFromConfig } from '../config/plan.js';
import type { Artifacts } from '../core/artifacts.js';
import { UsageError } from '../core/errors.js';
import { DnsClient } from '../net/dns-client.js';
import { HttpClient } from '../net/http-client.js';
import type { FrontendSecretScan, Suppressed } from '../secrets/artifact.js';
import { FRONTEND_BODY_CAP } from '../secrets/collect.js';
import { sameSiteAsUrl } from '../secrets/same-site.js';
import { stagePlan, stageReport } from '../secrets/command-report.js';
import { scanFrontend, scanRepository } from '../secrets/scan.js';
import { CRAWL_DEFAULTS } from '../secrets/sources/frontend.js';
import { commitOf, workTreeTop } from '../secrets/sources/git.js';
import { readBaseline, readIgnoreFile, type Suppression } from '../secrets/suppression.js';
import { createVerifier } from '../secrets/verify.js';
import { addOutputOptions, type RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { checkOutputFlags, emitReport, type OutputFlags } from './output.js';
import { stderrProgress } from './progress.js';

export interface SecretsFlags extends NetworkFlags, OutputFlags {
  config?: string;
  history?: boolean;
  since?: string;
  url?: string[];
  baseline?: string;
  ignoreFile?: string;
  verify?: boolean;
  verifyBaseUrl?: string;
  maxPages?: string;
}

/** The config named by --config, or ./launch-ready.yaml when it exists; none is fine. */
async function optionalConfig(path: string | undefined): Promise<LoadedConfig | undefined> {
  if (path) return loadConfig(path);
  const local = resolve('launch-ready.yaml');
  return existsSync(local) ? loadConfig(local) : undefined;
}

function httpUrl(value: string, flag: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new UsageError('LR_BAD_URL', `${flag} "${value}": expected an absolute http(s) URL such as https://www.acme.test/.`);
}

/** The commit --since names. A commit belongs to one repository, so every scanned folder must sit in the same one. */
async function sinceCommit(dirs: string[], ref: string): Promise<string> {
  let top: string | undefined;
  for (const dir of dirs) {
    const here = await workTreeTop(dir);
    if (!here) throw new UsageError('LR_NOT_A_REPO', `--since ${ref}: ${dir} is not in a git work tree, so there is no change to narrow the scan to.`);
    if (top !== undefined && here !== top) {
      throw new UsageError('LR_MIXED_REPOS', `--since ${ref}: ${dir} is in another git repository than ${dirs[0]}; scan each repository in its own run.`);
    }
    top = here;
  }
  const sha = await commitOf(dirs[0], ref);
  if (!sha) throw new UsageError('LR_BAD_REF', `--since "${ref}": no such commit here. In CI, fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin main).`);
  return sha;
}

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('LR_BAD_NUMBER', `${flag} "${value}": expected a whole number above zero.`);
  return n;
}

function describeScan(artifacts: Artifacts, since?: string): string {
  const parts: string[] = [];
  const repo = artifacts.repoSecrets;
  if (repo) {
    const files = repo.roots.reduce((n, r) => n + r.files, 0);
    const mb = repo.roots.reduce((n, r) => n + r.bytes, 0) / 1e6;
    parts.push(`${files} files (${mb.toFixed(1)} MB)${since ? ` changed since ${since}` : ''} in ${repo.roots.map((r) => r.root).join(', ')}`);
  }
  const history = artifacts.historySecrets;
  if (history) parts.push(`${history.commits} commits${since ? ` after ${since}` : ''} (${history.blobs} file versions)`);
  const frontend = artifacts.frontendSecrets;
  if (frontend) parts.push(`${frontend.documents.length} frontend documents and ${frontend.leakPaths.length} leak paths${frontend.capped.length ? ` (stopped at ${frontend.capped.join(', ')})` : ''}`);
  const s = [repo?.suppressed, history?.suppressed, frontend?.suppressed].reduce<Suppressed>(
    (acc, x) => ({ inline: acc.inline + (x?.inline ?? 0), ignoreFile: acc.ignoreFile + (x?.ignoreFile ?? 0), baseline: acc.baseline + (x?.baseline ?? 0) }),
    { inline: 0, ignoreFile: 0, baseline: 0 },
  );
  const suppressed = [s.inline && `${s.inline} by launch-ready:allow`, s.ignoreFile && `${s.ignoreFile} by the ignore file`, s.baseline && `${s.baseline} in the baseline`].filter(Boolean);
  return `scanned ${parts.join(', ')}${suppressed.length ? `; suppressed ${suppressed.join(', ')}` : ''}\n`;
}

export async function secretsAction(pathArg: string | undefined, flags: SecretsFlags, cmd?: Command): Promise<number> {
  checkOutputFlags(flags);
  const startedAt = new Date();
  const loaded = await optionalConfig(flags.config);
  const section = loaded?.config.secrets;
  const configDir = loaded?.dir ?? process.cwd();
  // Config paths as if typed from here, so findings name `src/x.ts` (what SARIF and a reader expect), not an absolute path.
  const paths = pathArg !== undefined ? [pathArg] : (section?.paths.map((p) => relative(process.cwd(), resolve(configDir, p)) || '.') ?? ['.']);
  for (const p of paths) if (!existsSync(p)) throw new UsageError('LR_NO_SUCH_PATH', `${p}: no such file or folder to scan.`);
  const urls = (flags.url ?? section?.urls ?? []).map((u) => httpUrl(u, '--url'));
  const history = Boolean(flags.history ?? section?.history);
  const firstRoot = statSync(paths[0]).isDirectory() ? paths[0] : dirname(paths[0]);
  const ignorePath = flags.ignoreFile ?? (section ? resolve(configDir, section.ignoreFile) : join(firstRoot, '.launch-ready-ignore'));
  const suppression: Suppression = { ignore: await readIgnoreFile(ignorePath), baseline: flags.baseline ? await readBaseline(flags.baseline) : new Set() };
  const since = flags.since !== undefined ? await sinceCommit(paths.map((p) => (statSync(p).isDirectory() ? p : dirname(p))), flags.since) : undefined;
  const maxPages = positiveInt(flags.maxPages, '--max-pages', CRAWL_DEFAULTS.maxPages);
  if (flags.verifyBaseUrl !== undefined) httpUrl(flags.verifyBaseUrl, '--verify-base-url');

  const needsNetwork = urls.length > 0 || Boolean(flags.verify);
  const settings = needsNetwork ? networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, cmd ? typedSources(cmd) : undefined) : undefined;
  const http = settings ? new HttpClient({ ...settings, maxBodyBytes: FRONTEND_BODY_CAP }, new DnsClient(settings)) : undefined;
  const verifier = flags.verify && http ? createVerifier(http, flags.verifyBaseUrl ? { baseUrl: flags.verifyBaseUrl } : {}) : undefined;
  const progress = stderrProgress({ quiet: Boolean(flags.quiet), label: 'secrets' });
  const target = urls[0]?.toString() ?? paths.join(', ');
  const artifacts: Artifacts = { plan: stagePlan(target, urls[0] ? (getDomain(urls[0].hostname) ?? urls[0].hostname) : basename(resolve(paths[0])), startedAt) };
  try {
    const repo = await scanRepository({ paths, cwd: process.cwd(), history, since, suppression, ...(verifier ? { verifier } : {}) });
    artifacts.repoSecrets = repo.repo;
    if (repo.history) artifacts.historySecrets = repo.history;
    if (http && settings && urls.length > 0) {
      const scans: FrontendSecretScan[] = [];
      for (const url of urls) {
        scans.push(
          await scanFrontend(http, {
            ...CRAWL_DEFAULTS,
            maxPages,
            startUrls: [url.toString()],
            origins: [url.origin],
            isSameSite: sameSiteAsUrl(url),
            limit: pLimit(settings.concurrency),
            progress,
            suppression,
            ...(verifier ? { verifier } : {}),
          }),
        );
      }
      artifacts.frontendSecrets = scans.reduce(mergeFrontendScans);
    }
  } finally {
    progress.done();
    await http?.close();
  }
  if (!flags.quiet) process.stderr.write(describeScan(artifacts, flags.since));
  const report = stageReport({ checks: secretsStageChecks, artifacts, target, startedAt, barItems: ['secrets'] });
  return emitReport(report, flags);
}

/** Two crawls (two --url) as one artifact. */
function mergeFrontendScans(a: FrontendSecretScan, b: FrontendSecretScan): FrontendSecretScan {
  return {
    startUrls: [...a.startUrls, ...b.startUrls],
    origins: [...new Set([...a.origins, ...b.origins])],
    documents: [...a.documents, ...b.documents],
    leakPaths: [...a.leakPaths, ...b.leakPaths],
    matches: [...a.matches, ...b.matches],
    suppressed: { inline: a.suppressed.inline + b.suppressed.inline, ignoreFile: a.suppressed.ignoreFile + b.suppressed.ignoreFile, baseline: a.suppressed.baseline + b.suppressed.baseline },
    capped: [...new Set([...a.capped, ...b.capped])],
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerSecretsCommand: RegisterCommand = (root, run) => {
  addOutputOptions(
    addNetworkOptions(
      root
        .command('secrets')
        .argument('[path]', 'folder or file to scan (default: secrets.paths from the config, else .)')
        .description('find secrets in the working tree, the git history (--history) and the deployed frontend (--url), redacted, with rotation steps')
        .option('-c, --config <file>', 'read the secrets section and network settings of this config (default: ./launch-ready.yaml when present)')
        .option('--history', 'also scan every blob reachable from any ref of the git history')
        .option('--since <ref>', 'scan only files changed since this commit (plus untracked ones) and, with --history, only the commits after it: a change in CI')
        .addOption(new Option('--url <url>', 'also crawl this deployed site: pages, bundles, source maps, leak paths (repeatable; default: secrets.urls from the config)').argParser(collect))
        .option('--max-pages <n>', `HTML pages crawled per --url (default ${CRAWL_DEFAULTS.maxPages})`)
        .option('--baseline <file>', 'a previous report of this command (any format) or a list of fingerprints: only new findings are reported')
        .option('--ignore-file <file>', 'fingerprints of accepted findings (default: .launch-ready-ignore in the scanned folder)')
        .option('--verify', 'ask the provider whether each key is live (OpenAI, Anthropic, Groq, Hugging Face, GitHub, Stripe, SendGrid, Slack); sends the key to the provider')
        .addOption(new Option('--verify-base-url <url>', 'send --verify calls to this base URL instead of the providers (a proxy or a test double)').hideHelp()),
    ),
  ).action(run((path: string | undefined, flags: SecretsFlags, cmd: Command) => secretsAction(path, flags, cmd)));
};
