/**
 * `launch-ready email …` as a process, for the command tests: the email command alone, with the
 * exit codes the real CLI gives (2 for usage errors), so output goes to a real stdout.
 */
import { Command, CommanderError } from 'commander';
import { registerEmailCommand } from '../../src/cli/email-command.js';
import { UsageError } from '../../src/core/errors.js';

let code = 0;
const root = new Command('launch-ready').exitOverride();
registerEmailCommand(root, (fn) => async (...args) => {
  code = await fn(...args);
});
try {
  await root.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`launch-ready: ${err.message}\n`);
    code = 2;
  } else if (err instanceof CommanderError) code = err.exitCode === 0 ? 0 : 2;
  else throw err;
}
process.exitCode = code;
