import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reportedDependencies } from '../../src/analysis/health-report.js';

describe('reportedDependencies', () => {
  it('names entries of a checks object that carry a state', () => {
    assert.deepEqual(reportedDependencies({ status: 'ok', checks: { db: 'ok', model: { status: 'fail' }, uptime: 12 } }), ['db', 'model']);
  });
  it('reads lists of named services', () => assert.deepEqual(reportedDependencies({ services: [{ name: 'redis', up: true }, { id: 7 }] }), ['redis']));
  it('reads top-level dependency keys', () => assert.deepEqual(reportedDependencies({ status: 'ok', db: true, version: '1.4.0' }), ['db']));
  it('finds nothing in a bare status', () => {
    assert.deepEqual(reportedDependencies({ status: 'ok' }), []);
    assert.deepEqual(reportedDependencies('ok'), []);
    assert.deepEqual(reportedDependencies({ checks: { db: [] } }), []);
  });
});
