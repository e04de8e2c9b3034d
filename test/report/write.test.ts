import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport, writeReportDir } from '../../src/report/write.js';
import { fixedReport, meta } from './fixture.js';

describe('renderReport', () => {
  const report = fixedReport();

  it('renders each format', () => {
    assert.match(renderReport(report, 'terminal'), /^launch-ready 0\.1\.0 · /);
    assert.match(renderReport(report, 'md'), /^# Launch readiness: /);
    assert.match(renderReport(report, 'html'), /^<!doctype html>/);
    assert.equal((JSON.parse(renderReport(report, 'json')) as { verdict: string }).verdict, 'not-ready');
    assert.equal((JSON.parse(renderReport(report, 'sarif', { rules: [meta('tls.expired')] })) as { version: string }).version, '2.1.0');
  });

  it('leaves colour off unless asked', () => {
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(renderReport(report, 'terminal'), /\u001b/);
    // eslint-disable-next-line no-control-regex
    assert.match(renderReport(report, 'terminal', { color: true }), /\u001b\[/);
  });
});

describe('writeReportDir', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-report-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the four file formats and leaves everything else in the folder alone', async () => {
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeFile(join(dir, 'report.json'), 'stale');
    const written = await writeReportDir(fixedReport(), dir, [meta('tls.expired')]);
    assert.deepEqual(written, ['report.md', 'report.html', 'report.json', 'report.sarif'].map((f) => join(dir, f)));
    assert.deepEqual((await readdir(dir)).sort(), ['notes.txt', 'report.html', 'report.json', 'report.md', 'report.sarif']);
    assert.equal(await readFile(join(dir, 'notes.txt'), 'utf8'), 'mine');
    assert.equal((JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { target: string }).target, 'https://acme.test/');
    const sarif = JSON.parse(await readFile(join(dir, 'report.sarif'), 'utf8')) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } } }> };
    assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'tls.expired'));
    assert.match(await readFile(join(dir, 'report.html'), 'utf8'), /<\/html>\n$/);
  });

  it('creates a missing folder', async () => {
    const nested = join(dir, 'a', 'b');
    await writeReportDir(fixedReport(), nested, []);
    assert.equal((await readdir(nested)).length, 4);
  });
});
