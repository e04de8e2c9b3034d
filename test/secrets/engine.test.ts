import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanText } from '../../src/secrets/engine.js';
import { compilePrefilter } from '../../src/secrets/prefilter.js';
import { fingerprint, redact } from '../../src/secrets/redact.js';
import { RULES } from '../../src/secrets/rules/index.js';
import { seeded } from '../fixtures/secrets/generate.js';

const r = seeded(7);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const stripeKey = `sk_live_51${r.chars(ALNUM, 97)}`;
const openaiKey = `sk-proj-${r.chars(ALNUM, 156)}`;

const scan = (text: string, path = 'src/app.ts') => scanText(text, { path, style: path.includes('.env') || path.endsWith('.yaml') ? 'env' : 'code' });

describe('redaction', () => {
  it('shows the type prefix, the length and a short hash, never the random part', () => {
    const shown = redact(stripeKey, 'sk_live_');
    assert.match(shown, /^sk_live_… \[107 chars, sha256:[0-9a-f]{8}\]$/);
    assert.ok(!shown.includes(stripeKey.slice(8, 16)));
  });
  it('never shows more than a quarter of a short value, nothing of a tiny one', () => {
    assert.equal(redact('abcdefgh', 'abcdefg').startsWith('ab…'), true);
    assert.match(redact('hunter22'), /^… \[8 chars/);
  });
  it('fingerprints name rule, place and value, not the line', () => {
    assert.match(fingerprint('stripe.secret-key', 'src/a.ts', stripeKey), /^lr1-[0-9a-f]{16}$/);
    assert.notEqual(fingerprint('stripe.secret-key', 'src/a.ts', stripeKey), fingerprint('stripe.secret-key', 'src/b.ts', stripeKey));
  });
});

describe('scanText', () => {
  it('finds a key with its line and column', () => {
    const { matches } = scan(`import Stripe from 'stripe';\n\nconst stripe = new Stripe('${stripeKey}');\n`);
    assert.equal(matches.length, 1);
    assert.equal(matches[0].ruleId, 'stripe.secret-key');
    assert.equal(matches[0].line, 3);
    assert.equal(matches[0].column, 28);
    assert.equal(matches[0].value, stripeKey);
  });

  it('drops placeholders, test keys and documentation examples', () => {
    const text = [
      "const a = 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';",
      `const b = 'sk_test_51${stripeKey.slice(10)}';`,
      "const c = 'AKIAIOSFODNN7EXAMPLE';",
      "const d = 'sk_live_<your-key-here>0000000000000000';",
      "const e = 'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';",
    ].join('\n');
    assert.deepEqual(scan(text).matches, []);
  });

  it('needs a quoted literal in code but accepts bare values in env files', () => {
    const value = r.chars(ALNUM, 32);
    assert.deepEqual(scan(`const apiToken = config.apiToken;\nconst password = getPassword();`).matches, []);
    assert.equal(scan(`API_TOKEN=${value}\n`, '.env').matches[0]?.ruleId, 'generic.secret-assignment');
    assert.equal(scan(`const apiToken = "${value}";`).matches[0]?.ruleId, 'generic.secret-assignment');
    assert.deepEqual(scan(`apiToken = ${value}`).matches, [], 'unquoted in code is an expression');
  });

  it('skips rules that judge by variable name in lockfiles', () => {
    const text = `{"apiToken": "${r.chars(ALNUM, 32)}"}`;
    assert.equal(scanText(text, { path: 'package-lock.json', style: 'code', lockfile: true }).matches.length, 0);
    assert.equal(scanText(text, { path: 'config.json', style: 'code' }).matches.length, 1);
  });

  it('tells a Firebase web config key (public) from a Gemini key (secret) by context', () => {
    const key = `AIza${r.chars(ALNUM, 35)}`;
    const firebase = scan(`const firebaseConfig = { apiKey: "${key}", authDomain: "acme.firebaseapp.com" };`).matches[0];
    assert.equal(firebase.ruleId, 'firebase.web-api-key');
    assert.equal(firebase.kind, 'public');
    const gemini = scan(`const genAI = new GoogleGenerativeAI("${key}");`).matches[0];
    assert.equal(gemini.ruleId, 'google.api-key');
    assert.equal(gemini.kind, 'secret');
  });

  it('lets the more specific rule win an overlap', () => {
    const { matches } = scan(`STRIPE_SECRET_KEY=${stripeKey}\n`, '.env');
    assert.deepEqual(matches.map((m) => m.ruleId), ['stripe.secret-key']);
  });

  it('honours launch-ready:allow on the line or the line above', () => {
    const text = `// launch-ready:allow: the docs' sandbox key\nconst a = '${openaiKey}';\nconst b = '${stripeKey}'; // launch-ready:allow\nconst unrelated = 1;\nconst c = '${stripeKey.replace('51', '52')}';\n`;
    const result = scan(text);
    assert.equal(result.allowed, 2);
    assert.deepEqual(result.matches.map((m) => m.line), [5]);
  });

  it('keeps the password of a database URL as the secret and names user and host in a note', () => {
    const pw = r.chars(ALNUM, 20);
    const [m] = scan(`DATABASE_URL=postgres://shop:${pw}@db.acme-prod.com:5432/shop\n`, '.env').matches;
    assert.equal(m.ruleId, 'database.postgres-url');
    assert.equal(m.value, pw);
    assert.equal(m.note, 'in postgres://shop:****@db.acme-prod.com');
    assert.deepEqual(scan('DATABASE_URL=postgres://postgres:postgres@localhost:5432/shop\n', '.env').matches, []);
  });
});

describe('prefilter', () => {
  it('runs only the rules whose keywords occur, including keywords inside longer ones', () => {
    const pick = compilePrefilter(RULES);
    assert.deepEqual(pick('const x = 1; // nothing here'), []);
    const ids = pick('key: sk-proj-abc').map((r) => r.id);
    assert.ok(ids.includes('openai.project-key'));
    assert.ok(ids.includes('openai.api-key'), '`sk-` is implied by `sk-proj-`');
  });
});
