/**
 * `launch-ready dns snapshot` records the live DNS of the declared names as the desired state
 * (dns.yaml); `launch-ready dns diff` compares the live DNS with dns.yaml or a zone file and prints
 * the plan like `terraform plan`. Exit codes: 0, or 1 with --expect-no-changes when anything
 * differs (or could not be checked), 1 when a snapshot could not read every name; 2 on usage errors.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import dnsDrift from '../checks/dns/drift.js';
import dnsMailRecordsChanged from '../checks/dns/mail-records-changed.js';
import dnsSubdomainBroken from '../checks/dns/subdomain-broken.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { networkFromConfig, planFromConfig } from '../config/plan.js';
import type { AnyCheck } from '../core/check.js';
import { UsageError } from '../core/errors.js';
import type { AuditPlan } from '../core/plan.js';
import { rankFindings } from '../core/rank.js';
import { runChecks } from '../core/runner.js';
import { liveServers } from '../dnsdiff/collect.js';
import { renderDesiredState } from '../dnsdiff/desired-file.js';
import { dangerReasons, planChanges } from '../dnsdiff/diff.js';
import { readLive } from '../dnsdiff/live.js';
import { loadDesired } from '../dnsdiff/load.js';
import { canonicalName } from '../dnsdiff/records.js';
import { renderPlan } from '../dnsdiff/render-plan.js';
import { takeSnapshot } from '../dnsdiff/snapshot.js';
import type { DnsState } from '../dnsdiff/state.js';
import { DnsClient } from '../net/dns-client.js';
import type { RegisterCommand } from './command-kit.js';
import { addNetworkOptions, networkSettings, typedSources, type NetworkFlags } from './network-options.js';

interface CommonFlags extends NetworkFlags {
  config?: string;
}

interface SnapshotFlags extends CommonFlags {
  out?: string;
  force?: boolean;
}

interface DiffFlags extends CommonFlags {
  desired?: string;
  zone?: string;
  json?: boolean;
  expectNoChanges?: boolean;
}

const DNS_CHECKS: readonly AnyCheck[] = [dnsSubdomainBroken, dnsMailRecordsChanged, dnsDrift];

/** Where the commands write; tests pass their own streams. */
export interface DnsCommandIo {
  stdout: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  stderr: Pick<NodeJS.WriteStream, 'write'>;
}

async function optionalConfig(path: string | undefined): Promise<LoadedConfig | undefined> {
  if (path) return loadConfig(path);
  const local = resolve('launch-ready.yaml');
  return existsSync(local) ? loadConfig(local) : undefined;
}

/** The config's dns.desired, resolved against its folder; dns.yaml here without a config. */
function desiredPath(loaded: LoadedConfig | undefined): string {
  return loaded ? resolve(loaded.dir, loaded.config.dns?.desired ?? 'dns.yaml') : resolve('dns.yaml');
}

function useColor(stdout: DnsCommandIo['stdout']): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stdout.isTTY);
}

async function snapshotAction(io: DnsCommandIo, domainArg: string | undefined, flags: SnapshotFlags, cmd: Command): Promise<number> {
  const loaded = await optionalConfig(flags.config);
  const zone = canonicalName(domainArg ?? loaded?.config.domain ?? '');
  if (!zone) throw new UsageError('LR_NO_DOMAIN', 'Which zone? Give it (launch-ready dns snapshot acme.test) or run beside a launch-ready.yaml.');
  const out = flags.out ? resolve(flags.out) : desiredPath(loaded);
  if (existsSync(out) && !flags.force) {
    throw new UsageError('LR_WOULD_OVERWRITE', `${out} already exists; nothing was written. Compare with \`launch-ready dns diff\`, or re-run with --force to replace it.`);
  }
  const settings = networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, typedSources(cmd));
  const dns = new DnsClient(settings);
  const plan = loaded && loaded.config.domain === zone ? planFromConfig(loaded.config, new Date()) : undefined;
  const emailDomain = loaded?.config.email?.domain ?? zone;
  const servers = await liveServers({ dns, settings }, zone);
  const snap = await takeSnapshot(
    dns,
    { zone, hosts: plan ? plan.hosts.map((h) => h.name) : [zone], emailDomain, dkimSelectors: loaded?.config.email?.dkimSelectors ?? [] },
    { servers, concurrency: settings.concurrency },
  );
  if (snap.live.failures.length > 0) {
    io.stderr.write(`launch-ready: nothing written: ${snap.live.failures.length} lookups failed, and a snapshot missing them would later read as deletions:\n${snap.live.failures.map((f) => `  ${f.name} ${f.type}: ${f.message}`).join('\n')}\n`);
    return 1;
  }
  const from = servers.length > 0 ? servers.join(', ') : 'the system resolver';
  const header = [
    `Desired DNS state of ${zone}: \`launch-ready dns diff\` compares the live DNS with this file.`,
    `Written by \`launch-ready dns snapshot\` on ${new Date().toISOString()} from ${from}${snap.live.authoritative ? '' : ' (a caching resolver: TTLs may be lower than the zone\'s)'}.`,
    'Names are relative to the zone ("@" is the apex). Edit it before a DNS change and run `launch-ready dns diff` to see the plan.',
  ];
  await writeFile(out, renderDesiredState(zone, snap.live.live, header), { flag: flags.force ? 'w' : 'wx' });
  const names = new Set(snap.live.live.map((s) => s.name)).size;
  io.stdout.write(`Wrote ${out}: ${snap.live.live.length} record sets on ${names} names of ${zone}, read from ${from}.\n`);
  for (const name of snap.absent) io.stdout.write(`  note: ${name} is declared but has no record in the live DNS; it is not in the snapshot.\n`);
  return 0;
}

