import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../src/config/did-you-mean.js';
import { parseDuration, parsePercent } from '../../src/config/units.js';

describe('parseDuration', () => {
  it('reads milliseconds and unit strings', () => {
    assert.equal(parseDuration(250), 250);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('5s'), 5000);
    assert.equal(parseDuration('1.5s'), 1500);
    assert.equal(parseDuration('2m'), 120_000);
    assert.equal(parseDuration('1h'), 3_600_000);
    assert.equal(parseDuration(' 10 s '), 10_000);
  });
  it('refuses the rest', () => {
    for (const bad of ['fast', '5', '5 sec', '-1s', '0s', '', 's']) assert.equal(parseDuration(bad), undefined, bad);
    assert.equal(parseDuration(-1), undefined);
    assert.equal(parseDuration(0), undefined);
    assert.equal(parseDuration(Infinity), undefined);
  });
});

describe('parsePercent', () => {
  it('reads "1%" and bare numbers as percentages', () => {
    assert.equal(parsePercent('1%'), 1);
    assert.equal(parsePercent('99.5 %'), 99.5);
    assert.equal(parsePercent(99.5), 99.5);
    assert.equal(parsePercent(0), 0);
  });
  it('refuses values outside 0-100 and other text', () => {
    for (const bad of ['101%', '1', 'one%', '-1%']) assert.equal(parsePercent(bad), undefined, bad);
    assert.equal(parsePercent(100.1), undefined);
  });
});

describe('didYouMean', () => {
  it('counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('rotues', 'routes'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
  it('suggests the closest key when it is a plausible typo', () => {
    const keys = ['product', 'domain', 'canonical', 'hosts', 'environments', 'routes', 'network'];
    assert.equal(didYouMean('rotues', keys), 'routes');
    assert.equal(didYouMean('enviroments', keys), 'environments');
    assert.equal(didYouMean('Domain', keys), 'domain');
    assert.equal(didYouMean('hots', keys), 'hosts');
    assert.equal(didYouMean('colour', keys), undefined);
    assert.equal(didYouMean('x', []), undefined);
  });
});
