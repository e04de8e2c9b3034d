import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { malformedEnvRef, resolveEnvRefs } from '../../src/config/env-refs.js';

describe('resolveEnvRefs', () => {
  it('expands every reference from the given environment', () => {
    const env = { API_TOKEN: 'tok', DB_PASSWORD: 'pw' };
    assert.equal(resolveEnvRefs('Bearer ${API_TOKEN}', env), 'Bearer tok');
    assert.equal(resolveEnvRefs('postgres://app:${DB_PASSWORD}@db/${API_TOKEN}', env), 'postgres://app:pw@db/tok');
    assert.equal(resolveEnvRefs('no references, $HOME and {{prompt}} stay', env), 'no references, $HOME and {{prompt}} stay');
  });

  it('reads process.env by default', () => {
    process.env.LR_TEST_ENV_REF = 'from-process';
    try {
      assert.equal(resolveEnvRefs('${LR_TEST_ENV_REF}'), 'from-process');
    } finally {
      delete process.env.LR_TEST_ENV_REF;
    }
  });

  it('names every missing or empty variable in one usage error', () => {
    assert.throws(
      () => resolveEnvRefs('${A} ${B} ${A} ${C}', { B: 'set', C: '' }),
      (e: unknown) => {
        assert.ok(e instanceof UsageError);
        assert.equal(e.code, 'LR_ENV_MISSING');
        assert.equal(e.exitCode, 2);
        assert.match(e.message, /^environment variables A, C are not set \(or empty\); the config refers to \$\{A\}, \$\{C\}\. Export them/);
        return true;
      },
    );
    assert.throws(() => resolveEnvRefs('Bearer ${SLACK_WEBHOOK_URL}', {}), /environment variable SLACK_WEBHOOK_URL is not set .*export SLACK_WEBHOOK_URL=/);
  });
});

describe('malformedEnvRef', () => {
  it('finds ${ that does not start a reference', () => {
    assert.equal(malformedEnvRef('Bearer ${ API_TOKEN }'), '${ API_TOKEN }');
    assert.equal(malformedEnvRef('${api-key}'), '${api-key}');
    assert.equal(malformedEnvRef('${1PASSWORD}'), '${1PASSWORD}');
    assert.equal(malformedEnvRef('x ${UNCLOSED and more text'), '${UNCLOSED a…');
  });
  it('accepts well-formed references and plain text', () => {
    assert.equal(malformedEnvRef('${A} and ${B_2}'), undefined);
    assert.equal(malformedEnvRef('$.reply {{prompt}} $5'), undefined);
  });
});
