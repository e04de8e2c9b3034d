import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserLifetime, parseCacheControl, publiclyCacheable } from '../../src/analysis/cache-control.js';
import { exchange, NOW } from '../helpers/artifacts.js';

const res = (headers: Record<string, string>) => exchange({ url: 'https://www.acme.test/', headers });

describe('parseCacheControl', () => {
  it('reads bare directives, arguments and quoted arguments with commas', () => {
    const d = parseCacheControl('Public, MAX-AGE=60, no-cache="set-cookie, x-id", s-maxage="30"');
    assert.equal(d.get('public'), true);
    assert.equal(d.get('max-age'), '60');
    assert.equal(d.get('no-cache'), 'set-cookie, x-id');
    assert.equal(d.get('s-maxage'), '30');
  });
  it('keeps the first of duplicated directives', () => assert.equal(parseCacheControl('max-age=60, max-age=0').get('max-age'), '60'));
});

describe('publiclyCacheable', () => {
  it('is undefined without any caching permission', () => assert.equal(publiclyCacheable(res({}), NOW), undefined));
  it('private and no-store win over public and max-age', () => {
    assert.equal(publiclyCacheable(res({ 'cache-control': 'public, private' }), NOW), undefined);
    assert.equal(publiclyCacheable(res({ 'cache-control': 'max-age=60, no-store' }), NOW), undefined);
  });
  it('names the header that allows storing', () => {
    assert.equal(publiclyCacheable(res({ 'cache-control': 'max-age=60' }), NOW), 'Cache-Control: max-age=60');
    assert.equal(publiclyCacheable(res({ 'cache-control': 'private', 'cdn-cache-control': 'max-age=60' }), NOW), 'CDN-Cache-Control: max-age=60');
  });
  it('ignores Expires when max-age is given (RFC 9111 §5.3)', () => {
    assert.equal(publiclyCacheable(res({ 'cache-control': 'max-age=0', expires: 'Sun, 29 Nov 2026 12:00:00 GMT' }), NOW), undefined);
  });
  it('measures Expires from the Date header, else the audit clock', () => {
    assert.ok(publiclyCacheable(res({ expires: 'Sat, 28 Nov 2026 12:30:00 GMT' }), NOW));
    assert.equal(publiclyCacheable(res({ date: 'Sat, 28 Nov 2026 13:00:00 GMT', expires: 'Sat, 28 Nov 2026 12:30:00 GMT' }), NOW), undefined);
  });
});

describe('browserLifetime', () => {
  it('reads max-age, and none when the response must revalidate', () => {
    assert.equal(browserLifetime(res({ 'cache-control': 'public, max-age=31536000, immutable' }), NOW), 31536000);
    assert.equal(browserLifetime(res({ 'cache-control': 'no-cache, max-age=600' }), NOW), 0);
    assert.equal(browserLifetime(res({}), NOW), 0);
  });
  it('falls back to Expires minus Date', () => {
    assert.equal(browserLifetime(res({ date: 'Sat, 28 Nov 2026 12:00:00 GMT', expires: 'Sat, 28 Nov 2026 13:00:00 GMT' }), NOW), 3600);
  });
});
