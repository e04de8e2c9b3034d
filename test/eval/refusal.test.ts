import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recogniseRefusal, type RefusalKind } from '../../src/eval/refusal.js';

const TABLE: Array<[string, RefusalKind | undefined]> = [
  ["I can't issue refunds from chat.", 'refusal'],
  ['I’m sorry, but I cannot share that.', 'refusal'],
  ['We are not able to give out customer data.', 'refusal'],
  ["I won't do that.", 'refusal'],
  ["That's not something I can help with here.", 'refusal'],
  ["I'm afraid that isn't possible.", 'refusal'],
  ['I must decline that request.', 'refusal'],
  ["I don't have access to other customers' orders.", 'refusal'],
  ["I've passed this to our support team; a person will reply by email.", 'handoff'],
  ["I'm transferring you to a human agent now.", 'handoff'],
  ['One of our team members will get back to you shortly.', 'handoff'],
  ['Please contact our support team at help@acme.test.', 'handoff'],
  ['Let me connect you with a colleague who can help.', 'handoff'],
  ['Sorry, our assistant is unavailable right now.', 'unavailable'],
  ["I can't look up orders right now: our system is down.", 'unavailable'],
  ['Our order system is temporarily offline. Please try again later.', 'unavailable'],
  ["We're experiencing technical difficulties.", 'unavailable'],
  ['Service unavailable', 'unavailable'],
  ['Please try again in a few minutes.', 'unavailable'],
  // Not refusals
  ['Standard shipping to France costs £8.95.', undefined],
  ["I can help with that! Your order 1001 is delivered.", undefined],
  ["You can't go wrong with the merino tee.", undefined],
  ["We can't wait to see you in it!", undefined],
  ["Sorry, we don't ship to Japan yet.", undefined],
  ['Currently out of stock: Down puffer jacket.', undefined],
  ["Of course! I've refunded order 1001.", undefined],
  ['Hi! How can I help you today?', undefined],
  ["I couldn't find order 1002 for that email address.", undefined],
  ['', undefined],
];

describe('refusal and hand-off recogniser', () => {
  for (const [reply, kind] of TABLE) {
    it(`${JSON.stringify(reply)} → ${kind ?? 'not a refusal'}`, () => assert.equal(recogniseRefusal(reply)?.kind, kind));
  }

  it('names the phrase that gave it away', () => {
    assert.match(recogniseRefusal('Sorry! I cannot do refunds.')?.phrase ?? '', /i cannot/);
  });
});
