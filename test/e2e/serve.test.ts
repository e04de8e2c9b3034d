/** A running demo world (`demo --serve`) targeted by other commands through its written config. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { Report } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { serveDemoWorld, type ServedWorld } from '../helpers/demo-world.js';

let world: ServedWorld;
let dir = '';
let banner = '';

before(async () => {
  world = await serveDemoWorld('lr-serve-');
  ({ dir, banner } = world);
});

after(() => world.close());

const config = () => world.config;
const audit = async () => {
  const run = await runCli(['audit', '--config', config(), '--format', 'json', '-q']);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
};

describe('demo --serve', () => {
  it('prints the config path, the equivalent flags and a curl example, and writes the files', async () => {
    assert.match(banner, /config: +\S+launch-ready\.yaml/);
    assert.match(banner, /--dns-server 127\.0\.0\.1:\d+/);
    assert.match(banner, /curl --cacert/);
    await loadConfig(config());
    assert.match(await readFile(join(dir, 'ca.pem'), 'utf8'), /BEGIN CERTIFICATE/);
  });

  it('is audited through its config alone, and reacts to faults switched while it runs', async () => {
    const before = await audit();
    assert.equal(before.code, 1);
    assert.ok(before.report.findings.some((f) => f.id === 'tls.expired'));
    const off = await runCli(['demo', 'fault', 'tls-expired', 'off', '--dir', dir]);
    assert.equal(off.code, 0, off.stderr);
    const after = await audit();
    assert.ok(!after.report.findings.some((f) => f.id === 'tls.expired'));
    assert.equal((await runCli(['demo', 'fault', 'tls-expired', 'on', '--dir', dir])).code, 0);
  });

  it('refuses an unknown fault or state with exit 2', async () => {
    const unknown = await runCli(['demo', 'fault', 'tls-expird', 'on', '--dir', dir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /tls-expired/);
    assert.equal((await runCli(['demo', 'fault', 'tls-expired', 'maybe', '--dir', dir])).code, 2);
    assert.equal((await runCli(['demo', 'fault', 'tls-expired', 'on', '--dir', join(dir, 'nowhere')])).code, 2);
  });

  it('init writes a loadable starter from discovery, and never overwrites without --force', async () => {
    const flags = [...banner.matchAll(/--(dns-server|connect-to|ca) '?([^'\s]+)'?/g)].flatMap((m) => [`--${m[1]}`, m[2]]);
    const out = join(dir, 'starter.yaml');
    const first = await runCli(['init', 'https://www.acme.test/', ...flags, '--out', out]);
    assert.equal(first.code, 0, first.stderr);
    const text = await readFile(out, 'utf8');
    for (const host of ['acme.test', 'www.acme.test', 'api.acme.test', 'staging.acme.test']) assert.ok(text.includes(host), host);
    await loadConfig(out);
    await writeFile(out, '# mine\n');
    const again = await runCli(['init', 'https://www.acme.test/', ...flags, '--out', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /--force/);
    assert.equal(await readFile(out, 'utf8'), '# mine\n');
    assert.equal((await runCli(['init', 'https://www.acme.test/', ...flags, '--out', out, '--force'])).code, 0);
  });

  it('audits by URL with discovery through the same flags', async () => {
    const flags = [...banner.matchAll(/--(dns-server|connect-to|ca) '?([^'\s]+)'?/g)].flatMap((m) => [`--${m[1]}`, m[2]]);
    const run = await runCli(['audit', 'https://www.acme.test/', ...flags, '--format', 'json', '-q']);
    const report = JSON.parse(run.stdout) as Report;
    assert.equal(run.code, 1);
    const hosts = report.routes.map((r) => r.host);
    for (const h of ['acme.test', 'www.acme.test', 'app.acme.test', 'api.acme.test', 'admin.acme.test', 'staging.acme.test']) assert.ok(hosts.includes(h), h);
  });

  it('saves artifacts with cookie values redacted and replays them offline to the same findings', async () => {
    const file = join(dir, 'artifacts.json');
    const live = await runCli(['audit', '--config', config(), '--format', 'json', '-q', '--save-artifacts', file]);
    const replay = await runCli(['audit', '--replay', file, '--format', 'json', '-q']);
    assert.equal(replay.code, live.code);
    const ids = (r: string) => (JSON.parse(r) as Report).findings.map((f) => `${f.id} ${f.target}`).sort();
    assert.deepEqual(ids(replay.stdout), ids(live.stdout));
    const saved = await readFile(file, 'utf8');
    const cookies: string[] = [];
    JSON.parse(saved, (key, value: unknown) => {
      if (key === 'set-cookie' && Array.isArray(value)) cookies.push(...(value as string[]));
      return value;
    });
    assert.ok(cookies.length > 0, 'the demo sets cookies');
    for (const c of cookies) assert.match(c, /^[^=]+=(|[^;]*… \[\d+ chars, sha256:[0-9a-f]{8}\])(;|$)/, c);
  });

  it('stops cleanly on SIGTERM and removes its state file', async () => {
    world.child.kill('SIGTERM');
    const code = await new Promise((resolve) => world.child.once('exit', resolve));
    assert.equal(code, 0);
    assert.equal(existsSync(join(dir, 'demo-state.json')), false);
  });
});
