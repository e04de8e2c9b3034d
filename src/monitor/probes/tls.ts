/**
 * TLS certificate monitor: the project's probeTls (trust against system roots plus --ca, name
 * check, the chain) in its single-handshake mode, since the audit's legacy-protocol probes would
 * triple the handshakes every minute for nothing a monitor alerts on. Judged at the monitor's
 * clock: `cert.valid` is trusted, for this name and within its validity period. Expiry warnings
 * at 30/14/7/1 days are raised from `certificate`.
 */
import { probeTls } from '../../net/tls-probe.js';
import type { CheckNetwork } from './network.js';
import type { Observation } from './observation.js';

const DAY_MS = 86_400_000;

export async function probeCertificate(endpoint: { host: string; port: number }, net: CheckNetwork, now: number): Promise<Observation> {
  const started = performance.now();
  const probe = await probeTls(net.dns, net.settings, endpoint.host, endpoint.port, { mode: 'single-handshake' });
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const leaf = probe.chain[0];
  const validTo = leaf ? Date.parse(leaf.validTo) : undefined;
  const validFrom = leaf ? Date.parse(leaf.validFrom) : undefined;
  const inPeriod = validTo !== undefined && validFrom !== undefined && now >= validFrom && now < validTo;
  const cert: Record<string, unknown> = leaf
    ? {
        daysLeft: Math.floor((validTo! - now) / DAY_MS),
        expiresIn: validTo! - now,
        trusted: probe.authorized,
        hostnameMatches: probe.hostnameMatches,
        valid: probe.authorized && probe.hostnameMatches && inPeriod,
        issuer: leaf.issuer,
        subject: leaf.subject,
      }
    : {};
  const lookup = (root: string, segments: ReadonlyArray<string | number>): unknown => {
    if (root === 'cert') return cert[String(segments[0])];
    if (root === 'connected') return probe.ok;
    if (root === 'protocol') return probe.protocol;
    if (root === 'latency') return latencyMs;
    if (root === 'error') return probe.error?.code ?? '';
    return undefined;
  };
  const where = `${endpoint.host}:${endpoint.port}`;
  const detail = !leaf
    ? `${where}: ${probe.error?.message ?? 'no certificate'}`
    : `${where}: ${probe.authorized ? 'trusted' : `untrusted (${probe.authorizationError ?? 'unknown reason'})`}, ${probe.hostnameMatches ? 'name matches' : 'wrong name'}, expires ${leaf.validTo.slice(0, 10)} (${cert.daysLeft} days), issuer ${leaf.issuer}`;
  const obs: Observation = { latencyMs, values: lookup, detail };
  if (probe.error) obs.error = probe.error;
  if (validTo !== undefined) obs.certificate = { validTo, daysLeft: cert.daysLeft as number };
  return obs;
}
