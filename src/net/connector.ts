import { isIP } from 'node:net';
import { createSecureContext, rootCertificates, type ConnectionOptions, type SecureContext, type SecureContextOptions } from 'node:tls';
import { buildConnector } from 'undici';
import type { DnsClient } from './dns-client.js';
import { findConnectTo, type NetworkSettings } from './settings.js';

export class ResolveError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const trustContexts = new Map<string, SecureContext>();

/**
 * TLS options that trust the system's roots plus any `--ca` (Node's `ca` option replaces the
 * defaults, so both are given), with `tuning` (protocol versions, ciphers). With `--ca` they are one
 * context built once per combination: given as `ca`, the ~150 roots would be parsed again for every
 * connection, about 50 ms with the event loop blocked each time.
 */
export function trustOptions(settings: Pick<NetworkSettings, 'extraCa'>, tuning: Pick<SecureContextOptions, 'minVersion' | 'maxVersion' | 'ciphers'> = {}): ConnectionOptions {
  const ca = settings.extraCa;
  if (!ca) return tuning;
  const key = JSON.stringify([ca, tuning]);
  let context = trustContexts.get(key);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ca], ...tuning });
    trustContexts.set(key, context);
  }
  return { secureContext: context };
}

/**
 * Where to open the TCP connection for host:port: `--connect-to` first (curl semantics), then the
 * pinned address, then DNS through the run's resolver. The name is kept for SNI, Host and
 * certificate checks by the callers.
 */
export async function resolveTarget(
  dns: DnsClient,
  settings: Pick<NetworkSettings, 'connectTo'>,
  host: string,
  port: number,
  pinAddress?: string,
): Promise<{ address: string; port: number }> {
  const rule = findConnectTo(settings.connectTo, host, port);
  const toPort = rule?.toPort ?? port;
  if (rule && rule.toHost !== '') {
    if (isIP(rule.toHost)) return { address: rule.toHost, port: toPort };
    return resolveTarget(dns, { connectTo: [] }, rule.toHost, toPort);
  }
  if (pinAddress) return { address: pinAddress, port: toPort };
  if (isIP(host)) return { address: host, port: toPort };
  const found = await dns.lookupHost(host);
  const address = found.a[0] ?? found.aaaa[0];
  if (!address) throw new ResolveError(found.error?.code ?? 'dns-nodata', found.error?.message ?? `${host} has no address`);
  return { address, port: toPort };
}

/** An undici connector that routes through resolveTarget and never verifies here: trust is judged by the TLS probe. */
export function routedConnector(dns: DnsClient, settings: NetworkSettings, pinAddress?: string): buildConnector.connector {
  const base = buildConnector({ rejectUnauthorized: false, ...trustOptions(settings), timeout: settings.timeoutMs });
  return (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    resolveTarget(dns, settings, opts.hostname, port, pinAddress).then(
      (target) =>
        base(
          {
            ...opts,
            hostname: target.address,
            port: String(target.port),
            servername: isIP(opts.hostname) ? undefined : opts.hostname,
          },
          callback,
        ),
      (err: Error) => callback(err, null),
    );
  };
}
