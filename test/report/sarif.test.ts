import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { locationOf, renderSarif } from '../../src/report/sarif.js';
import { fixedReport, meta } from './fixture.js';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

describe('sarif report', () => {
  const rules = [
    meta('tls.expired', { severity: 'critical', failureTitle: 'The certificate has expired', description: 'Reads the leaf certificate.' }),
    meta('hsts.missing', { severity: 'high' }),
    meta('dns.missing-record', { severity: 'high', stage: 1 }),
  ];
  const sarif = JSON.parse(renderSarif(fixedReport(), rules)) as {
    version: string;
    $schema: string;
    runs: Array<{
      tool: { driver: { name: string; version: string; rules: SarifRule[] } };
      results: SarifResult[];
      invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string }; descriptor: { id: string } }> }>;
    }>;
  };
  const run = sarif.runs[0];

  it('is SARIF 2.1.0 from launch-ready', () => {
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(run.tool.driver.name, 'launch-ready');
    assert.equal(run.tool.driver.version, '0.1.0');
  });

  it('has one rule per check id, from the meta passed in, plus one for each finding without meta', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, ['cache.static-uncached', 'dns.missing-record', 'headers.referrer-missing', 'hsts.missing', 'tls.expired']);
    const tls = run.tool.driver.rules.find((r) => r.id === 'tls.expired');
    assert.ok(tls);
    assert.equal(tls.name, 'TlsExpired');
    assert.equal(tls.shortDescription.text, 'The certificate has expired');
    assert.equal(tls.fullDescription.text, 'Reads the leaf certificate.');
    assert.match(tls.help.markdown, /^\*\*Why it matters:\*\* Customers are hurt when tls\.expired fails\.\n\n\*\*How to fix:\*\* Fix tls\.expired\./);
    assert.equal(tls.helpUri, 'https://example.test/docs/tls.expired');
    assert.equal(tls.defaultConfiguration.level, 'error');
    assert.equal(tls.properties['security-severity'], '9.5');
    const synthesized = run.tool.driver.rules.find((r) => r.id === 'cache.static-uncached');
    assert.equal(synthesized?.shortDescription.text, 'Fingerprinted assets are not cached');
    assert.equal(synthesized?.defaultConfiguration.level, 'warning');
  });

  it('has one result per finding with the level mapped from severity, rank and security-severity', () => {
    assert.deepEqual(
      run.results.map((r) => [r.ruleId, r.level, r.properties['security-severity'], r.properties.rank]),
      [
        ['tls.expired', 'error', '9.5', 1],
        ['hsts.missing', 'error', '8.0', 2],
        ['cache.static-uncached', 'warning', '5.5', 3],
        ['headers.referrer-missing', 'note', '3.0', 4],
      ],
    );
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId, 'ruleIndex points at the rule');
    assert.match(run.results[0].message.text, /^The certificate has expired \(app\.acme\.test\): notAfter 2026-11-01/);
    assert.ok(!run.results[1].message.text.includes('\u001b'), 'control characters removed');
    const prints = run.results.map((r) => r.partialFingerprints['launchReady/v1']);
    assert.equal(new Set(prints).size, prints.length);
  });

  it('locates web findings by URL: https://host/ for a host, the URL itself for a URL', () => {
    assert.deepEqual(
      run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri),
      ['https://app.acme.test/', 'https://www.acme.test/', 'https://www.acme.test/assets/app.3f2a9c.js', 'https://www.acme.test/'],
    );
    assert.deepEqual(locationOf('api.acme.test:8443'), { artifactLocation: { uri: 'https://api.acme.test:8443/' } });
    assert.deepEqual(locationOf('src/lib/stripe.ts:12:7'), { artifactLocation: { uri: 'src/lib/stripe.ts' }, region: { startLine: 12, startColumn: 7 } });
    assert.deepEqual(locationOf('./.env'), { artifactLocation: { uri: '.env' } });
  });

  it('reports checks that could not run as tool notifications', () => {
    assert.deepEqual(run.invocations[0].toolExecutionNotifications, [
      { level: 'warning', message: { text: 'health.missing not checked: health not collected' }, descriptor: { id: 'health.missing' } },
    ]);
  });
});
