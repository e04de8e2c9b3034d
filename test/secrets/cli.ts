/**
 * The CLI with the secrets and env commands registered the way src/cli.ts registers commands, so
 * tests run them in a child process and see exactly what a user sees: stdout, stderr, exit code.
 */
import { Command, CommanderError } from 'commander';
import type { Run } from '../../src/cli/command-kit.js';
import { registerEnvCommand } from '../../src/cli/env-command.js';
import { registerSecretsCommand } from '../../src/cli/secrets-command.js';
import { UsageError } from '../../src/core/errors.js';

let code = 0;
const run: Run =
  (fn) =>
  async (...args) => {
    code = await fn(...args);
  };
const root = new Command('launch-ready').exitOverride();
registerSecretsCommand(root, run);
registerEnvCommand(root, run);
try {
  await root.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) code = 2;
  else if (err instanceof UsageError) {
    process.stderr.write(`launch-ready: ${err.message}\n`);
    code = 2;
  } else throw err;
}
process.exitCode = code;