function diffPlan(zone: string, loaded: LoadedConfig | undefined): AuditPlan {
  if (loaded && loaded.config.domain === zone) return planFromConfig(loaded.config, new Date());
  return { product: zone, domain: zone, canonicalUrl: `https://${zone}/`, hosts: [], environments: [], routes: [], healthUrls: [], now: new Date().toISOString() };
}

async function diffAction(io: DnsCommandIo, flags: DiffFlags, cmd: Command): Promise<number> {
  if (flags.desired && flags.zone) throw new UsageError('LR_DESIRED_AND_ZONE', 'Give either --desired dns.yaml or --zone FILE, not both.');
  const loaded = await optionalConfig(flags.config);
  const desired = flags.zone
    ? await loadDesired(resolve(flags.zone), 'zone', loaded?.config.domain ?? '')
    : await loadDesired(flags.desired ? resolve(flags.desired) : desiredPath(loaded), 'auto', loaded?.config.domain ?? '');
  const settings = networkSettings(flags, loaded ? networkFromConfig(loaded) : undefined, typedSources(cmd));
  const dns = new DnsClient(settings);
  const names = [...new Set(desired.sets.map((s) => s.name))];
  const live = await readLive(dns, desired.zone, names, { servers: await liveServers({ dns, settings }, desired.zone), concurrency: settings.concurrency });
  const state: DnsState = { ...live, desired: desired.sets, desiredSource: flags.zone ?? flags.desired ?? desired.source };
  const plan = planChanges(state);
  const danger = dangerReasons(state, plan);
  const auditPlan = diffPlan(desired.zone, loaded);
  const findings = rankFindings(runChecks(DNS_CHECKS, { plan: auditPlan, dnsState: state }).findings, auditPlan);
  const count = (k: string) => plan.changes.filter((c) => c.kind === k).length;
  if (flags.json) {
    const report = {
      zone: state.zone,
      desired: state.desiredSource,
      servers: state.servers,
      authoritative: state.authoritative,
      dangerous: danger,
      summary: { create: count('create'), modify: count('modify'), delete: count('delete'), ttl: count('ttl'), unchanged: plan.unchanged, unknown: plan.unknown.length },
      changes: plan.changes.map((c) => ({ kind: c.kind, name: c.name, type: c.type, ...(c.before ? { before: { ttl: c.before.ttl, values: c.before.values } } : {}), ...(c.after ? { after: { ttl: c.after.ttl, values: c.after.values } } : {}) })),
      unknown: plan.unknown,
      skipped: desired.skipped,
      findings,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const color = useColor(io.stdout);
    let text = renderPlan(state, plan, danger, color);
    const skipped = Object.entries(desired.skipped);
    if (skipped.length > 0) text += `Not compared (types the diff does not cover): ${skipped.map(([t, n]) => `${n} ${t}`).join(', ')}.\n`;
    if (findings.length > 0) text += `\nFindings:\n${findings.map((f) => `  ${f.severity.toUpperCase()} ${f.id}  ${f.target} — ${f.title}`).join('\n')}\n`;
    io.stdout.write(text);
  }
  if (flags.expectNoChanges && (plan.changes.length > 0 || plan.unknown.length > 0)) {
    io.stderr.write(`launch-ready: --expect-no-changes: ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}${plan.unknown.length > 0 ? `, ${plan.unknown.length} lookups that could not be checked` : ''}.\n`);
    return 1;
  }
  return 0;
}

export const dnsCommandWith =
  (io: DnsCommandIo): RegisterCommand =>
  (root, run) => {
    const dns = root.command('dns').description('record the DNS as a desired state, and diff the live DNS against it before and after a change');
    addNetworkOptions(
      dns
        .command('snapshot')
        .argument('[domain]', 'the zone (default: domain of launch-ready.yaml)')
        .description('write the live records of the apex, the declared hosts and the mail names to the desired-state file')
        .option('-c, --config <file>', 'config naming the hosts, selectors and dns.desired (default: ./launch-ready.yaml when present)')
        .option('--out <file>', 'where to write (default: dns.desired of the config, else dns.yaml)')
        .option('--force', 'replace an existing file'),
    ).action(run((domain: string | undefined, flags: SnapshotFlags, cmd: Command) => snapshotAction(io, domain, flags, cmd)));
    addNetworkOptions(
      dns
        .command('diff')
        .description('compare the live DNS with the desired state and print the plan (+ create, ~ modify, - delete, TTL-only apart)')
        .option('-c, --config <file>', 'config naming dns.desired (default: ./launch-ready.yaml when present)')
        .option('--desired <file>', 'the desired-state file (default: dns.desired of the config, else dns.yaml)')
        .option('--zone <file>', 'a BIND zone file as the desired state instead')
        .option('--json', 'print the plan and findings as JSON')
        .option('--expect-no-changes', 'exit 1 when anything differs or could not be checked (for CI)'),
    ).action(run((flags: DiffFlags, cmd: Command) => diffAction(io, flags, cmd)));
  };

export const registerDnsCommand: RegisterCommand = dnsCommandWith({ stdout: process.stdout, stderr: process.stderr });
