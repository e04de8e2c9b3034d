/** The handover checklist and the runbook generated for the flawed demo world: every section, with what was detected. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { networkFromConfig } from '../../src/config/plan.js';
import { networkSettings } from '../../src/cli/network-options.js';
import { silentProgress } from '../../src/collect/context.js';
import { DEPLOYMENTS } from '../../src/demo/world.js';
import { buildHandover } from '../../src/handover/checklist.js';
import type { HandoverDocument } from '../../src/handover/document.js';
import { gatherFacts, type HandoverFacts } from '../../src/handover/gather.js';
import { renderHtml } from '../../src/handover/render-html.js';
import { renderMarkdown } from '../../src/handover/render-markdown.js';
import { buildRunbook } from '../../src/handover/runbook.js';
import { worldDir, type WorldDir } from '../deploy/world-dir.js';
import { renderInChromium } from './chromium.js';

const SECTIONS = [
  'Domains and subdomains',
  'DNS and edge providers',
  'Certificates and renewal',
  'Hosting platform per host',
  'Releases and deploys',
  'Email authentication',
  'Environment variables',
  'Monitoring, alerts and uptime',
  'Known limits',
  'Third-party dependencies',
  'Account ownership',
  'Emergency contacts',
  'Post-launch risks, ranked by impact × likelihood',
];

/** The table row of a Markdown section whose first cell starts with `subject`. */
function row(md: string, section: string, subject: string): string {
  const start = md.indexOf(`## ${section}\n`);
  assert.ok(start >= 0, `no section ${section}`);
  const body = md.slice(start, md.indexOf('\n## ', start + 1) >>> 0);
  const line = body.split('\n').find((l) => l.replace(/^\| (⚠️ )?/, '').startsWith(subject));
  assert.ok(line, `no row "${subject}" in ${section}:\n${body}`);
  return line;
}

