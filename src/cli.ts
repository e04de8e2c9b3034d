import { Command, CommanderError } from 'commander';
import type { Run } from './cli/command-kit.js';
import { commandsFor } from './cli/commands.js';
import { ConfigError, UsageError } from './core/errors.js';
import { VERSION } from './version.js';

/** The root program with just the commands these arguments need (see commandsFor). */
async function program(args: readonly string[], setCode: (code: number) => void): Promise<Command> {
  const run: Run =
    (fn) =>
    async (...a) =>
      setCode(await fn(...a));
  const root = new Command('launch-ready')
    .description('What will break first when real users hit your AI-chatbot shop: a ranked launch-risk report, then monitoring.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions()
    .exitOverride();
  const registers = await Promise.all(commandsFor(args).map((load) => load()));
  for (const register of registers) register(root, run);
  return root;
}

/** Runs the CLI and returns the exit code: 0 fine, 1 findings at or above --fail-on, 2 usage or config error. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    const cli = await program(argv.slice(2), (c) => {
      code = c;
    });
    await cli.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`launch-ready: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`launch-ready: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  }
}
