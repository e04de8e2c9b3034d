import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load.js';
import { planFromConfig } from '../../src/config/plan.js';
import { renderStarterConfig, type StarterInput } from '../../src/config/starter.js';
import { ConfigDir } from './config-files.js';

const DISCOVERED: StarterInput = {
  url: 'https://acme.test',
  domain: 'acme.test',
  canonicalUrl: 'https://www.acme.test/',
  hosts: [
    { name: 'acme.test', addresses: ['192.0.2.10'] },
    { name: 'www.acme.test', addresses: ['192.0.2.10'], cname: 'acme.test' },
    { name: 'api.acme.test', addresses: ['192.0.2.11', '2001:db8::11'] },
    { name: 'staging.acme.test', addresses: ['192.0.2.20'] },
    { name: 'dev.acme.test', addresses: [], cname: 'gone.example.net' },
    { name: 'preview.acme.test', addresses: ['192.0.2.30'] },
  ],
};

/** Commented-out YAML in the starter is `# key:`, `# - …` or `#   …`; prose never starts that way. */
function uncomment(text: string): string {
  return text.replace(/^(\s*)# (?=- |[a-z][A-Za-z]*:(?: |$)| )/gm, '$1');
}

let dir: ConfigDir;
before(async () => {
  dir = await ConfigDir.create();
});
after(async () => {
  await dir.remove();
});

describe('renderStarterConfig', () => {
  it('loads cleanly, with the discovered hosts and guessed environments', async () => {
    const text = renderStarterConfig(DISCOVERED);
    const { config } = await loadConfig(await dir.write('starter.yaml', text));
    assert.equal(config.product, 'Acme');
    assert.equal(config.domain, 'acme.test');
    assert.equal(config.canonical, 'https://www.acme.test/');
    assert.deepEqual(
      config.hosts.map((h) => h.name),
      ['acme.test', 'www.acme.test', 'api.acme.test', 'staging.acme.test', 'dev.acme.test', 'preview.acme.test'],
    );
    assert.deepEqual(
      Object.entries(config.environments).map(([name, e]) => [name, e.role, e.hosts]),
      [
        ['production', 'production', ['acme.test', 'www.acme.test', 'api.acme.test']],
        ['staging', 'staging', ['staging.acme.test']],
        ['dev', 'staging', ['dev.acme.test']],
        ['preview', 'preview', ['preview.acme.test']],
      ],
    );
    assert.deepEqual(
      config.routes.map((r) => [r.name, r.url, r.kind, r.expect.status]),
      [['home', 'https://www.acme.test/', 'page', [200]]],
    );
    assert.equal(config.version, undefined);
    assert.match(text, /^ {2}- www\.acme\.test +# CNAME acme\.test -> 192\.0\.2\.10$/m, 'what each host resolves to is noted');
    assert.match(text, /^ {2}- dev\.acme\.test +# CNAME gone\.example\.net -> no address$/m);
  });

  it('its commented-out examples load too once uncommented', async () => {
    const text = uncomment(renderStarterConfig(DISCOVERED));
    const loaded = await loadConfig(await dir.write('uncommented.yaml', text));
    const { config } = loaded;
    assert.deepEqual(
      config.routes.map((r) => [r.name, r.kind]),
      [
        ['home', 'page'],
        ['login', 'login'],
        ['chat', 'chat'],
        ['checkout', 'checkout'],
        ['stripe-webhook', 'webhook'],
      ],
    );
    assert.equal(config.routes[2].url, 'https://api.acme.test/api/chat', 'API examples use the api. host when there is one');
    assert.equal(config.version?.path, '/api/version');
    assert.deepEqual(config.health?.urls, ['https://api.acme.test/api/health']);
    assert.equal(config.monitor?.alerts[0].type, 'slack');
    assert.deepEqual(config.environments.staging.recognise, { header: 'x-environment' });
    const plan = planFromConfig(config, new Date(0), { CHAT_API_TOKEN: 't' });
    assert.equal(plan.routes[2].headers.authorization, 'Bearer t');
  });

  it('works from a bare URL with nothing discovered', async () => {
    const text = renderStarterConfig({ url: 'my-shop.example', domain: 'my-shop.example', hosts: [] });
    const { config } = await loadConfig(await dir.write('bare.yaml', text));
    assert.equal(config.product, 'My Shop');
    assert.equal(config.canonical, 'https://my-shop.example/');
    assert.deepEqual(config.hosts, [{ name: 'my-shop.example' }]);
    assert.deepEqual(config.environments.production.hosts, ['my-shop.example']);
    assert.match(text, /- my-shop\.example +# not found by discovery/);
    const uncommented = await loadConfig(await dir.write('bare-uncommented.yaml', uncomment(text)));
    assert.equal(uncommented.config.routes[2].url, 'https://my-shop.example/api/chat');
  });
});
