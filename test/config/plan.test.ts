import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { networkFromConfig, planFromConfig } from '../../src/config/plan.js';
import { MINIMAL } from './config-files.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const ENV = { ACME_API_TOKEN: 'token-value', SMOKE_PASSWORD: 'pw' };

const config = parseConfig(
  `product: Acme Shop
domain: acme.test
canonical: https://www.acme.test/
hosts:
  - www.acme.test
  - App.acme.test
  - { name: staging.acme.test, environment: staging }
  - { name: pr-1.preview.acme.test, environment: preview }
environments:
  production:
    hosts: [acme.test, www.acme.test, app.acme.test, api.acme.test]
    recognise: { header: x-environment }
  staging:
    recognise: { versionField: environment }
  qa:
    role: staging
    url: https://qa.acme.test/
version: { path: /version.json }
health:
  url: [https://api.acme.test/health, https://www.acme.test/health]
routes:
  - name: home
    url: https://www.acme.test/
  - name: login
    url: https://app.acme.test/login
    method: post
    kind: login
    headers: { authorization: "Bearer \${ACME_API_TOKEN}", x-version: 2 }
    body: '{"password":"\${SMOKE_PASSWORD}"}'
    expect: { status: [200, 302], body: Welcome, json: { user.id: exists, ok: true } }
`,
  'launch-ready.yaml',
);

describe('planFromConfig', () => {
  const plan = planFromConfig(config, NOW, ENV);

  it('plans every host: the domain, the canonical host, declared hosts, environment-only hosts', () => {
    assert.deepEqual(plan.hosts, [
      { name: 'acme.test', environment: 'production', declared: true },
      { name: 'www.acme.test', environment: 'production', declared: true },
      { name: 'app.acme.test', environment: 'production', declared: true },
      { name: 'staging.acme.test', environment: 'staging', declared: true },
      { name: 'pr-1.preview.acme.test', environment: 'preview', declared: true },
      { name: 'api.acme.test', environment: 'production', declared: true },
      { name: 'qa.acme.test', environment: 'qa', declared: true },
    ]);
  });

  it('plans environments with roles, hosts from both places, and how to recognise them', () => {
    assert.deepEqual(plan.environments, [
      {
        name: 'production',
        role: 'production',
        hosts: ['acme.test', 'www.acme.test', 'app.acme.test', 'api.acme.test'],
        recognise: { header: 'x-environment', value: 'production' },
      },
      { name: 'staging', role: 'staging', hosts: ['staging.acme.test'], recognise: { versionField: 'environment' } },
      { name: 'qa', role: 'staging', hosts: ['qa.acme.test'] },
      { name: 'preview', role: 'preview', hosts: ['pr-1.preview.acme.test'] },
    ]);
  });

  it('normalises routes and expands references in headers and body', () => {
    assert.deepEqual(plan.routes, [
      { name: 'home', url: 'https://www.acme.test/', method: 'GET', headers: {}, kind: 'page', expect: { status: [] } },
      {
        name: 'login',
        url: 'https://app.acme.test/login',
        method: 'POST',
        headers: { authorization: 'Bearer token-value', 'x-version': '2' },
        body: '{"password":"pw"}',
        kind: 'login',
        expect: { status: [200, 302], body: 'Welcome', json: { 'user.id': 'exists', ok: true } },
      },
    ]);
  });

  it('carries the version endpoint with defaults, the health URLs and the clock', () => {
    assert.deepEqual(plan.version, { path: '/version.json', versionField: 'version', commitField: 'commit', environmentField: 'environment' });
    assert.deepEqual(plan.healthUrls, ['https://api.acme.test/health', 'https://www.acme.test/health']);
    assert.equal(plan.now, '2026-11-28T12:00:00.000Z');
    assert.deepEqual([plan.product, plan.domain, plan.canonicalUrl], ['Acme Shop', 'acme.test', 'https://www.acme.test/']);
  });

  it('a minimal config plans the domain and canonical host only', () => {
    const minimal = planFromConfig(parseConfig(MINIMAL, 'x.yaml'), NOW, {});
    assert.deepEqual(minimal.hosts, [
      { name: 'acme.test', declared: true },
      { name: 'www.acme.test', declared: true },
    ]);
    assert.deepEqual([minimal.environments, minimal.routes, minimal.healthUrls, minimal.version], [[], [], [], undefined]);
    assert.ok(!('version' in minimal));
  });

  it('plans the secrets stage: project folders against the config folder, `secrets.urls` normalised and deduplicated', () => {
    const yaml = `${MINIMAL}secrets:\n  paths: [., web]\n  history: true\n  urls: [https://www.acme.test/, HTTPS://WWW.acme.test, https://shop-preview.vercel.app/cart?x=1]\n`;
    const stages = planFromConfig(parseConfig(yaml, '/srv/shop/launch-ready.yaml'), NOW, {}, '/srv/shop').stages;
    assert.deepEqual(stages?.project, { paths: ['/srv/shop', '/srv/shop/web'], history: true, ignoreFile: '/srv/shop/.launch-ready-ignore' });
    assert.deepEqual(stages?.frontendUrls, ['https://www.acme.test/', 'https://shop-preview.vercel.app/cart?x=1']);
  });

  it('adds no frontend URLs when `secrets.urls` is empty or the section absent', () => {
    const withoutUrls = planFromConfig(parseConfig(`${MINIMAL}secrets:\n  paths: [.]\n`, 'x.yaml'), NOW, {}).stages;
    assert.ok(withoutUrls?.project && !('frontendUrls' in withoutUrls));
    assert.ok(!('frontendUrls' in (planFromConfig(parseConfig(MINIMAL, 'x.yaml'), NOW, {}).stages ?? {})));
  });

  it('names a variable a route needs that is not set', () => {
    assert.throws(
      () => planFromConfig(config, NOW, { SMOKE_PASSWORD: 'pw' }),
      (e: unknown) => e instanceof UsageError && e.code === 'LR_ENV_MISSING' && e.message.includes('ACME_API_TOKEN'),
    );
  });
});

describe('networkFromConfig', () => {
  it('returns the network section in the flags’ shape, the CA resolved against the config folder', () => {
    const loaded = {
      file: '/srv/world/launch-ready.yaml',
      dir: '/srv/world',
      config: parseConfig(
        `${MINIMAL}network:\n  dnsServers: ["127.0.0.1:5353"]\n  connectTo: ["*.acme.test:443::8443"]\n  ca: ./ca.pem\n  timeout: 2s\n  concurrency: 4\n  userAgent: lr-test\n`,
        '/srv/world/launch-ready.yaml',
      ),
    };
    assert.deepEqual(networkFromConfig(loaded), {
      dnsServers: ['127.0.0.1:5353'],
      connectTo: ['*.acme.test:443::8443'],
      caFile: '/srv/world/ca.pem',
      timeoutMs: 2000,
      concurrency: 4,
      userAgent: 'lr-test',
    });
  });

  it('is empty without a network section', () => {
    const loaded = { file: '/srv/launch-ready.yaml', dir: '/srv', config: parseConfig(MINIMAL, '/srv/launch-ready.yaml') };
    assert.deepEqual(networkFromConfig(loaded), { dnsServers: [], connectTo: [] });
  });
});
