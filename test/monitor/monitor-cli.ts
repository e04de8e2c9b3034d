/**
 * `launch-ready monitor` as a process for the tests, independent of how src/cli.ts wires its
 * commands: the same registration, exit codes as main() gives them.
 */
import { Command } from 'commander';
import { registerMonitorCommand } from '../../src/cli/monitor-command.js';
import { UsageError } from '../../src/core/errors.js';

let code = 0;
const root = new Command('launch-ready').enablePositionalOptions().exitOverride();
registerMonitorCommand(root, (fn) => async (...args) => {
  code = await fn(...args);
});
try {
  await root.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`launch-ready: ${(err as Error).message}\n`);
  code = err instanceof UsageError ? 2 : 70;
}
process.exitCode = code;
