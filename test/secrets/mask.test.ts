import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskSecrets } from '../../src/secrets/mask.js';
import { seeded } from '../fixtures/secrets/generate.js';

const r = seeded(7);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

describe('maskSecrets', () => {
  it('overwrites keys in place, public ones too, keeping the key-type prefix and lengths', () => {
    const secret = `sk_live_51${r.chars(ALNUM, 97)}`;
    const publishable = `pk_live_51${r.chars(ALNUM, 97)}`;
    const text = `var a={pay:"${secret}",pk:"${publishable}"};\nfetch("/x");`;
    const masked = maskSecrets(text, 'https://www.acme.test/assets/app.3f9a1c2b7d.js');
    assert.equal(masked.length, text.length);
    assert.ok(!masked.includes(secret));
    assert.ok(masked.includes(`"sk_live_${'*'.repeat(secret.length - 8)}"`));
    assert.ok(masked.includes(`"pk_live_${'*'.repeat(publishable.length - 8)}"`));
    assert.equal(masked.split('\n')[1], 'fetch("/x");');
  });

  it('reads env-style files by their name and leaves a text without secrets as it is', () => {
    const password = r.chars(ALNUM, 24);
    const env = `DATABASE_URL=postgres://app:${password}@db.acme.test:5432/shop\n`;
    assert.equal(maskSecrets(env, 'https://www.acme.test/.env'), `DATABASE_URL=postgres://app:${'*'.repeat(24)}@db.acme.test:5432/shop\n`);
    assert.equal(maskSecrets('<html>nothing here</html>', 'https://www.acme.test/'), '<html>nothing here</html>');
  });
});
