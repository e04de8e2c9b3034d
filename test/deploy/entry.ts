/**
 * A launch-ready CLI with the deploy, runbook, handover and ci commands (plus bench, which `ci`
 * drives), for tests that run them in a child process as a user would.
 */
import { Command, CommanderError, Option } from 'commander';
import { registerBenchCommand } from '../../src/cli/bench-command.js';
import { registerCiCommand } from '../../src/cli/ci-command.js';
import type { Run } from '../../src/cli/command-kit.js';
import { registerDeployCommand } from '../../src/cli/deploy-command.js';
import { registerHandoverCommand } from '../../src/cli/handover-command.js';
import { registerRunbookCommand } from '../../src/cli/runbook-command.js';
import { UsageError } from '../../src/core/errors.js';

let code = 0;
const run: Run =
  (fn) =>
  async (...args) => {
    code = await fn(...args);
  };
const root = new Command('launch-ready').exitOverride().enablePositionalOptions();
for (const register of [registerDeployCommand, registerRunbookCommand, registerHandoverCommand, registerCiCommand, registerBenchCommand]) register(root, run);

// A stand-in `secrets` command for the tests of `ci` driving it: LR_TEST_SECRETS is its exit code.
const fakeSecrets = process.env.LR_TEST_SECRETS;
if (fakeSecrets !== undefined) {
  root
    .command('secrets')
    .addOption(new Option('--format <format>').choices(['terminal', 'md']).default('terminal'))
    .option('--since <ref>')
    .action(
      run(async (flags: { format: string; since?: string }) => {
        process.stdout.write(flags.format === 'md' ? `| File | Rule |\n|---|---|\n| src/pay.ts:3 | stripe-live-key (since ${flags.since ?? 'the start'}) |\n` : 'found\n');
        return Number(fakeSecrets);
      }),
    );
}
try {
  await root.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) code = err.exitCode === 0 ? 0 : 2;
  else if (err instanceof UsageError) {
    process.stderr.write(`launch-ready: ${err.message}\n`);
    code = 2;
  } else {
    process.stderr.write(`launch-ready: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    code = 70;
  }
}
process.exitCode = code;
