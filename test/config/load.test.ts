import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/core/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigDir, MINIMAL } from './config-files.js';

const docs = fileURLToPath(new URL('../../docs/config.md', import.meta.url));

/** The YAML block under "## Complete example" in docs/config.md. */
async function documentedExample(): Promise<string> {
  const text = await readFile(docs, 'utf8');
  const section = text.slice(text.indexOf('## Complete example'));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(m, 'docs/config.md has a complete example');
  return m[1];
}

let dir: ConfigDir;
before(async () => {
  dir = await ConfigDir.create();
});
after(async () => {
  await dir.remove();
});

describe('loadConfig: valid files', () => {
  it('loads the complete example of docs/config.md, normalised', async () => {
    const file = await dir.write('example.yaml', await documentedExample());
    const { file: loadedFile, dir: loadedDir, config } = await loadConfig(file);
    assert.equal(loadedFile, file);
    assert.equal(loadedDir, dir.path);
    assert.equal(config.product, 'Acme Shop');
    assert.deepEqual(config.hosts.at(-1), { name: 'staging.acme.test', environment: 'staging' });
    assert.equal(config.environments.staging.role, 'staging', 'role defaults to the name');
    assert.deepEqual(config.environments.production.hosts, ['acme.test', 'www.acme.test', 'app.acme.test', 'api.acme.test', 'admin.acme.test']);
    assert.deepEqual(config.health, { urls: ['https://api.acme.test/api/health'] });
    assert.deepEqual(config.routes[0].expect.status, [200]);
    assert.equal(config.routes[0].method, 'GET');
    assert.equal(config.routes[2].headers.authorization, 'Bearer ${ACME_API_TOKEN}', 'references are kept as written');
    assert.equal(config.network?.timeoutMs, 5000);
    assert.deepEqual(config.network?.dnsServers, ['127.0.0.1:5353']);
    assert.equal(config.email?.domain, 'acme.test');
    const [chat, order] = config.latency?.targets ?? [];
    assert.deepEqual(
      { name: chat.name, url: chat.url, method: chat.method, durationMs: chat.durationMs, budget: chat.budget },
      {
        name: 'chat p95',
        url: 'https://api.acme.test/api/chat',
        method: 'POST',
        durationMs: 10_000,
        budget: { p50Ms: undefined, p90Ms: undefined, p95Ms: 2000, p99Ms: 5000, p999Ms: undefined, maxMs: undefined, errorRatePercent: 1 },
      },
      'a target naming a route takes its URL and method',
    );
    assert.equal(order.name, 'https://api.acme.test/api/orders/1001');
    assert.equal(config.monitor?.intervalMs, 60_000);
    assert.equal(config.monitor?.uptimeTargetPercent, 99.5);
    assert.equal(config.monitor?.targets[1].intervalMs, 3_600_000);
    assert.deepEqual(config.monitor?.alerts[2], { type: 'email', to: ['jane@acme.test'], from: 'alerts@acme.test', smtp: '${SMTP_URL}' });
    assert.equal(config.handover?.owners.hosting, null);
  });

  it('fills defaults and normalises host names, durations and DNS servers', async () => {
    const file = await dir.write(
      'defaults.yaml',
      `${MINIMAL.replace('acme.test', 'Acme.Test.')}hosts: [WWW.acme.test]
version: {}
routes:
  - { name: home, url: "https://www.acme.test/", method: post }
network:
  dnsServers: ["10.0.0.2", "[::1]", "[::1]:5353"]
  timeout: 1500
monitor: { interval: 2m, uptimeTarget: 99.9 }
`,
    );
    const { config } = await loadConfig(file);
    assert.equal(config.domain, 'acme.test');
    assert.deepEqual(config.hosts, [{ name: 'www.acme.test' }]);
    assert.deepEqual(config.version, { path: '/api/version', versionField: 'version', commitField: 'commit', environmentField: 'environment' });
    assert.deepEqual(config.routes[0], { name: 'home', url: 'https://www.acme.test/', method: 'POST', kind: 'page', headers: {}, expect: {} });
    assert.deepEqual(config.network?.dnsServers, ['10.0.0.2:53', '[::1]:53', '[::1]:5353']);
    assert.equal(config.network?.timeoutMs, 1500);
    assert.equal(config.monitor?.intervalMs, 120_000);
    assert.equal(config.monitor?.uptimeTargetPercent, 99.9);
    assert.deepEqual(config.environments, {});
  });

  it('accepts a folder holding launch-ready.yaml', async () => {
    await dir.write('launch-ready.yaml', MINIMAL);
    const loaded = await loadConfig(dir.path);
    assert.equal(loaded.config.product, 'Acme');
  });
});

