import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { metaContents } from '../../src/analysis/html-meta.js';

describe('metaContents', () => {
  it('matches whatever the attribute order, quoting and case', () => {
    const html = `<META CONTENT='noindex' NAME=Robots><meta name="robots" content="nofollow"/><meta name="viewport" content="width=device-width">`;
    assert.deepEqual(metaContents(html, 'name', 'robots'), ['noindex', 'nofollow']);
  });
  it('reads http-equiv separately from name', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`;
    assert.deepEqual(metaContents(html, 'http-equiv', 'content-security-policy'), ["default-src 'self'"]);
    assert.deepEqual(metaContents(html, 'name', 'content-security-policy'), []);
  });
});
