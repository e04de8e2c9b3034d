import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { secretsStageChecks } from '../../src/checks/secret/index.js';
import { runChecks } from '../../src/core/runner.js';
import { parseDefinitions } from '../../src/envinv/definitions.js';
import { buildInventory } from '../../src/envinv/inventory.js';
import { findReads } from '../../src/envinv/reads.js';
import { inventoryMarkdown, inventoryTable } from '../../src/envinv/table.js';
import { parseToml } from '../../src/envinv/toml.js';
import type { EnvInventory } from '../../src/envinv/types.js';
import { plan } from '../helpers/artifacts.js';
import { seeded } from '../fixtures/secrets/generate.js';
import { createRepo, type TestRepo } from '../secrets/git-repo.js';

const r = seeded(5);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const openai = `sk-proj-${r.chars(ALNUM, 156)}`;
const stripe = `sk_live_51${r.chars(ALNUM, 97)}`;
const resend = `re_${r.chars(ALNUM, 8)}_${r.chars(ALNUM, 24)}`;

describe('reads and definitions', () => {
  it('finds reads in every syntax, with positions', () => {
    const js = findReads(
      'src/a.ts',
      "const a = process.env.A_ONE;\nconst b = process.env['B_TWO'];\nconst { C_THREE, D_FOUR: d, E_FIVE = 'x' } = process.env;\nconst f = import.meta.env.VITE_F; import.meta.env.MODE;\nDeno.env.get('G_SEVEN'); Bun.env.H_EIGHT;\n",
    );
    assert.deepEqual(js.map((x) => `${x.name}@${x.line}:${x.column} ${x.syntax}`), [
      'A_ONE@1:11 process.env',
      'B_TWO@2:11 process.env',
      'C_THREE@3:9 process.env',
      'D_FOUR@3:18 process.env',
      'E_FIVE@3:29 process.env',
      'VITE_F@4:11 import.meta.env',
      'G_SEVEN@5:1 Deno.env.get',
      'H_EIGHT@5:26 Bun.env',
    ]);
    assert.deepEqual(findReads('app.py', 'os.environ["P1"]\nos.environ.get("P2")\nos.getenv(\'P3\')\n').map((x) => x.name), ['P1', 'P2', 'P3']);
    assert.deepEqual(findReads('config/app.rb', 'ENV["R1"]\nENV.fetch("R2")\n').map((x) => x.name), ['R1', 'R2']);
    assert.deepEqual(findReads('docker-compose.yml', 'image: shop:${TAG:-latest}\n').map((x) => x.name), ['TAG']);
  });

  it('reads netlify contexts, fly, render, compose and workflow files', () => {
    assert.deepEqual(parseToml('[context."deploy-preview".environment]\nAPI = "https://x"\n[build]\nenvironment = { A = "1", B = \'2\' }\n'), [
      { path: ['context', 'deploy-preview', 'environment', 'API'], value: 'https://x', line: 2 },
      { path: ['build', 'environment', 'A'], value: '1', line: 4 },
      { path: ['build', 'environment', 'B'], value: '2', line: 4 },
    ]);
    const netlify = parseDefinitions('netlify.toml', '[context.production.environment]\nX = "1"\n[context.deploy-preview.environment]\nY = "2"\n');
    assert.deepEqual(netlify?.definitions.map((d) => `${d.name}:${d.environments.join('+')}`), ['X:production', 'Y:staging']);
    const workflow = parseDefinitions('.github/workflows/deploy.yml', 'env:\n  TOP: 1\njobs:\n  ship:\n    environment: production\n    env:\n      KEY: ${{ secrets.KEY }}\n    steps:\n      - run: x\n        env:\n          STEP: y\n');
    assert.deepEqual(workflow?.definitions.map((d) => `${d.name}:${d.environments.join('+')}:${d.line}`), ['TOP:ci:2', 'KEY:production:7', 'STEP:production:11']);
    const compose = parseDefinitions('docker-compose.staging.yml', 'services:\n  web:\n    environment:\n      - A=1\n      - PASSED\n');
    assert.deepEqual(compose?.definitions.map((d) => `${d.name}:${d.value ?? '(passthrough)'}:${d.environments[0]}`), ['A:1:staging', 'PASSED:(passthrough):staging']);
  });
});

