/** The audit's collectors: the frontend of the audited hosts (through the run's routing), and the project folders a config names. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:net';
import { secretsStageChecks } from '../../src/checks/secret/index.js';
import { createContext } from '../../src/collect/context.js';
import { runChecks } from '../../src/core/runner.js';
import { createCa } from '../../src/demo/ca.js';
import { DEFAULT_NETWORK, parseConnectTo } from '../../src/net/settings.js';
import { collectFrontendSecrets, collectProjectSecrets } from '../../src/secrets/collect.js';
import { chain, exchange, host, plan } from '../helpers/artifacts.js';
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
