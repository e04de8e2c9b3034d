import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { findSecretLiteral, isSecretKeyName } from '../../src/config/secret-literal.js';
import { redact } from '../../src/secrets/redact.js';
import { ConfigDir, MINIMAL } from './config-files.js';

/** Key-shaped values are generated at test time, so nothing live-looking is committed. */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function random(length: number, alphabet = ALNUM): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const positives: Array<[kind: string, value: string, key?: string]> = [
  ['model-provider API key', `sk-proj-${random(48)}`],
  ['model-provider API key', `sk-ant-api03-${random(40)}`],
  ['Stripe live key', `${'sk'}_live_${random(24)}`],
  ['Stripe live key', `${'rk'}_live_${random(24)}`],
  ['Stripe webhook signing secret', `whsec_${random(32)}`],
  ['Slack token', `xoxb-${random(11, '0123456789')}-${random(24)}`],
  ['GitHub token', `ghp_${random(36)}`],
  ['GitHub token', `github_pat_${random(22)}_${random(59)}`],
  ['GitLab token', `glpat-${random(20)}`],
  ['AWS access key id', `AKIA${random(16, UPPER_DIGITS)}`],
  ['Google API key', `AIza${random(35)}`],
  ['Slack webhook URL', `https://hooks.slack.com/services/T${random(8, UPPER_DIGITS)}/B${random(8, UPPER_DIGITS)}/${random(24)}`],
  ['Discord webhook URL', `https://discord.com/api/webhooks/${random(18, '0123456789')}/${random(68)}`],
  ['PEM private key', `-----BEGIN RSA PRIVATE KEY-----\n${random(64)}\n-----END RSA PRIVATE KEY-----\n`],
  ['URL with a password', `postgres://shop:${random(16)}@db.acme.test:5432/shop`],
  ['model-provider API key', `Bearer sk-${random(40)}`, 'authorization'],
  ['high-entropy value under "authorization"', `Bearer ${random(32)}`, 'authorization'],
  ['high-entropy value under "x-api-key"', random(40), 'x-api-key'],
  ['high-entropy value under "clientSecret"', random(24), 'clientSecret'],
];

const negatives: Array<[why: string, value: string, key?: string]> = [
  ['a reference', '${OPENAI_API_KEY}', 'apiKey'],
  ['a bearer reference', 'Bearer ${CHAT_API_TOKEN}', 'authorization'],
  ['a URL whose password is a reference', 'postgres://shop:${DB_PASSWORD}@db.acme.test/shop'],
  ['a plain URL', 'https://www.acme.test:8443/api/orders/1001?expand=items'],
  ['a webhook route URL under a webhook key', 'https://api.acme.test/api/webhooks/stripe', 'webhook'],
  ['a short value under a token key', 'exists', 'token'],
  ['words under a secret-named key', 'launch-ready-production-monitor', 'token'],
  ['a long random value under an ordinary key', random(40), 'sessionId'],
  ['a Stripe test key prefix too short to be a key', `${'sk'}_live_x`],
  ['a chat body template', '{"message":"{{prompt}}","sessionId":"{{sessionId}}"}', 'body'],
];

describe('findSecretLiteral', () => {
  for (const [kind, value, key] of positives) {
    it(`finds a ${kind}${key ? ` under ${key}` : ''}`, () => {
      const found = findSecretLiteral(value, key);
      assert.ok(found, `not found: ${kind}`);
      assert.equal(found.kind, kind);
      assert.ok(!found.redacted.includes(value.replace(/^Bearer /, '')), 'the redacted form does not hold the value');
      assert.match(found.redacted, /^.{0,2}… \[\d+ chars, sha256:[0-9a-f]{8}\]$/);
    });
  }
  for (const [why, value, key] of negatives) {
    it(`ignores ${why}`, () => {
      assert.equal(findSecretLiteral(value, key), undefined);
    });
  }

  it('recognises credential key names word by word', () => {
    for (const key of ['apiKey', 'x-api-key', 'client_secret', 'Authorization', 'SLACK_WEBHOOK', 'privateKey', 'password']) assert.ok(isSecretKeyName(key), key);
    for (const key of ['keyboard', 'monkey', 'sessionId', 'url', 'toolCalls', 'kind']) assert.ok(!isSecretKeyName(key), key);
  });

  it('redacts to a short prefix and the length', () => {
    assert.match(redact('abcdefghijklmnopqrstuvwxyz'), /^ab… \[26 chars, sha256:[0-9a-f]{8}\]$/);
    assert.match(redact('hunter2'), /^… \[7 chars, sha256:[0-9a-f]{8}\]$/);
  });
});

describe('secrets written in the config', () => {
  let dir: ConfigDir;
  before(async () => {
    dir = await ConfigDir.create();
  });
  after(async () => {
    await dir.remove();
  });

  it('is an error at each line, naming an ${ENV} to use, never echoing the secret', async () => {
    const stripe = `${'sk'}_live_${random(32)}`;
    const slack = `https://hooks.slack.com/services/T${random(8, UPPER_DIGITS)}/B${random(8, UPPER_DIGITS)}/${random(24)}`;
    const token = random(40);
    const pem = `-----BEGIN PRIVATE KEY-----\n${random(64)}\n-----END PRIVATE KEY-----`;
    const database = `postgres://shop:${random(20)}@db.acme.test/shop`;
    const text = `${MINIMAL}routes:
  - name: checkout
    url: https://www.acme.test/checkout
    kind: ${stripe}
    headers:
      x-api-key: ${token}
monitor:
  alerts:
    - { type: slack, url: "${slack}" }
secrets:
  paths:
    - ${database}
handover:
  contacts:
    - name: |
${pem.split('\n').map((l) => `        ${l}`).join('\n')}
`;
    const { error, problems } = await dir.problems(text);
    for (const secret of [stripe, slack, token, pem, database]) {
      assert.ok(!error.message.includes(secret), 'the full secret never appears in the message');
      assert.ok(!error.message.includes(secret.slice(8, 24)), 'nor a long piece of it');
    }
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    assert.deepEqual(at(7), [
      `routes[0].kind: this looks like a Stripe live key (${redact(stripe)}). Secrets must not be written in the config: put the value in an environment variable and write "\${STRIPE_SECRET_KEY}" here instead`,
      `routes[0].kind: expected one of checkout, login, chat, webhook, api, page; got a secret-looking value (${redact(stripe)})`,
    ]);
    assert.match(at(9)[0], /^routes\[0\]\.headers\["x-api-key"\]: this looks like a high-entropy value under "x-api-key" \(.{2}… \[40 chars, sha256:[0-9a-f]{8}\]\)\..*"\$\{X_API_KEY\}"/);
    assert.match(at(12)[0], /^monitor\.alerts\[0\]\.url: this looks like a Slack webhook URL .*"\$\{SLACK_WEBHOOK_URL\}"/);
    assert.match(at(15)[0], /^secrets\.paths\[0\]: this looks like a URL with a password /);
    assert.match(at(18)[0], /^handover\.contacts\[0\]\.name: this looks like a PEM private key /);
  });
});
