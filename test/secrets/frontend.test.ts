import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:net';
import pLimit from 'p-limit';
import { secretsStageChecks } from '../../src/checks/secret/index.js';
import { silentProgress } from '../../src/collect/context.js';
import { runChecks } from '../../src/core/runner.js';
import { DnsClient } from '../../src/net/dns-client.js';
import { HttpClient } from '../../src/net/http-client.js';
import { DEFAULT_NETWORK } from '../../src/net/settings.js';
import type { FrontendSecretScan } from '../../src/secrets/artifact.js';
import { scanFrontend } from '../../src/secrets/scan.js';
import { CRAWL_DEFAULTS } from '../../src/secrets/sources/frontend.js';
import { plan } from '../helpers/artifacts.js';
import { LEAKS, startLeakySite } from './frontend-site.js';

describe('deployed frontend scan', () => {
  let server: Server;
  let origin: string;
  let requests: string[];
  let http: HttpClient;
  let scan: FrontendSecretScan;

  before(async () => {
    ({ server, origin, requests } = await startLeakySite());
    const settings = { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test', maxBodyBytes: 16 * 1024 * 1024 };
    http = new HttpClient(settings, new DnsClient(settings));
    scan = await scanFrontend(http, { ...CRAWL_DEFAULTS, startUrls: [`${origin}/`, `${origin}/home`], origins: [origin], isSameSite: (h) => h === '127.0.0.1', limit: pLimit(4), progress: silentProgress });
  });
  after(async () => {
    await http.close();
    server.close();
  });

  it('crawls same-site pages, scripts, chunks, stylesheets, manifests and every kind of source map', () => {
    const docs = Object.fromEntries(scan.documents.map((d) => [d.url.replace(origin, ''), `${d.kind}${d.via ? `/${d.via}` : ''}`]));
    assert.deepEqual(docs, {
      '/': 'page',
      '/about': 'page',
      '/assets/app.3f9a1c2b.js': 'script',
      '/assets/app.3f9a1c2b.js.map': 'sourcemap/comment',
      '/assets/chunk-chat.js': 'script',
      '/assets/chunk-chat.js#inline-source-map': 'sourcemap/inline',
      '/assets/about.js': 'script',
      '/assets/about.js.map': 'sourcemap/guess',
      '/assets/app.css': 'stylesheet',
      '/manifest.webmanifest': 'manifest',
    });
    assert.equal(scan.documents.length, Object.keys(docs).length, 'a page reached twice (/home redirects to /) is scanned once');
  });

  it('tells real leak files from the catch-all page', () => {
    assert.ok(requests.some((p) => /^\/launch-ready-[0-9a-f]{16}$/.test(p)), 'a random path is requested as the soft-404 baseline');
    const verdicts = Object.fromEntries(scan.leakPaths.map((p) => [p.path, p.verdict]));
    assert.equal(verdicts['/.env'], 'exposed');
    assert.equal(verdicts['/.git/config'], 'exposed');
    assert.equal(verdicts['/.git/HEAD'], 'exposed');
    assert.equal(verdicts['/.DS_Store'], 'exposed');
    for (const soft of ['/.env.local', '/.env.production', '/config.json', '/env.js', '/__env.js', '/backup.zip', '/.npmrc', '/.vscode/sftp.json']) assert.equal(verdicts[soft], 'soft-404', soft);
    assert.equal(scan.leakPaths.find((p) => p.path === '/.env')?.evidence, '3 variables: NODE_ENV, STRIPE_SECRET_KEY, DATABASE_URL');
    assert.equal(scan.leakPaths.find((p) => p.path === '/.git/config')?.evidence, 'git config with a [core] section; remote github.com/acme/shop.git (with credentials in the URL)');
  });

  it('finds every planted secret where it is, with original file names for source maps', () => {
    const found = scan.matches.map((m) => `${m.source} ${m.ruleId} ${m.kind} ${m.location.replace(origin, '')}${m.originalSource ? ` ${m.originalSource}:${m.line}:${m.column}` : ''}`).sort();
    assert.deepEqual(found, [
      'frontend firebase.web-api-key public /assets/app.3f9a1c2b.js',
      'frontend openai.project-key secret /assets/app.3f9a1c2b.js',
      'frontend stripe.publishable-key public /',
      'frontend stripe.secret-key secret /assets/app.3f9a1c2b.js',
      'frontend anthropic.api-key secret /assets/chunk-chat.js',
      'leak-path database.postgres-url secret /.env',
      'leak-path github.token secret /.git/config',
      'leak-path stripe.secret-key secret /.env',
      'sourcemap database.postgres-url secret /assets/app.3f9a1c2b.js.map src/server/db.ts:3:73',
      'sourcemap sendgrid.api-key secret /assets/chunk-chat.js#inline-source-map src/server/mail.ts:1:40',
    ].sort());
  });

  it('never holds a secret in the artifact', () => {
    const text = JSON.stringify(scan);
    for (const [name, value] of Object.entries(LEAKS)) assert.ok(!text.includes(value), `${name} leaked into the artifact`);
  });

  it('turns into critical findings for secrets, info for public keys, and exposure findings', () => {
    const run = runChecks(secretsStageChecks.filter((c) => c.requires.every((r) => r === 'frontendSecrets')), { plan: plan(), frontendSecrets: scan });
    const summary = run.findings.map((f) => `${f.id} ${f.severity} ${f.target.replace(origin, '').replace('127.0.0.1:' + origin.split(':')[2], 'HOST')}`).sort();
    assert.deepEqual(summary, [
      'exposure.env-file critical /.env',
      'exposure.git critical HOST',
      'exposure.sensitive-file medium /.DS_Store',
      'exposure.sourcemap high HOST',
      'secret.in-frontend critical /assets/app.3f9a1c2b.js:2:108',
      'secret.in-frontend critical /assets/app.3f9a1c2b.js:3:18',
      'secret.in-frontend critical /assets/chunk-chat.js:1:22',
      'secret.in-frontend info /:2:41',
      'secret.in-frontend info /assets/app.3f9a1c2b.js:1:28',
      'secret.in-sourcemap critical /assets/app.3f9a1c2b.js.map',
      'secret.in-sourcemap critical /assets/chunk-chat.js#inline-source-map',
    ]);
    const rendered = JSON.stringify(run.findings);
    for (const value of Object.values(LEAKS)) assert.ok(!rendered.includes(value));
  });
});