describe('loadConfig: errors name file:line:column and what is expected', () => {
  it('a missing file is a usage error that suggests init', async () => {
    const missing = `${dir.path}/nope/launch-ready.yaml`;
    await assert.rejects(loadConfig(missing), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.equal(e.code, 'LR_CONFIG_NOT_FOUND');
      assert.equal(e.exitCode, 2);
      assert.match(e.message, new RegExp(missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
      assert.match(e.message, /launch-ready init URL/);
      return true;
    });
  });

  it('an unknown key, at the key, with a suggestion', async () => {
    const { problems } = await dir.problems(`${MINIMAL}rotues:\n  - { name: home, url: "https://www.acme.test/" }\n`);
    assert.deepEqual(problems, [{ line: 4, column: 1, message: 'rotues: unknown key; did you mean `routes`?' }]);
  });

  it('an unknown nested key: suggestion, or the list of keys when nothing is close', async () => {
    const { problems } = await dir.problems(`${MINIMAL}routes:
  - name: home
    url: https://www.acme.test/
    expct: { status: 200 }
network:
  bogus: 1
`);
    assert.deepEqual(problems, [
      { line: 7, column: 5, message: 'routes[0].expct: unknown key; did you mean `expect`?' },
      { line: 9, column: 3, message: 'network.bogus: unknown key; expected one of dnsServers, connectTo, ca, timeout, concurrency, userAgent' },
    ]);
  });

  it('a bad enum value', async () => {
    const { problems } = await dir.problems(`${MINIMAL}routes:
  - { name: a, url: "https://www.acme.test/a" }
  - { name: b, url: "https://www.acme.test/b" }
  - name: c
    url: https://www.acme.test/c
    kind: home
`);
    assert.deepEqual(problems, [
      { line: 9, column: 11, message: 'routes[2].kind: expected one of checkout, login, chat, webhook, api, page; got "home"' },
    ]);
  });

  it('a wrong type', async () => {
    const { problems } = await dir.problems(`${MINIMAL}secrets:\n  history: yes\nroutes: { name: home }\n`);
    assert.deepEqual(problems, [
      { line: 5, column: 12, message: 'secrets.history: expected true or false; got "yes"' },
      { line: 6, column: 9, message: 'routes: expected a list; got a mapping' },
    ]);
  });

  it('a mapping key of the wrong shape, at the key', async () => {
    const { problems } = await dir.problems(`${MINIMAL}environments:
  "pr 1": { role: preview }
routes:
  - name: a
    url: https://www.acme.test/
    headers: { "bad header": x, x-count: 2, ok: true }
`);
    assert.deepEqual(problems, [
      { line: 5, column: 3, message: 'environments["pr 1"]: expected an environment name (letters, digits, - and _)' },
      { line: 9, column: 16, message: 'routes[0].headers["bad header"]: expected a header name (letters, digits and -)' },
      { line: 9, column: 49, message: 'routes[0].headers.ok: expected a header value (text); got true' },
    ]);
  });

  it('a bad URL, a host written as a URL, a URL carrying a reference', async () => {
    const { problems } = await dir.problems(`product: Acme
domain: https://acme.test
canonical: ftp://www.acme.test/
health: { url: "https://api.acme.test/health?key=\${HEALTH_KEY}" }
`);
    assert.deepEqual(problems, [
      { line: 2, column: 9, message: 'domain: expected a host name such as www.acme.test (no scheme, port or path); got "https://acme.test"' },
      { line: 3, column: 12, message: 'canonical: expected an absolute http(s) URL such as https://www.acme.test/; got "ftp://www.acme.test/"' },
      {
        line: 4,
        column: 16,
        message:
          'health.url: expected a URL without ${…} references (URLs appear in reports; send secrets in a header instead); got "https://api.acme.test/health?key=${HEALTH_KEY}"',
      },
    ]);
  });

  it('a required key that is missing, at its parent', async () => {
    const { problems } = await dir.problems(`domain: acme.test\ncanonical: https://www.acme.test/\nroutes:\n  - name: home\n`);
    assert.deepEqual(problems, [
      { line: 1, column: 1, message: 'product: required; expected text' },
      { line: 4, column: 5, message: 'routes[0].url: required; expected an absolute http(s) URL such as https://www.acme.test/' },
    ]);
  });

  it('units: durations, percentages, DNS servers, connect-to rules', async () => {
    const { problems } = await dir.problems(`${MINIMAL}network:
  timeout: fast
  dnsServers: ["127.0.0.1:99999", "dns.acme.test"]
  connectTo: ["acme.test:443"]
monitor: { uptimeTarget: 101 }
`);
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.message]),
      [
        [5, 12, 'network.timeout: expected a duration above zero: milliseconds, or a string such as "500ms", "5s", "2m"; got "fast"'],
        [6, 16, 'network.dnsServers[0]: expected an IP address with an optional port (53 by default), such as 127.0.0.1:5353 or [::1]:53; got "127.0.0.1:99999"'],
        [6, 35, 'network.dnsServers[1]: expected an IP address with an optional port (53 by default), such as 127.0.0.1:5353 or [::1]:53; got "dns.acme.test"'],
        [
          7,
          15,
          'network.connectTo[0]: expected HOST:PORT:ADDR:PORT as in curl --connect-to, such as acme.test:443:127.0.0.1:8443 (HOST may be *.acme.test; an empty ADDR keeps the resolved address); got "acme.test:443"',
        ],
        [8, 26, 'monitor.uptimeTarget: expected a percentage such as "1%" or 99.5; got 101'],
      ],
    );
  });

  it('a union: the branch the user was writing is the one reported', async () => {
    const { problems } = await dir.problems(`${MINIMAL}hosts:
  - 42
  - { name: staging.acme.test, enviroment: staging }
monitor:
  alerts:
    - { type: slak, url: "\${SLACK_WEBHOOK_URL}" }
`);
    assert.deepEqual(problems, [
      { line: 5, column: 5, message: 'hosts[0]: expected a host name, or { name, environment }; got 42' },
      { line: 6, column: 32, message: 'hosts[1].enviroment: unknown key; did you mean `environment`?' },
      { line: 9, column: 15, message: 'monitor.alerts[0].type: expected one of slack, webhook, email, stdout; got "slak"' },
    ]);
  });

  it('YAML syntax errors', async () => {
    const { problems } = await dir.problems('product: Acme\nroutes: [home\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].message, /^invalid YAML: .*end with a \]/);
  });

  it('duplicate keys', async () => {
    const { problems } = await dir.problems(`${MINIMAL}product: Other\n`);
    assert.deepEqual(problems, [{ line: 4, column: 1, message: 'invalid YAML: Map keys must be unique' }]);
  });

  it('an empty file', async () => {
    const { problems } = await dir.problems('# nothing yet\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^the file is empty; expected a mapping with at least product, domain and canonical/);
  });

  it('rules across keys: roles, one environment per host, unique route names, latency routes', async () => {
    const { problems } = await dir.problems(`${MINIMAL}hosts:
  - { name: staging.acme.test, environment: production }
  - { name: pr.acme.test, environment: prevew }
environments:
  qa:
    hosts: [qa.acme.test]
  production:
    hosts: [www.acme.test]
  staging:
    hosts: [staging.acme.test, www.acme.test]
routes:
  - { name: chat, url: "https://api.acme.test/chat" }
  - { name: chat, url: "https://api.acme.test/chat2" }
latency:
  targets: [{ route: caht }]
`);
    assert.deepEqual(problems, [
      { line: 5, column: 45, message: 'hosts[0].environment: expected "staging": environments.staging.hosts lists staging.acme.test' },
      { line: 6, column: 40, message: 'hosts[1].environment: environment "prevew" is not declared under environments; did you mean `preview`?' },
      { line: 8, column: 3, message: 'environments.qa: expected `role: production | staging | preview`: "qa" is not a role name, so its role cannot be inferred' },
      { line: 13, column: 32, message: 'environments.staging.hosts[1]: www.acme.test is already in environment "production"; a host belongs to one environment' },
      { line: 16, column: 13, message: 'routes[1].name: route name "chat" is used twice; names must be unique' },
      { line: 18, column: 22, message: 'latency.targets[0].route: no route is named "caht"; did you mean `chat`?' },
    ]);
  });

  it('a malformed environment reference', async () => {
    const { problems } = await dir.problems(`${MINIMAL}chatbot:\n  endpoint: https://api.acme.test/chat\n  headers: { authorization: "Bearer \${ API_TOKEN }" }\n`);
    assert.deepEqual(problems, [
      { line: 6, column: 29, message: 'chatbot.headers.authorization: "${ API_TOKEN }" is not an environment reference; write ${NAME}, NAME made of letters, digits and _' },
    ]);
  });

  it('caps a flood of problems', async () => {
    const { problems, summary } = await dir.problems(`${MINIMAL}${Array.from({ length: 40 }, (_, i) => `extra${i}: 1`).join('\n')}\n`);
    assert.equal(problems.length, 30);
    assert.match(problems.at(-1)?.message ?? '', /^extra29: unknown key/);
    assert.equal(summary, '… and 10 more problems');
  });
});
