import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isLoginUrl } from '../../src/analysis/login-wall.js';

describe('isLoginUrl', () => {
  for (const url of [
    'https://staging.acme.test/login?next=/',
    'https://staging.acme.test/users/sign_in',
    'https://staging.acme.test/auth/callback',
    'https://acme.cloudflareaccess.com/cdn-cgi/access/login/staging.acme.test',
    'https://vercel.com/sso-api?url=https://pr-42.acme.test',
    'https://accounts.google.com/o/oauth2/auth',
    'https://legacy.acme.test/login.php',
  ]) {
    it(`sees a sign-in at ${url}`, () => assert.equal(isLoginUrl(url), true));
  }
  for (const url of ['https://staging.acme.test/', 'https://staging.acme.test/authors/jane', 'https://staging.acme.test/blog/login-tips-2x', 'nonsense']) {
    it(`sees none at ${url}`, () => assert.equal(isLoginUrl(url), false));
  }
});
