/**
 * `launch-ready handover`: the checklist a founder runs the product from — domains, DNS, edge,
 * certificates, email, hosting, env vars, monitoring, limits, third parties, account owners,
 * contacts and post-launch risks — as Markdown and a printable single-file HTML (PDF with --pdf).
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { networkFromConfig } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_LOG } from '../deploy/log.js';
import { buildHandover } from '../handover/checklist.js';
import { gatherFacts, type HandoverFacts } from '../handover/gather.js';
import { writeDocument } from '../handover/write.js';
import type { RegisterCommand } from './command-kit.js';
import { optionalConfig } from './deploy-command.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { stderrProgress } from './progress.js';

export interface DocumentFlags extends NetworkFlags {
  config?: string;
  out?: string;
  format: 'md' | 'html';
  pdf?: boolean;
  repo: string;
  envInventory?: string;
  log: string;
  quiet?: boolean;
}

/** The config (required: owners, contacts and environments live there), a fresh audit and the other facts. */
export async function documentFacts(flags: DocumentFlags, cmd: Command, what: string): Promise<HandoverFacts> {
  const loaded = await optionalConfig(flags.config);
  if (!loaded) throw new UsageError('LR_NO_CONFIG', `The ${what} is generated from launch-ready.yaml: none here. Give --config FILE, or write one with \`launch-ready init URL\`.`);
  return gatherFacts({
    loaded,
    settings: networkSettings(flags, networkFromConfig(loaded), typedSources(cmd)),
    progress: stderrProgress({ quiet: Boolean(flags.quiet), label: `${what}: auditing` }),
    repoDir: resolve(flags.repo),
    ...(flags.envInventory ? { envInventoryFile: resolve(flags.envInventory) } : {}),
    logFile: resolve(flags.log),
    now: new Date(),
  });
}

/** The options `handover` and `runbook` share. */
export function addDocumentOptions(cmd: Command, name: string): Command {
  return addNetworkOptions(
    cmd
      .option('-c, --config <file>', 'the config (default: ./launch-ready.yaml)')
      .option('--out <dir>', `write ${name}.md and ${name}.html into this folder instead of printing`)
      .addOption(new Option('--format <format>', 'what to print on stdout without --out').choices(['md', 'html']).default('md'))
      .option('--pdf', `also print ${name}.pdf with the installed Chromium (into --out, else the current folder)`)
      .option('--repo <dir>', 'the repository to read platform files, package.json and .env.example from', '.')
      .option('--env-inventory <file>', 'the JSON of `launch-ready env --format json`: where each variable is defined')
      .addOption(new Option('--log <file>', 'the deploy log').default(DEFAULT_LOG))
      .option('-q, --quiet', 'no progress on stderr'),
  );
}

export const registerHandoverCommand: RegisterCommand = (root, run) => {
  addDocumentOptions(root.command('handover').description('write the handover checklist: every account, provider, limit and risk, each marked verified, declared or unknown'), 'handover').action(
    run(async (flags: DocumentFlags, cmd: Command) => {
      const facts = await documentFacts(flags, cmd, 'handover');
      await writeDocument(buildHandover(facts), 'handover', { ...(flags.out ? { out: flags.out } : {}), format: flags.format, pdf: Boolean(flags.pdf), quiet: Boolean(flags.quiet) });
      return 0;
    }),
  );
};
