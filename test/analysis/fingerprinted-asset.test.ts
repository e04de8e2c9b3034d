import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintOf } from '../../src/analysis/fingerprinted-asset.js';

describe('fingerprintOf', () => {
  const hashed: Array<[string, string]> = [
    ['https://x.test/assets/app.3f2a9c1b.js', '3f2a9c1b'],
    ['https://x.test/assets/index-BxT3k9aQ.js', 'BxT3k9aQ'],
    ['https://x.test/_next/static/chunks/main-a1b2c3d4e5f60718.js', 'a1b2c3d4e5f60718'],
    ['https://x.test/static/css/main.8d7e6f5a.chunk.css', '8d7e6f5a'],
    ['https://x.test/build/deadbeef.css', 'deadbeef'],
  ];
  for (const [url, hash] of hashed) it(`finds ${hash}`, () => assert.equal(fingerprintOf(url), hash));
  for (const url of ['https://x.test/js/vendors.min.js', 'https://x.test/js/application.js', 'https://x.test/js/jquery-3.7.1.min.js', 'https://x.test/app.js?v=3f2a9c1b', 'not a url']) {
    it(`finds none in ${url}`, () => assert.equal(fingerprintOf(url), undefined));
  }
});
