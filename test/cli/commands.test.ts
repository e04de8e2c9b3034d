import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { COMMANDS, commandsFor } from '../../src/cli/commands.js';

test('a named command loads only its own module', () => {
  assert.equal(commandsFor(['eval', '--config', 'x.yaml', '--pack', 'ecommerce']).length, 1);
  assert.equal(commandsFor(['demo', 'fault', 'tls-expired', 'off']).length, 1);
});

test('--version loads no command', () => {
  assert.deepEqual(commandsFor(['--version']), []);
  assert.deepEqual(commandsFor(['-V']), []);
});

test('help, no arguments and an unknown command load every command', () => {
  for (const args of [[], ['--help'], ['-h'], ['help', 'eval'], ['evl'], ['--help', 'eval'], ['--bogus']]) {
    assert.equal(commandsFor(args).length, COMMANDS.length, args.join(' '));
  }
});

test('each table entry registers the command it is named for, in order', async () => {
  const root = new Command('launch-ready');
  for (const [, load] of COMMANDS) (await load())(root, (fn) => async (...a) => void (await fn(...a)));
  assert.deepEqual(
    root.commands.map((c) => c.name()),
    COMMANDS.map(([name]) => name),
  );
});
