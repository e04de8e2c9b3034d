import { Command, CommanderError, Option } from 'commander';
import { addOutputOptions, type Run } from './cli/command-kit.js';
import { ConfigError, UsageError } from './core/errors.js';
import { auditAction, type AuditFlags } from './cli/audit-command.js';
import { registerBenchCommand } from './cli/bench-command.js';
import { registerCiCommand } from './cli/ci-command.js';
import { registerDeployCommand } from './cli/deploy-command.js';
import { registerHandoverCommand } from './cli/handover-command.js';
import { registerRunbookCommand } from './cli/runbook-command.js';
import { demoAction, demoFaultAction, type DemoFlags } from './cli/demo-command.js';
import { registerDnsCommand } from './cli/dns-command.js';
import { registerEmailCommand } from './cli/email-command.js';
import { registerEnvCommand } from './cli/env-command.js';
import { registerSecretsCommand } from './cli/secrets-command.js';
import { registerEvalCommand } from './cli/eval-command.js';
import { registerMonitorCommand } from './cli/monitor-command.js';
import { initAction, type InitFlags } from './cli/init-command.js';
import { addNetworkOptions } from './cli/network-options.js';
import { checkOutputFlags } from './cli/output.js';
import { VERSION } from './version.js';

function program(setCode: (code: number) => void): Command {
  const run: Run =
    (fn) =>
    async (...args) =>
      setCode(await fn(...args));
  const root = new Command('launch-ready')
    .description('What will break first when real users hit your AI-chatbot shop: a ranked launch-risk report, then monitoring.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions()
    .exitOverride();

  addOutputOptions(
    addNetworkOptions(
      root
        .command('audit')
        .argument('[url]', 'site to audit; apex, www and common subdomains are discovered through DNS')
        .description('audit the domain and edge layer and print a report ranked by launch risk')
        .option('-c, --config <file>', 'audit what this config declares (default: ./launch-ready.yaml when present)')
        .option('--save-artifacts <file>', 'save everything collected (JSON) to replay later without network')
        .option('--replay <file>', 're-run the checks on artifacts saved by --save-artifacts'),
    ),
  ).action(
    run(async (url: string | undefined, flags: AuditFlags, cmd: Command) => {
      checkOutputFlags(flags);
      return auditAction(url, flags, cmd);
    }),
  );

  addNetworkOptions(
    root
      .command('init')
      .argument('<url>', 'the shop URL to start from')
      .description('write a commented starter launch-ready.yaml from what discovery finds')
      .option('--out <file>', 'where to write', 'launch-ready.yaml')
      .option('--force', 'overwrite an existing file'),
  ).action(run((url: string, flags: InitFlags, cmd: Command) => initAction(url, flags, cmd)));

  const demo = addOutputOptions(
    root
      .command('demo')
      .description('start the offline demo shop (DNS, HTTPS, chatbot) on loopback and audit it')
      .option('--fixed', 'the same world with every fault fixed')
      .addOption(new Option('--fault <name>', 'switch one fault on (repeatable); with --fixed, only these faults').argParser((v: string, p: string[] = []) => [...p, v]))
      .option('--list-faults', 'list the named faults and the checks each one trips')
      .option('--serve', 'keep the world running and write its config, CA and flags to --dir')
      .option('--dir <dir>', 'folder for --serve files', 'launch-ready-demo'),
  )
    // Options after `fault` belong to it (both take --dir).
    .enablePositionalOptions()
    .action(run((flags: DemoFlags) => demoAction(flags)));
  demo
    .command('fault')
    .argument('<name>', 'fault name (see --list-faults)')
    .argument('<state>', 'on or off')
    .option('--dir <dir>', 'the folder of the running world (demo --serve --dir)', 'launch-ready-demo')
    .description('switch a fault of a running demo world on or off')
    .action(run((name: string, state: string, flags: { dir: string }) => demoFaultAction(name, state, flags)));
  for (const register of [registerSecretsCommand, registerEnvCommand, registerEmailCommand, registerDnsCommand, registerBenchCommand, registerEvalCommand, registerMonitorCommand, registerDeployCommand, registerRunbookCommand, registerHandoverCommand, registerCiCommand]) register(root, run);
  return root;
}

/** Runs the CLI and returns the exit code: 0 fine, 1 findings at or above --fail-on, 2 usage or config error. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cli = program((c) => {
    code = c;
  });
  try {
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
