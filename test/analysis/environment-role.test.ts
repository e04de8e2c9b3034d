import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hostRole, reportedRole } from '../../src/analysis/environment-role.js';
import { plan } from '../helpers/artifacts.js';

const world = plan({
  environments: [
    { name: 'production', role: 'production', hosts: ['www.acme.test'], recognise: { header: 'x-env', value: 'live-eu' } },
    { name: 'qa-box', role: 'staging', hosts: ['qa.acme.test'] },
  ],
});

describe('hostRole', () => {
  it('uses the environment listing the host, then the planned environment name', () => {
    assert.equal(hostRole(world, 'qa.acme.test'), 'staging');
    assert.equal(hostRole(world, 'pr-1.acme.test', 'preview'), 'preview');
    assert.equal(hostRole(world, 'shop.acme.test'), undefined);
  });
});

describe('reportedRole', () => {
  it('knows configured names and recognise values', () => {
    assert.equal(reportedRole(world, 'QA-box'), 'staging');
    assert.equal(reportedRole(world, 'live-eu'), 'production');
  });
  it('knows conventional names', () => {
    assert.equal(reportedRole(world, 'prod'), 'production');
    assert.equal(reportedRole(world, 'preview-42'), 'preview');
    assert.equal(reportedRole(world, 'development'), 'staging');
    assert.equal(reportedRole(world, 'uat'), 'staging');
  });
  it('does not guess at unknown names', () => {
    assert.equal(reportedRole(world, 'blue'), undefined);
    assert.equal(reportedRole(world, 'contest'), undefined);
  });
});