describe('handover and runbook for the flawed demo world', () => {
  let w: WorldDir;
  let repo: string;
  let facts: HandoverFacts;
  let doc: HandoverDocument;
  let md: string;

  before(async () => {
    // The latency benches take seconds and the handover only reads declared budgets: no budgets, no benches.
    w = await worldDir({}, { withoutLatency: true });
    repo = await mkdtemp(join(tmpdir(), 'lr-repo-'));
    await writeFile(join(repo, 'fly.toml'), 'app = "acme-shop"\n');
    await writeFile(join(repo, 'package.json'), JSON.stringify({ dependencies: { stripe: '^17.0.0', openai: '^5.0.0' }, devDependencies: { vitest: '^3.0.0' } }));
    await mkdir(join(repo, '.launch-ready'));
    const inventory = join(repo, 'env-inventory.json');
    await writeFile(
      inventory,
      // As `launch-ready env --format json` prints it: the inventory beside its report.
      JSON.stringify({
        inventory: {
          variables: [
            { name: 'DATABASE_URL', definitions: [{ environment: 'production', file: 'fly.toml' }, { environment: 'staging', file: '.env.staging' }] },
            { name: 'NEXT_PUBLIC_STRIPE_KEY', publicPrefix: 'NEXT_PUBLIC_', definitions: [{ environment: 'production', file: '.env.production' }] },
            { name: 'OPENAI_API_KEY', definitions: [] },
            { name: 'SENTRY_DSN', definitions: [{ environment: 'local', file: '.env' }] },
          ],
        },
        report: {},
      }),
    );
    const loaded = await loadConfig(w.config);
    facts = await gatherFacts({
      loaded,
      settings: networkSettings({}, networkFromConfig(loaded)),
      progress: silentProgress,
      repoDir: repo,
      envInventoryFile: inventory,
      logFile: join(repo, '.launch-ready', 'deploys.jsonl'),
      now: new Date(),
    });
    doc = buildHandover(facts);
    md = renderMarkdown(doc);
  });
  after(async () => {
    await w.close();
    await rm(repo, { recursive: true, force: true });
  });

  it('has every section, in order, and every item says how it is known', () => {
    assert.deepEqual(doc.sections.map((s) => s.title), SECTIONS);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, SECTIONS);
    for (const s of doc.sections) assert.ok((s.items ?? []).length > 0, `${s.title} has items`);
    for (const status of ['✅ verified', '📝 declared', '❓ unknown']) assert.ok(md.includes(status), status);
  });

  it('maps every domain, the DNS provider, the edge and the certificates', () => {
    assert.match(row(md, 'Domains and subdomains', 'www.acme.test (production)'), /127\.0\.0\.1 → edge: Cloudflare → 200 https:\/\/www\.acme\.test\/ → version 1\.4\.2 \(3f9c21e\)/);
    assert.match(row(md, 'Domains and subdomains', 'status.acme.test'), /CNAME acme-shop\.pages-host\.test → no address/);
    assert.match(row(md, 'DNS and edge providers', 'DNS provider'), /self-hosted \(name servers inside acme\.test\) \(NS ns1\.acme\.test\) \| ✅ verified/);
    assert.match(row(md, 'DNS and edge providers', 'Edge: Cloudflare'), /www\.acme\.test/);
    assert.match(row(md, 'DNS and edge providers', 'No edge/CDN in front'), /api\.acme\.test, staging\.acme\.test/);
    assert.match(row(md, 'Certificates and renewal', 'api.acme.test'), /Acme Demo Root CA\); next expiry \d{4}-\d\d-\d\d \([89] days left\); renew by hand \(90-day certificate/);
    assert.match(row(md, 'Certificates and renewal', 'admin.acme.test'), /EXPIRED 2[01] days ago/);
  });

  it('names the platform per host, the releases, and that staging is ahead', () => {
    assert.match(row(md, 'Hosting platform per host', 'api.acme.test'), /a server you run \(VM or container host\) \(server: nginx\) \| ✅ verified/);
    assert.match(row(md, 'Hosting platform per host', 'www.acme.test'), /Fly\.io \(fly\.toml in the repo\)/);
    assert.match(row(md, 'Releases and deploys', 'production runs'), /MIXED: 1\.4\.2 \(3f9c21e\) \/ 1\.4\.1 \(8d0b6a4\) \/ 1\.5\.0-rc\.1/);
    assert.match(row(md, 'Releases and deploys', 'Release pipeline'), new RegExp(`staging runs ${DEPLOYMENTS.staging.version.replace(/\./g, '\\.')} .*ahead of production 1\\.4\\.2`));
    assert.match(row(md, 'Releases and deploys', 'Last recorded deploy'), /none in the deploy log: run `launch-ready deploy verify`/);
  });

  it('reports email authentication and its sending providers from the email stage', () => {
    assert.match(row(md, 'Email authentication', 'SPF'), /\| v=spf1 include:\\_spf\.mailhost\.test .*DNS lookups?\) \| ✅ verified \|$/);
    assert.match(row(md, 'Email authentication', 'DMARC'), /v=DMARC1; p=/);
    assert.match(row(md, 'Email authentication', 'DKIM'), /s1 \(\d+-bit RSA\)/);
    assert.match(row(md, 'Email authentication', 'Sending providers'), /SPF include:\\_spf\.mailhost\.test/);
  });

  it('lists where each environment variable lives, from the inventory', () => {
    assert.match(row(md, 'Environment variables', 'DATABASE\\_URL'), /production: fly\.toml; staging: \.env\.staging \| ✅ verified/);
    assert.match(row(md, 'Environment variables', 'NEXT\\_PUBLIC\\_STRIPE\\_KEY (public: NEXT\\_PUBLIC\\_)'), /production: \.env\.production/);
    assert.match(md, /^\| ⚠️ OPENAI\\_API\\_KEY \| read by the code, defined nowhere/m);
    assert.match(row(md, 'Environment variables', 'SENTRY\\_DSN'), /local: \.env; production: not in the repository \(look in the hosting platform's environment settings\) \| ❓ unknown/);
  });

  it('covers monitoring, limits and third parties', () => {
    assert.match(row(md, 'Monitoring, alerts and uptime', 'Health: https://api.acme.test/api/chat/health'), /status 404/);
    assert.match(md, /^\| ⚠️ Health: https:\/\/api\.acme\.test\/api\/chat\/health/m);
    assert.match(row(md, 'Monitoring, alerts and uptime', 'Uptime target'), /99\.5% \| 📝 declared/);
    assert.match(row(md, 'Known limits', 'Cache TTLs observed'), /fingerprinted assets: public, max-age=31536000, immutable/);
    assert.match(row(md, 'Known limits', 'Latency budgets'), /none: add `latency\.targets`/);
    assert.match(row(md, 'Third-party dependencies', 'Email senders'), /\\_spf\.mailhost\.test/);
    assert.match(row(md, 'Third-party dependencies', 'Packages'), /stripe@\^17\.0\.0, openai@\^5\.0\.0 \|/);
    assert.doesNotMatch(md, /vitest/);
  });

  it('flags every account with no owner and lists the contacts', () => {
    assert.match(md, /^\| ⚠️ Email sending \| NO OWNER — name one in handover\.owners\.email \| ❓ unknown \|$/m);
    assert.match(md, /^\| ⚠️ Model provider \(LLM API\) \| NO OWNER — name one in handover\.owners\.modelProvider \| ❓ unknown \|$/m);
    assert.match(md, /^\| Domain registrar \| Dana Founder \| 📝 declared \|$/m);
    assert.match(md, /^\| DNS \| Dana Founder — self-hosted/m);
    assert.match(row(md, 'Account ownership', 'Hosting'), /^\| Hosting \| Sam Engineer — (?=.*Fly\.io)(?=.*a server you run).* \| 📝 declared \|$/);
    assert.equal([...md.matchAll(/NO OWNER/g)].length, 2);
    assert.match(row(md, 'Emergency contacts', 'Dana Founder'), /founder · dana@acme\.test/);
  });

  it('ranks post-launch risks by impact × likelihood, the broken routes first', () => {
    const risks = doc.sections.find((s) => s.id === 'risks')?.items ?? [];
    assert.ok(risks.length >= 10);
    assert.match(risks[0].detail, /= 25\./);
    const route = risks.find((r) => / route\.unreachable$/.test(r.subject));
    assert.match(route?.detail ?? '', /https:\/\/www\.acme\.test\/auth\/callback.*impact 5 × likelihood 5 \(already happening\) = 25/);
    const scores = risks.map((r) => Number(/= (\d+)\./.exec(r.detail)?.[1]));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });

  it('writes a runbook with the platform\'s deploy and rollback steps and the exact verify command', () => {
    const runbook = renderMarkdown(buildRunbook(facts, 'launch-ready.yaml'));
    assert.match(runbook, /^\| Fly\.io \| acme\.test, www\.acme\.test, app\.acme\.test, admin\.acme\.test \| ✅ verified \|$/m);
    assert.match(runbook, /^## Deploy to production\n\n1\. .*`fly deploy`/m);
    assert.match(runbook, /Fly\.io: `fly deploy --image <that image>` to roll every machine back/);
    assert.match(runbook, /^ {3}launch-ready deploy verify --env production --expect-version NEW_VERSION$/m);
    assert.match(runbook, /^ {3}curl -fsS https:\/\/api\.acme\.test\/api\/health$/m);
    assert.match(runbook, /login-callback \(login\): GET https:\/\/www\.acme\.test\/auth\/callback\?code=launch-ready-smoke&state=launch-ready-smoke answers status 302\./);
    const own = buildRunbook({ ...facts, config: { ...facts.config, handover: { owners: {}, contacts: [], runbook: { rollback: ['Run `make rollback`.'] } } } }, 'ops/launch-ready.yaml');
    const rollback = own.sections.find((s) => s.id === 'rollback')?.steps ?? [];
    assert.equal(rollback[0].text, 'Run `make rollback`.');
    assert.equal(rollback[1].command, 'launch-ready deploy verify -c ops/launch-ready.yaml --env production --expect-version 1.4.2');
  });

  it('renders its HTML in headless Chromium on a few printed pages, not blank', { skip: renderInChromium.unavailable }, async (t) => {
    const out = await mkdtemp(join(tmpdir(), 'lr-handover-'));
    try {
      const html = renderHtml(doc);
      assert.doesNotMatch(html, /<(script|link|img)\b/i);
      const shot = join(out, 'handover.png');
      const { pages, inkRatio } = await renderInChromium(html, shot);
      t.diagnostic(`printed on ${pages} A4 pages; ${(inkRatio * 100).toFixed(1)} % of the screenshot is ink; screenshot ${shot}`);
      assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
      assert.ok(inkRatio > 0.02, `screenshot looks blank (${inkRatio})`);
      assert.ok((await readFile(shot)).subarray(1, 4).toString() === 'PNG');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
