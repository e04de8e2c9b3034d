/** End to end: the CLI audits the offline demo world, flawed and fixed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checks } from '../../src/checks/index.js';
import { severityAtLeast } from '../../src/core/finding.js';
import { FAULTS, type FaultSpec } from '../../src/demo/faults.js';
import type { Report } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';

function hostOf(target: string): string {
  try {
    return new URL(target).hostname;
  } catch {
    return target;
  }
}

describe('launch-ready demo (flawed world)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'lr-e2e-'));
  const run = await runCli(['demo', '--format', 'json', '--out', out, '-q']);
  const report = JSON.parse(run.stdout) as Report;

  it('exits 1 with a not-ready verdict', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.equal(report.verdict, 'not-ready');
    assert.match(report.headline, /^Not launch ready — \d+ blockers?/);
  });

  it('fires every check id a default fault plants; every check either ran or says why not', () => {
    const fired = new Set(report.findings.map((f) => f.id));
    for (const fault of FAULTS as readonly FaultSpec[]) {
      if (fault.enabledByDefault) for (const id of fault.checks) assert.ok(fired.has(id), `${id} (fault ${fault.name}) did not fire`);
    }
    for (const c of report.checks.filter((r) => r.status === 'error')) assert.match(c.error ?? '', /^not checked: /, `${c.id} errored: ${c.error}`);
    assert.deepEqual(
      checks.map((c) => c.id).filter((id) => !report.checks.some((r) => r.id === id)),
      [],
      'every registered check has a result',
    );
  });

  it('fires each planted fault on the host it is planted on', () => {
    for (const fault of (FAULTS as readonly FaultSpec[]).filter((f) => f.enabledByDefault)) {
      for (const id of fault.checks) {
        const hits = report.findings.filter((f) => f.id === id && (fault.hosts.length === 0 || fault.hosts.includes(hostOf(f.target))));
        assert.ok(hits.length > 0, `fault ${fault.name}: no ${id} on ${fault.hosts.join(', ')}`);
      }
    }
  });

  it('ranks by launch risk: critical first, ranks 1..n', () => {
    assert.deepEqual(report.findings.map((f) => f.rank), report.findings.map((_, i) => i + 1));
    assert.equal(report.findings[0].severity, 'critical');
  });

  it('writes every format to --out, HTML self-contained', async () => {
    assert.deepEqual((await readdir(out)).sort(), ['report.html', 'report.json', 'report.md', 'report.sarif']);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    assert.doesNotMatch(html, /<(script|link|img)\b[^>]*(src|href)=["']?https?:/i);
    assert.match(html, /Not launch ready/);
    const sarif = JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, report.findings.length);
    await rm(out, { recursive: true, force: true });
  });
});

describe('launch-ready demo --fixed', () => {
  it('reports nothing above low and exits 0', async () => {
    const run = await runCli(['demo', '--fixed', '--format', 'json', '-q']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(report.verdict, 'ready');
    assert.deepEqual(report.findings.filter((f) => severityAtLeast(f.severity, 'medium')), []);
  });

  it('prints the terminal report with a launch-ready verdict', async () => {
    const run = await runCli(['demo', '--fixed']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Launch ready/);
    assert.match(run.stdout, /Route map/);
    assert.ok(!run.stdout.includes("\u001b["), 'NO_COLOR output has no escape codes');
  });

  it('turns on just the faults named with --fault', async () => {
    const run = await runCli(['demo', '--fault', 'tls-expired', '--format', 'json', '-q']);
    assert.equal(run.code, 1);
    const ids = new Set((JSON.parse(run.stdout) as Report).findings.filter((f) => severityAtLeast(f.severity, 'medium')).map((f) => f.id));
    assert.ok(ids.has('tls.expired'));
    assert.ok(!ids.has('redirect.loop'));
  });

  it('--fail-on critical exits 0 when the worst is high', async () => {
    const run = await runCli(['demo', '--fault', 'hsts-missing', '--fault', 'cors-reflect', '--fail-on', 'critical', '--format', 'json', '-q']);
    const report = JSON.parse(run.stdout) as Report;
    assert.ok(report.findings.some((f) => f.severity === 'high'));
    assert.ok(!report.findings.some((f) => f.severity === 'critical'));
    assert.equal(run.code, 0);
  });
});

describe('usage errors exit 2 with a message that names the fix', () => {
  const cases: Array<[string[], RegExp]> = [
    [['audit', '--config', 'no-such-file.yaml'], /no-such-file\.yaml.*init/s],
    [['audit', 'https://acme.test', '--connect-to', 'nonsense'], /HOST:PORT:ADDR:PORT/],
    [['audit', 'https://acme.test', '--dns-server', 'dns.google'], /expected an IP address/],
    [['audit', 'https://acme.test', '--timeout', 'soon'], /--timeout "soon"/],
    [['audit', 'https://acme.test', '--ca', 'missing.pem'], /--ca missing\.pem: cannot read it/],
    [['demo', '--format', 'pdf'], /format/],
    [['demo', '--fault', 'tls-expird'], /Did you mean "tls-expired"/],
    [['bogus-command'], /unknown command/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const run = await runCli(args);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
    });
  }
});
