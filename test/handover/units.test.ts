/** Platform and provider detection, renewal, risk ranking, the env inventory reader, and escaping in both renderers. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import { readEnvInventory, takeEnvInventory } from '../../src/handover/env-inventory.js';
import { findChromium, printPdf } from '../../src/handover/pdf.js';
import type { HandoverFacts } from '../../src/handover/gather.js';
import { detectFromHost, detectFromRepo } from '../../src/handover/platform.js';
import { platformsByHost } from '../../src/handover/sections-infrastructure.js';
import { dnsProvider, renewalOf } from '../../src/handover/providers.js';
import { renderHtml } from '../../src/handover/render-html.js';
import { renderMarkdown } from '../../src/handover/render-markdown.js';
import { rankRisks } from '../../src/handover/risks.js';
import { chain, dns, exchange, host } from '../helpers/artifacts.js';

describe('hosting platform detection', () => {
  it('reads platform headers, then custom-domain CNAMEs', () => {
    assert.deepEqual(detectFromHost(host('www.shop.test', { headers: { 'x-vercel-id': 'fra1::abc' } })), { platform: 'vercel', via: 'header', evidence: 'x-vercel-id: fra1::abc' });
    assert.equal(detectFromHost(host('api.shop.test', { headers: { via: '1.1 vegur' } }))?.platform, 'heroku');
    const fly = host('app.shop.test', { dns: dns('app.shop.test', { cnames: ['shop.fly.dev.'] }) });
    assert.deepEqual(detectFromHost(fly), { platform: 'fly', via: 'cname', evidence: 'CNAME shop.fly.dev' });
    assert.equal(detectFromHost(host('n.shop.test', { headers: { server: 'nginx/1.25.3' } }))?.platform, 'vm');
    assert.equal(detectFromHost(host('x.shop.test', { https: chain(exchange({ url: 'https://x.shop.test/' })), http: chain(exchange({ url: 'http://x.shop.test/' })) })), undefined);
  });
  it('reads platform files from the repository, a platform file before a bare Dockerfile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-platform-'));
    try {
      await writeFile(join(dir, 'Dockerfile'), 'FROM node:20\n');
      await writeFile(join(dir, 'render.yaml'), 'services: []\n');
      assert.deepEqual(detectFromRepo(dir).map((d) => d.evidence), ['render.yaml', 'Dockerfile']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });  it("puts a platform's own header or CNAME first, then the config's platform, then a server banner, then repo files", () => {
    const hosts = [
      host('www.shop.test', { headers: { 'x-vercel-id': 'fra1::abc' } }),
      host('api.shop.test', { headers: { server: 'nginx/1.25.3' } }),
      host('app.shop.test', { https: chain(exchange({ url: 'https://app.shop.test/' })), http: chain(exchange({ url: 'http://app.shop.test/' })) }),
    ];
    const repo = { dir: '.', platforms: [{ platform: 'render' as const, via: 'repo' as const, evidence: 'render.yaml' }], packages: [], envExample: [] };
    const facts = (platform?: 'fly') => ({ config: { handover: platform ? { platform } : undefined }, artifacts: { hosts }, repo }) as unknown as HandoverFacts;
    assert.deepEqual(
      platformsByHost(facts('fly')).map((p) => [p.host, p.detection?.platform, p.detection?.evidence]),
      [
        ['www.shop.test', 'vercel', 'x-vercel-id: fra1::abc'],
        ['api.shop.test', 'fly', 'handover.platform in the config; its responses look like a server you run (VM or container host) (server: nginx/1.25.3)'],
        ['app.shop.test', 'fly', 'handover.platform in the config'],
      ],
    );
    assert.deepEqual(platformsByHost(facts()).map((p) => p.detection?.platform), ['vercel', 'vm', 'render']);
  });
});

describe('providers', () => {
  it('names the DNS provider from NS records', () => {
    assert.equal(dnsProvider(['kim.ns.cloudflare.com.', 'rob.ns.cloudflare.com'], 'shop.test'), 'Cloudflare');
    assert.equal(dnsProvider(['ns-12.awsdns-01.org'], 'shop.test'), 'Amazon Route 53');
    assert.equal(dnsProvider(['ns1.shop.test'], 'shop.test'), 'self-hosted (name servers inside shop.test)');
    assert.equal(dnsProvider(['ns1.obscure.example'], 'shop.test'), 'not recognised');
  });
  it("expects ACME certificates to renew themselves and others by hand", () => {
    const le = renewalOf("C=US, O=Let's Encrypt, CN=R10", '2026-10-01T00:00:00Z', '2026-12-30T00:00:00Z');
    assert.deepEqual([le.authority, le.lifetimeDays, le.automatic], ["Let's Encrypt", 90, true]);
    assert.equal(renewalOf('CN=Amazon RSA 2048 M02', '2026-01-01', '2027-01-31').automatic, true);
    assert.match(renewalOf('CN=Sectigo RSA DV', '2026-01-01', '2027-01-01').behaviour, /^renew by hand \(365-day certificate/);
  });
});

function finding(id: string, severity: Finding['severity'], target: string, rank: number, routeKind?: Finding['routeKind']): Finding {
  return { id, severity, stage: 1, target, title: id, evidence: '', impact: '', remediation: `fix ${id}`, reference: 'https://example.com', rank, ...(routeKind ? { routeKind } : {}) };
}

describe('post-launch risks', () => {
  it('groups by check and orders by impact × likelihood, revenue routes one impact higher', () => {
    const risks = rankRisks([
      finding('headers.csp-missing', 'high', 'www.shop.test', 1),
      finding('route.unreachable', 'high', 'https://www.shop.test/checkout', 2, 'checkout'),
      finding('route.unreachable', 'medium', 'https://www.shop.test/about', 3, 'page'),
      finding('tls.expiring-soon', 'medium', 'api.shop.test', 4),
    ]);
    assert.deepEqual(risks.map((r) => [r.id, r.impact, r.likelihood, r.score]), [
      ['route.unreachable', 5, 5, 25],
      ['tls.expiring-soon', 3, 4, 12],
      ['headers.csp-missing', 4, 2, 8],
    ]);
    assert.deepEqual(risks[0].targets, ['https://www.shop.test/checkout', 'https://www.shop.test/about']);
  });
});

describe('env inventory', () => {
  it('reads names, public prefixes and where each is defined, and refuses other JSON with the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-inv-'));
    try {
      const file = join(dir, 'inv.json');
      await writeFile(file, JSON.stringify({ variables: [{ name: 'A', publicPrefix: 'VITE_', definitions: [{ environment: 'production', file: '.env.production' }, { environment: 'production', file: 'fly.toml' }] }, { nope: 1 }] }));
      assert.deepEqual(await readEnvInventory(file), [{ name: 'A', publicPrefix: 'VITE_', definedIn: { production: ['.env.production', 'fly.toml'] } }]);
      // What `launch-ready env --format json` prints: the inventory beside its report.
      await writeFile(file, JSON.stringify({ inventory: { root: '.', variables: [{ name: 'B', definitions: [{ environment: 'staging', file: '.env.staging' }] }] }, report: {} }));
      assert.deepEqual(await readEnvInventory(file), [{ name: 'B', definedIn: { staging: ['.env.staging'] } }]);
      await writeFile(file, '[]');
      await assert.rejects(readEnvInventory(file), /no "variables" list; expected the JSON of `launch-ready env --format json`/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('takes the inventory of the repository itself when none is given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-inv-repo-'));
    try {
      await writeFile(join(dir, '.env.production'), 'DATABASE_URL=postgres://db/shop\n');
      await writeFile(join(dir, 'server.js'), 'const key = process.env.STRIPE_SECRET_KEY;\nconst db = process.env.DATABASE_URL;\n');
      const names = Object.fromEntries(((await takeEnvInventory(dir)) ?? []).map((v) => [v.name, v.definedIn]));
      assert.deepEqual(names, { DATABASE_URL: { production: ['.env.production'] }, STRIPE_SECRET_KEY: {} });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('rendering', () => {
  const doc = {
    kind: 'handover' as const,
    title: 'Handover: <Acme>',
    subtitle: 'acme.test',
    generatedAt: '2026-11-28T10:00:00Z',
    sections: [{ id: 's', title: 'S', items: [{ subject: 'a|b', detail: 'run `dig NS acme.test` then <script>alert(1)</script> *now*', status: 'unknown' as const, flag: true }], steps: [{ text: 'Roll back', command: 'fly deploy --image ``x``' }] }],
  };
  it('escapes server-supplied text in Markdown and keeps backticked commands as code', () => {
    const md = renderMarkdown(doc);
    assert.match(md, /^\| ⚠️ a\\\|b \| run `dig NS acme.test` then \\<script\\>alert\(1\)\\<\/script\\> \\\*now\\\* \| ❓ unknown \|$/m);
    assert.match(md, /^ {3}```sh\n {3}fly deploy --image ``x``\n {3}```$/m);
  });
  it('escapes HTML and loads nothing', () => {
    const html = renderHtml(doc);
    assert.match(html, /<title>Handover: &lt;Acme&gt;<\/title>/);
    assert.match(html, /run <code>dig NS acme\.test<\/code> then &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /@media print/);
  });
  it('says how to get a PDF when no Chromium is found', async () => {
    assert.equal(findChromium({ LAUNCH_READY_CHROMIUM: '/nonexistent/chromium' }), undefined);
    await assert.rejects(printPdf('/tmp/x.html', '/tmp/x.pdf', { LAUNCH_READY_CHROMIUM: '/nonexistent/chromium' }), /--pdf needs Chromium and none was found \(\/nonexistent\/chromium\)\. Install it \(Debian\/Ubuntu: `apt-get install chromium`\)/);
  });
});
