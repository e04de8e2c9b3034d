/**
 * Every top-level command, in the order `--help` lists them, each loaded only when needed: a
 * command module pulls in its whole stage (the check registry, certificates, undici, SQLite …),
 * and `launch-ready eval` must start in well under a second (issue 6).
 */
import type { RegisterCommand } from './command-kit.js';

type LoadCommand = () => Promise<RegisterCommand>;

export const COMMANDS: ReadonlyArray<readonly [name: string, load: LoadCommand]> = [
  ['audit', async () => (await import('./audit-command.js')).registerAuditCommand],
  ['init', async () => (await import('./init-command.js')).registerInitCommand],
  ['demo', async () => (await import('./demo-command.js')).registerDemoCommand],
  ['secrets', async () => (await import('./secrets-command.js')).registerSecretsCommand],
  ['env', async () => (await import('./env-command.js')).registerEnvCommand],
  ['email', async () => (await import('./email-command.js')).registerEmailCommand],
  ['dns', async () => (await import('./dns-command.js')).registerDnsCommand],
  ['bench', async () => (await import('./bench-command.js')).registerBenchCommand],
  ['eval', async () => (await import('./eval-command.js')).registerEvalCommand],
  ['monitor', async () => (await import('./monitor-command.js')).registerMonitorCommand],
  ['deploy', async () => (await import('./deploy-command.js')).registerDeployCommand],
  ['runbook', async () => (await import('./runbook-command.js')).registerRunbookCommand],
  ['handover', async () => (await import('./handover-command.js')).registerHandoverCommand],
  ['ci', async () => (await import('./ci-command.js')).registerCiCommand],
];

const VERSION_FLAGS = new Set(['-V', '--version']);
const HELP_FLAGS = new Set(['-h', '--help']);

/**
 * The commands to register for these arguments (process.argv without node and the script): the
 * one named, none for `--version`, and all of them otherwise — root help, no arguments or an
 * unknown command must list every command and suggest the nearest.
 */
export function commandsFor(args: readonly string[]): LoadCommand[] {
  const at = args.findIndex((a) => !a.startsWith('-'));
  const before = at === -1 ? args : args.slice(0, at);
  const named = at === -1 ? undefined : COMMANDS.find(([n]) => n === args[at]);
  if (named && !before.some((a) => HELP_FLAGS.has(a))) return [named[1]];
  if (at === -1 && args.length > 0 && args.every((a) => VERSION_FLAGS.has(a))) return [];
  return COMMANDS.map(([, load]) => load);
}
