import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JsonPathError, parseJsonPath } from '../../src/eval/json-path.js';

const doc = {
  reply: 'Hi',
  'session-id': 's1',
  tools: [
    { name: 'lookup_order', args: { orderId: '1001' } },
    { name: 'size_guide', args: { category: 'tops' } },
    { name: 'refund_order', args: { orderId: '1002' } },
  ],
  choices: [{ delta: { content: 'Hel' } }],
  nested: { deep: { name: 'x' }, list: [{ name: 'y' }] },
};

describe('JSONPath subset (RFC 9535)', () => {
  const cases: Array<[string, unknown[]]> = [
    ['$', [doc]],
    ['$.reply', ['Hi']],
    ["$['session-id']", ['s1']],
    ['$["reply"]', ['Hi']],
    ['$.tools[0].name', ['lookup_order']],
    ['$.tools[-1].args.orderId', ['1002']],
    ['$.tools[*].name', ['lookup_order', 'size_guide', 'refund_order']],
    ['$.tools.*.name', ['lookup_order', 'size_guide', 'refund_order']],
    ['$.tools[0,2].name', ['lookup_order', 'refund_order']],
    ['$.tools[1:].name', ['size_guide', 'refund_order']],
    ['$.tools[:1].name', ['lookup_order']],
    ['$.choices[0].delta.content', ['Hel']],
    ['$..orderId', ['1001', '1002']],
    ['$.nested..name', ['x', 'y']],
    ['$.missing', []],
    ['$.reply.length', []],
    ['$.tools[9]', []],
    ['$.tools.name', []],
  ];
  for (const [path, expected] of cases) {
    it(`${path} selects ${JSON.stringify(expected).slice(0, 60)}`, () => assert.deepEqual(parseJsonPath(path).query(doc), expected));
  }

  it('first() gives the first match or undefined', () => {
    assert.equal(parseJsonPath('$.tools[*].name').first(doc), 'lookup_order');
    assert.equal(parseJsonPath('$.nope').first(doc), undefined);
  });

  it('refuses what it does not support, naming the column', () => {
    for (const [path, message] of [
      ['reply', /starts with \$/],
      ['$.tools[?(@.name)]', /column 9: filters are not supported/],
      ['$.tools[0:2:1]', /slice steps/],
      ["$['open", /unterminated/],
      ['$.', /expected a member name/],
      ['$.tools[x]', /expected an index/],
    ] as const) {
      assert.throws(() => parseJsonPath(path), (err: unknown) => err instanceof JsonPathError && message.test((err as Error).message), path);
    }
  });
});
