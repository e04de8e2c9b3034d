import { Command, Option } from 'commander';

/** Wraps an action returning an exit code so the CLI's main() can return it. */
export type Run = <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

/** A subcommand module: adds its command(s) to the root program. */
export type RegisterCommand = (root: Command, run: Run) => void;

/** Output options shared by every command that prints a report. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'report format on stdout').choices(['terminal', 'md', 'html', 'json', 'sarif']).default('terminal'))
    .option('--out <dir>', 'also write report.md, report.html, report.json and report.sarif to this folder')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['critical', 'high', 'medium', 'low', 'info']).default('high'))
    .option('-q, --quiet', 'no progress on stderr');
}
