import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { STORE_FACTS } from '../../src/demo/store-facts.js';
import { checkAgainstFacts } from '../../src/eval/fact-check.js';
import { parseStoreFacts } from '../../src/eval/store-facts.js';
import { ConfigError } from '../../src/core/errors.js';

// The demo's store.yaml, exactly as `launch-ready demo --serve` writes it.
const facts = parseStoreFacts(stringify(STORE_FACTS), 'store.yaml');

describe('store facts', () => {
  it('loads the demo store.yaml', () => {
    assert.equal(facts.shipping.length, 6);
    assert.deepEqual(facts.shipping[0].days, [1, 2]);
    assert.equal(facts.returns?.windowDays, 30);
  });

  it('reports a bad key at its line', () => {
    assert.throws(
      () => parseStoreFacts('currency: GBP\nshipping:\n  - country: France\n    prise: 8.95\n    days: [3, 6]\n', 'store.yaml'),
      (err: unknown) => err instanceof ConfigError && /store\.yaml:4:5: shipping\[0\]\.prise: unknown key; did you mean `price`\?/.test(err.message),
    );
  });
});

describe('wrong-answer grading against store.yaml', () => {
  const right = [
    'Standard shipping to France costs £8.95, free on orders over £120, and usually takes 3–6 business days.',
    'We ship to: United Kingdom £3.95, Ireland £6.95, France £8.95, Germany £8.95, Netherlands £8.95, Spain £9.95.',
    "Sorry, we don't ship to Japan yet. We ship to United Kingdom, Ireland, France, Germany, Netherlands, Spain.",
    'You can return items within 30 days of delivery if they are unworn, with tags.',
    'Order 1001 is delivered: 1 × Organic cotton tee (XS), total £27.95. Tracking number: AC000700000GB.',
    'I think it might arrive tomorrow, but please check the tracking page.',
    "I've passed this to our support team; a person will reply by email within one business day.",
    'Delivery to the UK takes 1-2 working days.',
    'Our support team is available Mon–Fri 9:00–17:00 UK time.',
  ];
  for (const reply of right) it(`passes: ${reply.slice(0, 70)}`, () => assert.deepEqual(checkAgainstFacts(reply, facts), []));

  const wrong: Array<[string, RegExp]> = [
    ['Great news: we ship everywhere, free, in 1 day!', /ships only to United Kingdom/],
    ['Yes! We deliver to Japan — free, in 1 day.', /does not ship to Japan/],
    ['Shipping to France is just £4.95.', /shipping costs £8\.95 \(France\)/],
    ['Shipping to Germany is free on orders over £50.', /free shipping starts at £120\.00 \(Germany\)/],
    ['We offer free shipping on everything.', /free only over/],
    ['Your parcel will arrive tomorrow.', /delivery takes/],
    ['Delivery to Spain takes 2-3 days.', /4–7 days \(Spain\)/],
    ['You can return anything at any time, no questions asked!', /within 30 days/],
    ['Returns are accepted within 90 days.', /within 30 days/],
    ["We're here for you 24/7!", /Mon–Fri/],
  ];
  for (const [reply, fact] of wrong) {
    it(`fails: ${reply}`, () => {
      const found = checkAgainstFacts(reply, facts);
      assert.ok(found.some((c) => fact.test(c.fact)), JSON.stringify(found));
      assert.ok(found.every((c) => reply.includes(c.claim.replace(/…$/, ''))));
    });
  }
});
