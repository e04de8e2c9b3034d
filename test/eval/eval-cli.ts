/**
 * The `eval` command on its own commander root, for tests: the same registration src/cli.ts uses,
 * run in a child process so stdout, stderr and the exit code are the real ones.
 */
import { Command, CommanderError } from 'commander';
import type { Run } from '../../src/cli/command-kit.js';
import { registerEvalCommand } from '../../src/cli/eval-command.js';
import { UsageError } from '../../src/core/errors.js';

let code = 0;
const run: Run =
  (fn) =>
  async (...args) => {
    code = await fn(...args);
  };
const root = new Command('launch-ready').exitOverride();
registerEvalCommand(root, run);
try {
  await root.parseAsync(process.argv);
} catch (err) {
  if (err instanceof UsageError) process.stderr.write(`launch-ready: ${err.message}\n`);
  else if (!(err instanceof CommanderError)) process.stderr.write(`launch-ready: unexpected error: ${(err as Error).stack}\n`);
  code = err instanceof UsageError || err instanceof CommanderError ? 2 : 70;
}
process.exitCode = code;
