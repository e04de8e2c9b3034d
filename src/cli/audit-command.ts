import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runAudit } from '../audit.js';
import { discover, planFromDiscovery } from '../collect/discover.js';
import type { Artifacts } from '../core/artifacts.js';
import { UsageError } from '../core/errors.js';
import { artifactsForSaving } from '../core/saved-artifacts.js';
import type { AuditPlan } from '../core/plan.js';
import { loadConfig } from '../config/load.js';
import { networkFromConfig, planFromLoaded } from '../config/plan.js';
import { DnsClient } from '../net/dns-client.js';
import type { NetworkSettings } from '../net/settings.js';
import { addOutputOptions, type RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';
import { checkOutputFlags, emitReport, type OutputFlags } from './output.js';
import { stderrProgress } from './progress.js';

export interface AuditFlags extends NetworkFlags, OutputFlags {
  config?: string;
  saveArtifacts?: string;
  replay?: string;
}

/** The plan and network settings of an audit: from a config file, or from discovery under a URL. */
export async function planAudit(url: string | undefined, flags: AuditFlags, cmd: Command): Promise<{ plan: AuditPlan; settings: NetworkSettings; target: string }> {
  const defaultConfig = resolve('launch-ready.yaml');
  const configPath = flags.config ?? (url === undefined && existsSync(defaultConfig) ? defaultConfig : undefined);
  if (flags.config && url) throw new UsageError('LR_URL_AND_CONFIG', 'Give either a URL or --config, not both: the config already names the site.');
  if (configPath) {
    const loaded = await loadConfig(configPath);
    const settings = networkSettings(flags, networkFromConfig(loaded), typedSources(cmd));
    return { plan: planFromLoaded(loaded, new Date()), settings, target: loaded.config.canonical };
  }
  if (!url) {
    throw new UsageError('LR_NO_TARGET', 'Nothing to audit: give a URL (launch-ready audit https://www.example.com) or a config (--config launch-ready.yaml; `launch-ready init URL` writes one).');
  }
  const settings = networkSettings(flags, undefined, typedSources(cmd));
  const found = await discover(url, new DnsClient(settings));
  return { plan: planFromDiscovery(found, new Date()), settings, target: found.canonicalUrl };
}

async function readArtifacts(file: string): Promise<Artifacts> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError('LR_REPLAY_UNREADABLE', `--replay ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  try {
    const parsed = JSON.parse(text) as Artifacts;
    if (!parsed.plan?.hosts) throw new Error('no plan');
    return parsed;
  } catch {
    throw new UsageError('LR_REPLAY_INVALID', `--replay ${file}: not an artifacts file written by --save-artifacts.`);
  }
}

export async function auditAction(url: string | undefined, flags: AuditFlags, cmd: Command): Promise<number> {
  if (flags.replay) {
    const replay = await readArtifacts(flags.replay);
    const { report } = await runAudit({ plan: replay.plan, settings: networkSettings(flags), target: replay.plan.canonicalUrl, replay });
    return emitReport(report, flags);
  }
  const { plan, settings, target } = await planAudit(url, flags, cmd);
  const progress = stderrProgress({ quiet: Boolean(flags.quiet), label: 'auditing' });
  const { artifacts, report } = await runAudit({ plan, settings, target, progress });
  if (flags.saveArtifacts) await writeFile(flags.saveArtifacts, JSON.stringify(artifactsForSaving(artifacts)));
  return emitReport(report, flags);
}

export const registerAuditCommand: RegisterCommand = (root, run) => {
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
};
