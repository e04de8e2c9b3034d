import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isJsonTemplate, renderBody, requestHeaders } from '../../src/latency/body-template.js';

describe('body templates', () => {
  it('escapes a prompt inside a JSON template so the body stays valid JSON', () => {
    const body = renderBody('{"message":"{{prompt}}","sessionId":"{{sessionId}}","history":{{history}}}', true, { prompt: 'Where is "order" 1001?\n', sessionId: 's-1' });
    assert.deepEqual(JSON.parse(body), { message: 'Where is "order" 1001?\n', sessionId: 's-1', history: [] });
  });

  it('inserts text as is in a plain template', () => {
    assert.equal(renderBody('q={{ prompt }}&s={{sessionId}}', false, { prompt: 'a "b"', sessionId: 'x' }), 'q=a "b"&s=x');
  });

  it('tells JSON by content type, else by the first character', () => {
    assert.equal(isJsonTemplate('{"a":1}', undefined), true);
    assert.equal(isJsonTemplate('a=1', 'application/json; charset=utf-8'), true);
    assert.equal(isJsonTemplate('{"a":1}', 'text/plain'), false);
  });

  it('adds a content type and the User-Agent unless given, with lower-cased names', () => {
    assert.deepEqual(requestHeaders({ Authorization: 'Bearer t' }, '{"m":1}', 'launch-ready/1'), {
      authorization: 'Bearer t',
      'user-agent': 'launch-ready/1',
      'content-type': 'application/json',
    });
    assert.deepEqual(requestHeaders({ 'User-Agent': 'mine', 'Content-Type': 'text/csv' }, 'a,b', 'launch-ready/1'), { 'user-agent': 'mine', 'content-type': 'text/csv' });
    assert.deepEqual(requestHeaders({}, undefined, 'ua'), { 'user-agent': 'ua' });
  });
});
