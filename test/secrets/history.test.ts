import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { secretsStageChecks } from '../../src/checks/secret/index.js';
import { runChecks } from '../../src/core/runner.js';
import { scanRepository } from '../../src/secrets/scan.js';
import { BatchReader, type BatchObject } from '../../src/secrets/sources/batch-reader.js';
import { scanHistory } from '../../src/secrets/sources/history.js';
import { plan } from '../helpers/artifacts.js';
import { seeded } from '../fixtures/secrets/generate.js';
import { createRepo, type TestRepo } from './git-repo.js';

const r = seeded(42);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const openaiKey = `sk-proj-${r.chars(ALNUM, 156)}`;
const stripeKey = `sk_live_51${r.chars(ALNUM, 97)}`;
const slackWebhook = `https://hooks.slack.com/services/T${r.chars('ABCDEFGHJK0123456789', 8)}/B${r.chars('ABCDEFGHJK0123456789', 10)}/${r.chars(ALNUM, 24)}`;
const alice = { name: 'Alice Founder', email: 'alice@acme.test' };
const bob = { name: 'Bob Dev', email: 'bob@acme.test' };

describe('git history scan', () => {
  let repo: TestRepo;
  const commits: Record<string, string> = {};

  before(() => {
    repo = createRepo();
    repo.write('README.md', '# shop\n');
    repo.write('src/ai.ts', `export const client = new OpenAI({ apiKey: '${openaiKey}' });\n`);
    commits.first = repo.commit('chat widget', alice, '2026-01-05T10:00:00+00:00');
    repo.write('.env', `NODE_ENV=production\nSTRIPE_SECRET_KEY=${stripeKey}\n`);
    commits.env = repo.commit('payments', bob, '2026-01-06T11:00:00+00:00');
    repo.git('checkout', '-q', '-b', 'alerts');
    repo.write('config/alerts.yaml', `slack: ${slackWebhook}\n`);
    commits.alerts = repo.commit('order alerts', bob, '2026-01-07T09:00:00+00:00');
    repo.git('checkout', '-q', 'main');
    repo.write('src/ai.ts', `export const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n// moved to env, ${'x'.repeat(3)}\n`);
    commits.removed = repo.commit('move the key to the environment', alice, '2026-01-08T08:00:00+00:00');
    repo.git('-c', 'user.name=Alice Founder', '-c', 'user.email=alice@acme.test', 'merge', '-q', '--no-ff', '-m', 'merge alerts', 'alerts');
  });
  after(() => repo.remove());

  it('reports each secret once, with the commit, author and date that introduced it', async () => {
    const scan = await scanHistory(repo.dir, { maxFileBytes: 1e6 });
    assert.equal(scan.commits, 5);
    const byRule = new Map(scan.hits.map((h) => [h.raw.ruleId, h]));
    const openai = byRule.get('openai.project-key');
    assert.ok(openai);
    assert.equal(openai.introduced.sha, commits.first);
    assert.equal(openai.introduced.author, 'Alice Founder <alice@acme.test>');
    assert.equal(openai.introduced.date, '2026-01-05T10:00:00+00:00');
    assert.equal(openai.path, 'src/ai.ts');
    assert.equal(openai.inHead, false);
    assert.equal(byRule.get('stripe.secret-key')?.introduced.sha, commits.env);
    assert.equal(byRule.get('stripe.secret-key')?.inHead, true);
    assert.equal(byRule.get('slack.webhook-url')?.introduced.sha, commits.alerts, 'a branch commit, merged since');
    assert.equal(byRule.get('slack.webhook-url')?.inHead, true);
    assert.equal(scan.hits.length, 3);
  });

  it('feeds secret.in-history (removed secrets only) and secret.in-repo (with when it was committed)', async () => {
    const { repo: tree, history } = await scanRepository({ paths: ['.'], cwd: repo.dir, history: true });
    assert.ok(history);
    const run = runChecks(secretsStageChecks.filter((c) => c.id === 'secret.in-history' || c.id === 'secret.in-repo'), { plan: plan(), repoSecrets: tree, historySecrets: history });
    const inHistory = run.findings.filter((f) => f.id === 'secret.in-history');
    assert.equal(inHistory.length, 1);
    assert.equal(inHistory[0].target, 'src/ai.ts:1:45');
    assert.match(inHistory[0].evidence, new RegExp(`committed in ${commits.first.slice(0, 10)} by Alice Founder <alice@acme.test> on 2026-01-05; no longer in HEAD`));
    assert.match(inHistory[0].remediation, /^Removing it from HEAD is not enough\. Rotate it: revoke it at platform\.openai\.com/);
    const inRepo = run.findings.filter((f) => f.id === 'secret.in-repo');
    assert.deepEqual(inRepo.map((f) => f.target).sort(), ['.env:2:19', 'config/alerts.yaml:1:8']);
    assert.match(inRepo.find((f) => f.target.startsWith('.env'))!.evidence, new RegExp(`committed in ${commits.env.slice(0, 10)} by Bob Dev`));
    for (const f of run.findings) {
      for (const secret of [openaiKey, stripeKey, slackWebhook]) assert.ok(!JSON.stringify(f).includes(secret.slice(-20)), 'findings never hold the secret');
    }
  });

  it('scans a repository without commits as an empty history', async () => {
    const empty = createRepo('lr-empty-');
    try {
      const scan = await scanHistory(empty.dir, { maxFileBytes: 1e6 });
      assert.deepEqual({ commits: scan.commits, hits: scan.hits }, { commits: 0, hits: [] });
    } finally {
      empty.remove();
    }
  });
});

describe('BatchReader', () => {
  it('parses objects split at any byte boundary', () => {
    const stream = Buffer.from('aaa blob 5\nhello\nbbb missing\nccc blob 0\n\nddd blob 3\nx\ny\n');
    for (const size of [1, 2, 7, stream.length]) {
      const got: BatchObject[] = [];
      const reader = new BatchReader((o) => got.push(o));
      for (let i = 0; i < stream.length; i += size) reader.push(stream.subarray(i, i + size));
      assert.deepEqual(
        got.map((o) => [o.sha, o.content.toString()]),
        [
          ['aaa', 'hello'],
          ['ccc', ''],
          ['ddd', 'x\ny'],
        ],
      );
    }
  });
});
