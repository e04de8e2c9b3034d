/**
 * The audit's collectors: the frontend of the audited hosts (through the run's routing) and of the
 * config's `secrets.urls`, and the project folders a config names.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretsStageChecks } from '../../src/checks/secret/index.js';
import { createContext } from '../../src/collect/context.js';
import { parseConfig } from '../../src/config/load.js';
import { planFromConfig } from '../../src/config/plan.js';
import { runChecks } from '../../src/core/runner.js';
import { createCa } from '../../src/demo/ca.js';
import { DEFAULT_NETWORK, parseConnectTo } from '../../src/net/settings.js';
import { collectFrontendSecrets, collectProjectSecrets } from '../../src/secrets/collect.js';
import { MINIMAL } from '../config/config-files.js';
import { chain, exchange, host, NOW, plan } from '../helpers/artifacts.js';
import { seeded } from '../fixtures/secrets/generate.js';
import { LEAKS, startLeakySite } from './frontend-site.js';
import { createRepo } from './git-repo.js';

describe('collectFrontendSecrets', () => {
  let server: Server;
  let port: number;

  before(async () => {
    const ca = await createCa('Secrets Test CA');
    const leaf = await ca.issue({ names: ['www.acme.test', 'staging.acme.test'] });
    ({ server, port } = await startLeakySite(leaf));
  });
  after(() => server.close());

  it('crawls each audited host that answers and probes every origin for leak paths', async () => {
    const settings = { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test', connectTo: [parseConnectTo(`*.acme.test:443:127.0.0.1:${port}`)] };
    const ctx = createContext(plan(), settings);
    try {
      const hosts = [
        host('www.acme.test', { https: chain(exchange({ url: 'https://www.acme.test/', headers: { 'content-type': 'text/html' } })) }),
        host('staging.acme.test', { https: chain(exchange({ url: 'https://staging.acme.test/', status: 401, headers: { 'content-type': 'text/html' } })) }),
        host('shop.acme.test', { https: chain(exchange({ url: 'https://shop.acme.test/', status: undefined, error: { code: 'connect-refused', message: 'refused' } })) }),
      ];
      const scan = await collectFrontendSecrets(ctx, hosts);
      assert.deepEqual(scan.startUrls, ['https://www.acme.test/']);
      assert.deepEqual(scan.origins, ['https://www.acme.test', 'https://staging.acme.test']);
      assert.ok(scan.documents.some((d) => d.url === 'https://www.acme.test/assets/app.3f9a1c2b.js.map' && d.kind === 'sourcemap'));
      const run = runChecks(secretsStageChecks, { plan: plan(), frontendSecrets: scan });
      const ids = new Set(run.findings.map((f) => `${f.id} ${f.severity}`));
      for (const id of ['secret.in-frontend critical', 'secret.in-sourcemap critical', 'exposure.env-file critical', 'exposure.git critical', 'exposure.sourcemap high', 'secret.in-frontend info']) assert.ok(ids.has(id), id);
      assert.ok(run.findings.some((f) => f.id === 'exposure.env-file' && f.target === 'https://staging.acme.test/.env'), 'a host with no page is still probed');
      const text = JSON.stringify(scan);
      for (const value of Object.values(LEAKS)) assert.ok(!text.includes(value));
    } finally {
      await ctx.http.close();
    }
  });
});

describe('collectFrontendSecrets with `secrets.urls`', () => {
  let site: Awaited<ReturnType<typeof startLeakySite>>;
  let dir: string;

  before(async () => {
    site = await startLeakySite();
    dir = await mkdtemp(join(tmpdir(), 'lr-frontend-urls-'));
  });
  after(async () => {
    site.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The plan a config with these `secrets.urls` gives, the way the audit builds it. */
  const planWith = (urls: string[]) => planFromConfig(parseConfig(`${MINIMAL}secrets:\n  urls: [${urls.join(', ')}]\n`, join(dir, 'launch-ready.yaml')), new Date(NOW), {}, dir);

  it('reports a secret served only at a configured URL, and probes that origin for leak paths', async () => {
    const ctx = createContext(planWith([`${site.origin}/home`]), { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test' });
    try {
      // The audited hosts answer nothing: every page scanned comes from the configured URL.
      const hosts = [host('www.acme.test', { https: chain(exchange({ url: 'https://www.acme.test/', status: undefined, error: { code: 'connect-refused', message: 'refused' } })) })];
      const scan = await collectFrontendSecrets(ctx, hosts);
      assert.deepEqual([scan.startUrls, scan.origins], [[`${site.origin}/home`], [site.origin]]);
      const run = runChecks(secretsStageChecks, { plan: ctx.plan, frontendSecrets: scan });
      const at = (id: string) => run.findings.filter((f) => f.id === id && f.severity === 'critical').map((f) => f.target);
      assert.ok(at('secret.in-frontend').some((t) => t.startsWith(`${site.origin}/assets/app.3f9a1c2b.js:`)), 'the bundle behind the configured URL');
      assert.ok(at('secret.in-sourcemap').length > 0);
      assert.deepEqual(at('exposure.env-file'), [`${site.origin}/.env`]);
      assert.ok(!JSON.stringify(scan).includes(LEAKS.openai));
    } finally {
      await ctx.http.close();
    }
  });

  it('crawls a configured URL that is also an audited start page once', async () => {
    const origin = site.origin;
    const ctx = createContext(planWith([`${origin}/`, `${origin}`]), { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test' });
    try {
      const hosts = [host('127.0.0.1', { https: chain(exchange({ url: `${origin}/`, headers: { 'content-type': 'text/html' } })) })];
      const before = site.requests.length;
      const scan = await collectFrontendSecrets(ctx, hosts);
      assert.deepEqual(scan.startUrls, [`${origin}/`]);
      assert.equal(site.requests.slice(before).filter((p) => p === '/').length, 1, 'the start page is fetched once');
      assert.equal(scan.documents.filter((d) => d.kind === 'page' && d.url === `${origin}/`).length, 1);
    } finally {
      await ctx.http.close();
    }
  });

  it('applies the config’s ignore file to the frontend findings', async () => {
    const plan = planWith([`${site.origin}/`]);
    const ctx = createContext(plan, { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test' });
    try {
      const first = await collectFrontendSecrets(ctx, []);
      const accepted = first.matches.find((m) => m.location.endsWith('/.env'));
      assert.ok(accepted, 'the served .env holds a secret');
      await writeFile(join(dir, '.launch-ready-ignore'), `${accepted.fingerprint} # accepted in this test\n`);
      const again = await collectFrontendSecrets(ctx, []);
      assert.equal(again.suppressed.ignoreFile, 1);
      assert.ok(!again.matches.some((m) => m.fingerprint === accepted.fingerprint));
      assert.equal(again.matches.length, first.matches.length - 1);
    } finally {
      await rm(join(dir, '.launch-ready-ignore'), { force: true });
      await ctx.http.close();
    }
  });
});

describe('collectProjectSecrets', () => {
  it('scans the folders, their history and the env inventory, applying the ignore file', async () => {
    const r = seeded(11);
    const key = `sk-proj-${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 156)}`;
    const repo = createRepo('lr-project-');
    try {
      repo.write('src/ai.ts', `const k = '${key}';\n`);
      repo.write('.env', `NEXT_PUBLIC_OPENAI_API_KEY=${key}\n`);
      repo.commit('init', { name: 'Dev', email: 'dev@acme.test' }, '2026-04-01T12:00:00+00:00');
      const got = await collectProjectSecrets({ paths: [repo.dir], history: true, ignoreFile: `${repo.dir}/.launch-ready-ignore` });
      assert.deepEqual(got.repoSecrets.matches.map((m) => m.location).sort(), ['.env', 'src/ai.ts'], 'locations relative to the scanned folder');
      assert.equal(got.historySecrets?.commits, 1);
      assert.equal(got.envInventory.variables[0].name, 'NEXT_PUBLIC_OPENAI_API_KEY');
      repo.write('.launch-ready-ignore', `${got.repoSecrets.matches.map((m) => m.fingerprint).join('\n')}\n`);
      const again = await collectProjectSecrets({ paths: [repo.dir], history: false, ignoreFile: `${repo.dir}/.launch-ready-ignore` });
      assert.deepEqual({ kept: again.repoSecrets.matches.length, ignored: again.repoSecrets.suppressed.ignoreFile }, { kept: 0, ignored: 2 });
    } finally {
      repo.remove();
    }
  });
});
