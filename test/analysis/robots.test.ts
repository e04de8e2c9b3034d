import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { disallowsEverything } from '../../src/analysis/robots.js';

describe('disallowsEverything (RFC 9309)', () => {
  it('sees Disallow: / for *', () => assert.equal(disallowsEverything('User-agent: *\nDisallow: /'), true));
  it('reads fields case-insensitively and ignores comments and CRLF', () => {
    assert.equal(disallowsEverything('# staging\r\nUSER-AGENT: * # all\r\ndisallow: /   # everything\r\n'), true);
  });
  it('lets consecutive user-agent lines share one group', () => assert.equal(disallowsEverything('User-agent: bingbot\nUser-agent: *\nDisallow: /'), true));
  it('combines separate groups for * (§2.2.1)', () => assert.equal(disallowsEverything('User-agent: *\nDisallow: /\n\nUser-agent: *\nAllow: /shop'), false));
  it('does not apply another agent\'s rules to *', () => assert.equal(disallowsEverything('User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin'), false));
  it('a later user-agent line after rules starts a new group', () => assert.equal(disallowsEverything('User-agent: *\nDisallow: /admin\nUser-agent: Googlebot\nDisallow: /'), false));
  it('an empty Disallow allows everything', () => assert.equal(disallowsEverything('User-agent: *\nDisallow:'), false));
  it('an empty Allow does not reopen anything', () => assert.equal(disallowsEverything('User-agent: *\nDisallow: /\nAllow:'), true));
  it('an empty file allows everything', () => assert.equal(disallowsEverything(''), false));
});
