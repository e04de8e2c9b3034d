import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { ConfigNetwork } from '../config/plan.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_NETWORK, parseConnectTo, parseDnsServer, parseDuration, type NetworkSettings } from '../net/settings.js';
import { VERSION } from '../version.js';

export interface NetworkFlags {
  dnsServer?: string[];
  connectTo?: string[];
  ca?: string;
  timeout?: string;
  concurrency?: string;
  userAgent?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The network options every command shares. */
export function addNetworkOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--dns-server <host:port>', 'send every DNS query to this server (repeatable)').argParser(collect))
    .addOption(new Option('--connect-to <host:port:addr:port>', 'connect elsewhere, keeping the name for SNI/Host/certificates (repeatable; curl semantics, *.domain allowed)').argParser(collect))
    .option('--ca <file>', 'an extra trusted root certificate (PEM)')
    .option('--timeout <duration>', 'timeout for each network phase (DNS, connect, headers, body)', '5s')
    .option('--concurrency <n>', 'requests in flight at once', String(DEFAULT_NETWORK.concurrency))
    .option('--user-agent <ua>', 'User-Agent header sent', `launch-ready/${VERSION}`);
}

/** Which network flags the user typed: commander fills defaults, and only typed ones may override the config. */
export function typedSources(cmd: Command) {
  const typed = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  return { timeoutFromFlag: typed('timeout'), concurrencyFromFlag: typed('concurrency'), userAgentFromFlag: typed('userAgent') };
}

function readCa(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError('LR_CA_UNREADABLE', `--ca ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError('LR_CA_NOT_PEM', `--ca ${file}: not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line).`);
  return pem;
}

/** Flags win over the config's `network:` section; lists given as flags replace the config's. */
export function networkSettings(flags: NetworkFlags, config?: ConfigNetwork, sources?: { timeoutFromFlag: boolean; concurrencyFromFlag: boolean; userAgentFromFlag: boolean }): NetworkSettings {
  const concurrencyText = sources?.concurrencyFromFlag || config?.concurrency === undefined ? flags.concurrency : String(config.concurrency);
  const concurrency = Number(concurrencyText ?? DEFAULT_NETWORK.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new UsageError('LR_BAD_CONCURRENCY', `--concurrency "${concurrencyText}": expected a whole number from 1 to 256.`);
  }
  const timeoutMs =
    sources?.timeoutFromFlag || config?.timeoutMs === undefined ? parseDuration(flags.timeout ?? '5s', '--timeout') : config.timeoutMs;
  const caFile = flags.ca ?? config?.caFile;
  return {
    ...DEFAULT_NETWORK,
    dnsServers: (flags.dnsServer ?? config?.dnsServers ?? []).map(parseDnsServer),
    connectTo: (flags.connectTo ?? config?.connectTo ?? []).map(parseConnectTo),
    ...(caFile ? { extraCa: readCa(caFile) } : {}),
    timeoutMs,
    concurrency,
    userAgent: (sources?.userAgentFromFlag || !config?.userAgent ? flags.userAgent : config.userAgent) ?? `launch-ready/${VERSION}`,
  };
}
