import { isIP } from 'node:net';
import { UsageError } from '../core/errors.js';

/** One `--connect-to HOST:PORT:ADDR:PORT` rule (curl semantics: empty parts match any / keep the original). */
export interface ConnectToRule {
  /** Lower-case name, `*.example.com` for any subdomain, or '' for any host. */
  host: string;
  port: number | null;
  /** '' keeps the address DNS gives for the name; only the port changes. */
  toHost: string;
  toPort: number | null;
}

export interface NetworkSettings {
  /** `HOST:PORT` of DNS servers every query goes to; empty means the system resolver. */
  dnsServers: string[];
  connectTo: ConnectToRule[];
  /** Extra trusted roots (PEM), added to the system ones. */
  extraCa?: string;
  /** Limit for each phase: DNS, connect, response headers, body idle. A whole request gets twice that. */
  timeoutMs: number;
  concurrency: number;
  userAgent: string;
  /** Bytes read of any response body before it is cut off. */
  maxBodyBytes: number;
  maxRedirects: number;
}

export const DEFAULT_NETWORK: Omit<NetworkSettings, 'userAgent'> = {
  dnsServers: [],
  connectTo: [],
  timeoutMs: 5000,
  concurrency: 8,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 10,
};

/** Splits on ':' outside square brackets, so IPv6 addresses can be written `[::1]`. */
function splitColons(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of value) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function parsePort(value: string, what: string, input: string): number | null {
  if (value === '') return null;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError('LR_BAD_CONNECT_TO', `--connect-to "${input}": ${what} port "${value}" is not a port number (1-65535).`);
  }
  return port;
}

export function parseConnectTo(input: string): ConnectToRule {
  const parts = splitColons(input.trim());
  if (parts.length !== 4) {
    throw new UsageError(
      'LR_BAD_CONNECT_TO',
      `--connect-to "${input}": expected HOST:PORT:ADDR:PORT, e.g. "*.acme.test:443:127.0.0.1:8443" or "acme.test:443::8443" (empty ADDR keeps the DNS address).`,
    );
  }
  const [host, port, toHost, toPort] = parts;
  return {
    host: host.toLowerCase().replace(/\.$/, ''),
    port: parsePort(port, 'first', input),
    toHost: toHost.replace(/^\[(.*)\]$/, '$1'),
    toPort: parsePort(toPort, 'second', input),
  };
}

/** Validates `HOST:PORT` (IPv6 as `[::1]:53`) for --dns-server; port defaults to 53. */
export function parseDnsServer(input: string): string {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(input) ?? /^([^:]+)(?::(\d+))?$/.exec(input);
  if (!m || isIP(m[1]) === 0) {
    throw new UsageError('LR_BAD_DNS_SERVER', `--dns-server "${input}": expected an IP address with an optional port, e.g. 127.0.0.1:5353 or [::1]:53.`);
  }
  const port = m[2] ? parsePort(m[2], 'DNS', input) : 53;
  return isIP(m[1]) === 6 ? `[${m[1]}]:${port}` : `${m[1]}:${port}`;
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** The first rule matching host and port wins, as in curl. */
export function findConnectTo(rules: readonly ConnectToRule[], host: string, port: number): ConnectToRule | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  return rules.find((r) => hostMatches(r.host, name) && (r.port === null || r.port === port));
}

/** Parses "500ms", "5s", "2m" or a bare number of milliseconds. */
export function parseDuration(input: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(input.trim());
  if (!m) throw new UsageError('LR_BAD_DURATION', `${flag} "${input}": expected a duration such as 500ms, 5s or 2m.`);
  const n = Number(m[1]) * (m[2] === 's' ? 1000 : m[2] === 'm' ? 60000 : 1);
  if (n <= 0) throw new UsageError('LR_BAD_DURATION', `${flag} "${input}": must be greater than zero.`);
  return n;
}
