/** DKIM key records (RFC 6376 §3.6.1) and key sizes read from the published key. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { looksLikeDkim, parseDkimRecord } from '../../src/email/dkim/record.js';
import { KEY_1024, KEY_2048 } from './zones.js';

const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
const ed25519 = Buffer.alloc(32, 1).toString('base64');

describe('DKIM key records', () => {
  const table: Array<{ name: string; record: string; bits?: number; keyType?: string; revoked?: boolean; testing?: boolean; errors?: RegExp[] }> = [
    { name: 'RSA 2048 (SubjectPublicKeyInfo)', record: `v=DKIM1; k=rsa; p=${KEY_2048}`, bits: 2048 },
    { name: 'RSA 1024', record: `v=DKIM1; p=${KEY_1024}`, bits: 1024 },
    { name: 'RSA as a bare PKCS#1 key', record: `v=DKIM1; k=rsa; p=${pkcs1}`, bits: 2048 },
    { name: 'no v= (optional) and a key with white space', record: `k=rsa; p=${KEY_2048.slice(0, 50)}\t ${KEY_2048.slice(50)}`, bits: 2048 },
    { name: 'Ed25519 (RFC 8463)', record: `v=DKIM1; k=ed25519; p=${ed25519}`, bits: 256, keyType: 'ed25519' },
    { name: 'revoked: empty p=', record: 'v=DKIM1; k=rsa; p=', revoked: true },
    { name: 'testing flag', record: `v=DKIM1; t=y:s; p=${KEY_2048}`, bits: 2048, testing: true },
    { name: 'v= not first', record: `k=rsa; v=DKIM1; p=${KEY_2048}`, bits: 2048, errors: [/must be the first tag/] },
    { name: 'wrong version', record: `v=DKIM2; p=${KEY_2048}`, bits: 2048, errors: [/exactly DKIM1/] },
    { name: 'no p=', record: 'v=DKIM1; k=rsa', errors: [/no p= tag/] },
    { name: 'not base64', record: 'v=DKIM1; p=abc$def', errors: [/not valid base64/] },
    { name: 'base64 of something else', record: `v=DKIM1; p=${Buffer.from('hello world, this is not a key').toString('base64')}`, errors: [/does not decode to an RSA public key/] },
    { name: 'truncated key', record: `v=DKIM1; p=${KEY_2048.slice(0, 300)}`, errors: [/does not decode/] },
    { name: 'Ed25519 of the wrong length', record: `v=DKIM1; k=ed25519; p=${KEY_2048}`, keyType: 'ed25519', errors: [/an Ed25519 key is 32/] },
    { name: 'unknown key type', record: `v=DKIM1; k=dsa; p=${KEY_2048}`, keyType: 'dsa', errors: [/unknown key type/] },
    { name: 'duplicate tag', record: `v=DKIM1; p=${KEY_2048}; p=${KEY_2048}`, bits: 2048, errors: [/appears more than once/] },
  ];
  for (const c of table) {
    it(c.name, () => {
      const k = parseDkimRecord(c.record);
      assert.equal(k.bits, c.bits);
      assert.equal(k.keyType, c.keyType ?? 'rsa');
      assert.equal(k.revoked, c.revoked ?? false);
      assert.equal(k.testing, c.testing ?? false);
      assert.equal(k.errors.length, c.errors?.length ?? 0, k.errors.join('; '));
      c.errors?.forEach((e, i) => assert.match(k.errors[i], e));
    });
  }
});

describe('what counts as a DKIM record at a selector', () => {
  const table: Array<[string, boolean]> = [
    ['v=DKIM1; p=abc', true],
    ['k=rsa; p=abc', true],
    ['p=', true],
    ['v=spf1 -all', false],
    ['google-site-verification=x', false],
  ];
  for (const [text, expected] of table) it(`"${text}": ${expected}`, () => assert.equal(looksLikeDkim(text), expected));
});
