import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonPath } from '../../src/eval/json-path.js';
import { normaliseToolCall, parseChatResponse } from '../../src/eval/response.js';
import { parseJsonLines, parseServerSentEvents } from '../../src/eval/sse.js';

const shape = { reply: parseJsonPath('$.reply'), toolCalls: parseJsonPath('$.tools'), sessionId: parseJsonPath('$.sessionId') };

describe('server-sent events (HTML §9.2.6)', () => {
  it('dispatches on blank lines, joins data lines, reads event and id, skips comments', () => {
    const text = ': keep-alive\n\ndata: one\ndata: two\n\nevent: done\nid: 7\ndata:three\n\n';
    assert.deepEqual(parseServerSentEvents(text), [
      { type: 'message', data: 'one\ntwo' },
      { type: 'done', data: 'three', id: '7' },
    ]);
  });

  it('accepts CRLF and CR line ends and a byte-order mark', () => {
    assert.deepEqual(parseServerSentEvents('\uFEFFdata: a\r\n\r\ndata: b\r\r'), [
      { type: 'message', data: 'a' },
      { type: 'message', data: 'b' },
    ]);
  });

  it('drops only one space after the colon, and an event the stream cut off', () => {
    assert.deepEqual(parseServerSentEvents('data:  two spaces\n\ndata: unfinished\n'), [{ type: 'message', data: ' two spaces' }]);
  });

  it('reads JSON lines, keeping a line that is not JSON as text', () => {
    assert.deepEqual(parseJsonLines('{"a":1}\n\nnot json\n[2]\n'), [{ a: 1 }, 'not json', [2]]);
  });
});

describe('chat responses', () => {
  it('reads reply, tool calls and session id from JSON', () => {
    const body = JSON.stringify({ reply: 'Hello', tools: [{ name: 'lookup_order', args: { orderId: '1' } }], sessionId: 'abc' });
    const parsed = parseChatResponse(body, 'application/json', shape);
    assert.equal(parsed.reply, 'Hello');
    assert.deepEqual(parsed.toolCalls, [{ name: 'lookup_order', args: { orderId: '1' }, via: 'response' }]);
    assert.equal(parsed.sessionId, 'abc');
  });

  it('joins an OpenAI-style SSE stream up to [DONE], with tool calls from any event', () => {
    const events = [
      { choices: [{ delta: { content: 'We ship ' } }] },
      { choices: [{ delta: { content: 'to France.' } }], tools: [{ function: { name: 'shipping_policy', arguments: '{"country":"FR"}' } }] },
    ];
    const body = `${events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('')}data: [DONE]\n\n`;
    const parsed = parseChatResponse(body, 'text/event-stream; charset=utf-8', shape);
    assert.equal(parsed.reply, 'We ship to France.');
    assert.deepEqual(parsed.toolCalls, [{ name: 'shipping_policy', args: { country: 'FR' }, via: 'response' }]);
  });

  it('takes plain-text SSE data and a configured delta path', () => {
    assert.equal(parseChatResponse('data: Hel\n\ndata: lo\n\n', 'text/event-stream', shape).reply, 'Hello');
    const delta = { ...shape, delta: parseJsonPath('$.d.t') };
    assert.equal(parseChatResponse('data: {"d":{"t":"A"}}\n\ndata: {"d":{"t":"B"}}\n\n', 'text/event-stream', delta).reply, 'AB');
  });

  it('reads NDJSON streams and chunked plain text', () => {
    assert.equal(parseChatResponse('{"token":"a"}\n{"token":"b"}\n', 'application/x-ndjson', shape).reply, 'ab');
    assert.equal(parseChatResponse('just text', 'text/plain', { ...shape, stream: 'text' }).reply, 'just text');
    assert.equal(parseChatResponse('not json at all', 'text/html', shape).reply, 'not json at all');
  });

  it('normalises the usual tool-call shapes', () => {
    assert.deepEqual(normaliseToolCall('refund_order'), { name: 'refund_order', args: {}, via: 'response' });
    assert.deepEqual(normaliseToolCall({ name: 'a', arguments: '{"x":1}' })?.args, { x: 1 });
    assert.deepEqual(normaliseToolCall({ name: 'a', input: { y: 2 } })?.args, { y: 2 });
    assert.deepEqual(normaliseToolCall({ tool: 'b', args: 'plain' })?.args, { input: 'plain' });
    assert.equal(normaliseToolCall({ nothing: true }), undefined);
  });
});