describe('environment inventory of a project', () => {
  let repo: TestRepo;
  let inv: EnvInventory;

  before(async () => {
    repo = createRepo('lr-env-');
    repo.write('.gitignore', '.env.local\n');
    repo.write('src/chat.ts', "const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nconst { RESEND_API_KEY } = process.env;\nconst pay = process.env.STRIPE_SECRET_KEY;\nif (process.env.NODE_ENV === 'production') console.log(process.env.FEATURE_FLAG);\n");
    repo.write('prisma/schema.prisma', 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n');
    repo.write('.env.example', 'NEXT_PUBLIC_OPENAI_API_KEY=\nRESEND_API_KEY=\nSTRIPE_SECRET_KEY=\nDATABASE_URL=\nOLD_MAILCHIMP_KEY=\n');
    repo.write('.env', `NEXT_PUBLIC_OPENAI_API_KEY=${openai}\nNODE_ENV=development\n`);
    repo.write('.env.staging', `STRIPE_SECRET_KEY=${stripe}\n`);
    repo.write('.env.production', `STRIPE_SECRET_KEY=${stripe}\n`);
    repo.write('.env.local', `RESEND_API_KEY=${resend}\n`);
    repo.write('vercel.json', '{ "env": { "FEATURE_FLAG": "on" } }\n');
    repo.write('fly.toml', 'app = "acme"\n[env]\n  PORT = "8080"\n');
    repo.write('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    environment: production\n    env:\n      RESEND_API_KEY: ${{ secrets.RESEND_API_KEY }}\n    steps: [{ run: "npm run deploy" }]\n');
    repo.commit('shop', { name: 'Dev', email: 'dev@acme.test' }, '2026-03-01T10:00:00+00:00');
    inv = await buildInventory(repo.dir, '.');
  });
  after(() => repo.remove());

  it('records reads and per-environment definitions, never a value', () => {
    const v = Object.fromEntries(inv.variables.map((x) => [x.name, x]));
    assert.equal(v.NEXT_PUBLIC_OPENAI_API_KEY.publicPrefix, 'NEXT_PUBLIC_');
    assert.deepEqual(v.RESEND_API_KEY.definitions.map((d) => `${d.file}:${d.environment}${d.reference ? ' (reference)' : ''}${d.secretLike ? ` ${d.secretLike}` : ''}`).sort(), [
      '.env.example:example',
      '.env.local:local Resend API key',
      '.github/workflows/deploy.yml:production (reference)',
    ]);
    assert.equal(v.DATABASE_URL.reads[0].syntax, 'env()');
    assert.deepEqual(inv.sources.find((s) => s.file === '.env.local'), { file: '.env.local', kind: 'dotenv', environments: ['local'], tracked: false, variables: 1 }, 'a git-ignored .env is still inventoried');
    const text = JSON.stringify(inv);
    for (const secret of [openai, stripe, resend]) assert.ok(!text.includes(secret) && !text.includes(secret.slice(-16)));
  });

  it('flags the public-prefixed key, the committed .env files, the shared Stripe key, undeclared and unused variables', () => {
    const run = runChecks(secretsStageChecks.filter((c) => c.requires.includes('envInventory')), { plan: plan(), envInventory: inv });
    const got = run.findings.map((f) => `${f.id} ${f.severity} ${f.target}`).sort();
    assert.deepEqual(got, [
      'env.file-committed high .env',
      'env.file-committed high .env.production',
      'env.file-committed high .env.staging',
      'env.public-secret critical .env:1',
      'env.shared-across-environments high .env.production:1',
      'env.undeclared low src/chat.ts:4:56',
      'env.unused low .env.example:5',
    ]);
    assert.match(run.findings.find((f) => f.id === 'env.public-secret')!.evidence, /^NEXT_PUBLIC_OPENAI_API_KEY is inlined into the browser bundle by its NEXT_PUBLIC_ prefix; OPENAI issues only secret keys; \.env:1 sets it to a OpenAI project API key sk-proj-… \[164 chars, sha256:[0-9a-f]{8}\]; read at src\/chat\.ts:1$/);
  });

  it('renders the inventory table without values', () => {
    const { head, rows } = inventoryTable(inv);
    assert.deepEqual(head, ['variable', 'example', 'local', 'staging', 'production', 'read by code']);
    const row = (name: string) => rows.find((x) => x[0] === name);
    assert.deepEqual(row('NEXT_PUBLIC_OPENAI_API_KEY'), ['NEXT_PUBLIC_OPENAI_API_KEY', 'declared', 'public', 'missing', 'missing', '1× (src/chat.ts:1)']);
    assert.deepEqual(row('STRIPE_SECRET_KEY'), ['STRIPE_SECRET_KEY', 'declared', 'missing', 'defined', 'defined', '1× (src/chat.ts:3)']);
    assert.deepEqual(row('FEATURE_FLAG'), ['FEATURE_FLAG', 'missing', 'missing', 'defined', 'defined', '1× (src/chat.ts:4)']);
    const md = inventoryMarkdown(inv);
    for (const secret of [openai, stripe, resend]) assert.ok(!md.includes(secret.slice(-16)));
  });
});
