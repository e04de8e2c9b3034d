import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonPath } from '../../src/analysis/json-path.js';

describe('readJsonPath', () => {
  const doc = { order: { id: 1001, items: [{ sku: 'TEE-M' }], note: null } };
  it('follows dotted keys and array indexes', () => assert.deepEqual(readJsonPath(doc, 'order.items.0.sku'), { found: true, value: 'TEE-M' }));
  it('accepts a leading $.', () => assert.deepEqual(readJsonPath(doc, '$.order.id'), { found: true, value: 1001 }));
  it('counts null as present', () => assert.deepEqual(readJsonPath(doc, 'order.note'), { found: true, value: null }));
  it('reports absent paths, including through primitives and prototypes', () => {
    assert.deepEqual(readJsonPath(doc, 'order.total'), { found: false });
    assert.deepEqual(readJsonPath(doc, 'order.id.value'), { found: false });
    assert.deepEqual(readJsonPath(doc, 'order.toString'), { found: false });
  });
});
