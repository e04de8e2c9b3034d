import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeletion, isSessionCookie, missingProtections, parseSetCookie } from '../../src/analysis/cookies.js';
import { NOW } from '../helpers/artifacts.js';

describe('parseSetCookie', () => {
  it('reads name, value and attributes case-insensitively', () => {
    const c = parseSetCookie('sid=a=b; path=/; SECURE; httponly; SameSite=Lax; Max-Age=3600');
    assert.deepEqual(c, { name: 'sid', value: 'a=b', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 3600 });
  });
  it('refuses a header without a name', () => assert.equal(parseSetCookie('=abc; Secure'), undefined));
  it('treats an empty SameSite as absent', () => assert.deepEqual(missingProtections(parseSetCookie('s=1; Secure; HttpOnly; SameSite=')!), ['SameSite']));
});

describe('isDeletion', () => {
  it('sees empty values, Max-Age=0 and past Expires', () => {
    assert.equal(isDeletion(parseSetCookie('s=; Path=/')!, NOW), true);
    assert.equal(isDeletion(parseSetCookie('s=x; Max-Age=0')!, NOW), true);
    assert.equal(isDeletion(parseSetCookie('s=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!, NOW), true);
  });
  it('lets Max-Age win over Expires (RFC 6265 §5.3)', () => assert.equal(isDeletion(parseSetCookie('s=x; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT')!, NOW), false));
  it('keeps a live cookie', () => assert.equal(isDeletion(parseSetCookie('s=x; Expires=Fri, 01 Jan 2100 00:00:00 GMT')!, NOW), false));
});

describe('isSessionCookie', () => {
  for (const name of ['session', 'PHPSESSID', 'JSESSIONID', 'connect.sid', '__Host-sid', '__Secure-next-auth.session-token', 'access_token', 'remember_me', 'laravel_session']) {
    it(`${name} is a session cookie`, () => assert.equal(isSessionCookie(name, false), true));
  }
  for (const name of ['theme', 'side_panel', '_ga', 'cart_count', 'XSRF-TOKEN', 'csrftoken']) {
    it(`${name} is not`, () => assert.equal(isSessionCookie(name, false), false));
  }
  it('a login response makes any cookie a session cookie, CSRF cookies excepted', () => {
    assert.equal(isSessionCookie('acme', true), true);
    assert.equal(isSessionCookie('csrftoken', true), false);
  });
});
