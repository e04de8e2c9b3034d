import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findConnectTo, parseConnectTo, parseDnsServer, parseDuration } from '../../src/net/settings.js';
import { UsageError } from '../../src/core/errors.js';

describe('--connect-to', () => {
  it('parses curl-style rules, empty parts included', () => {
    assert.deepEqual(parseConnectTo('acme.test:443:127.0.0.1:8443'), { host: 'acme.test', port: 443, toHost: '127.0.0.1', toPort: 8443 });
    assert.deepEqual(parseConnectTo('*.acme.test:443::8443'), { host: '*.acme.test', port: 443, toHost: '', toPort: 8443 });
    assert.deepEqual(parseConnectTo('::[::1]:'), { host: '', port: null, toHost: '::1', toPort: null });
  });
  it('rejects malformed rules with the expected shape in the message', () => {
    assert.throws(() => parseConnectTo('acme.test:443'), (e: UsageError) => e.code === 'LR_BAD_CONNECT_TO' && /HOST:PORT:ADDR:PORT/.test(e.message));
    assert.throws(() => parseConnectTo('a:99999::1'), /not a port number/);
  });
  it('matches exact names, wildcards (subdomains only) and any-port rules, first rule wins', () => {
    const rules = ['app.acme.test:443:127.0.0.9:1', '*.acme.test:443::2', 'acme.test::127.0.0.3:'].map(parseConnectTo);
    assert.equal(findConnectTo(rules, 'APP.acme.test.', 443)?.toPort, 1);
    assert.equal(findConnectTo(rules, 'api.acme.test', 443)?.toPort, 2);
    assert.equal(findConnectTo(rules, 'api.acme.test', 80), undefined);
    assert.equal(findConnectTo(rules, 'acme.test', 80)?.toHost, '127.0.0.3');
    assert.equal(findConnectTo(rules, 'notacme.test', 443), undefined);
  });
});

describe('--dns-server and durations', () => {
  it('normalises addresses and ports', () => {
    assert.equal(parseDnsServer('127.0.0.1:5353'), '127.0.0.1:5353');
    assert.equal(parseDnsServer('127.0.0.1'), '127.0.0.1:53');
    assert.equal(parseDnsServer('[::1]:53'), '[::1]:53');
    assert.throws(() => parseDnsServer('dns.example:53'), /expected an IP address/);
  });
  it('parses durations', () => {
    assert.equal(parseDuration('500ms', '--timeout'), 500);
    assert.equal(parseDuration('5s', '--timeout'), 5000);
    assert.equal(parseDuration('2m', '--timeout'), 120000);
    assert.equal(parseDuration('250', '--timeout'), 250);
    assert.throws(() => parseDuration('soon', '--timeout'), /--timeout "soon"/);
    assert.throws(() => parseDuration('0', '--timeout'), /greater than zero/);
  });
});
