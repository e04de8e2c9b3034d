import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { discover } from '../collect/discover.js';
import { UsageError } from '../core/errors.js';
import { loadConfig } from '../config/load.js';
import { renderStarterConfig } from '../config/starter.js';
import { DnsClient } from '../net/dns-client.js';
import type { RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';

export interface InitFlags extends NetworkFlags {
  out?: string;
  force?: boolean;
}

/** Writes a commented starter config from what discovery finds; never overwrites without --force. */
export async function initAction(url: string, flags: InitFlags, cmd: Command): Promise<number> {
  const file = resolve(flags.out ?? 'launch-ready.yaml');
  if (existsSync(file) && !flags.force) {
    throw new UsageError('LR_WOULD_OVERWRITE', `${file} already exists; nothing was written. Re-run with --force to replace it, or --out OTHER.yaml.`);
  }
  const settings = networkSettings(flags, undefined, typedSources(cmd));
  const found = await discover(url, new DnsClient(settings));
  const text = renderStarterConfig({ url: found.url, domain: found.domain, hosts: found.hosts, canonicalUrl: found.canonicalUrl });
  await writeFile(file, text, { flag: flags.force ? 'w' : 'wx' });
  await loadConfig(file);
  process.stdout.write(`Wrote ${file}: ${found.hosts.length} host(s) found under ${found.domain} (${found.hosts.map((h) => h.name).join(', ')}).\nReview the routes, then run: launch-ready audit --config ${file}\n`);
  return 0;
}

export const registerInitCommand: RegisterCommand = (root, run) => {
  addNetworkOptions(
    root
      .command('init')
      .argument('<url>', 'the shop URL to start from')
      .description('write a commented starter launch-ready.yaml from what discovery finds')
      .option('--out <file>', 'where to write', 'launch-ready.yaml')
      .option('--force', 'overwrite an existing file'),
  ).action(run((url: string, flags: InitFlags, cmd: Command) => initAction(url, flags, cmd)));
};
