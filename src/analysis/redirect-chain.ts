/** Reading a recorded redirect chain: its hops, and a one-line rendering a user can replay with curl. */
import type { HttpExchange, RedirectChain } from '../core/artifacts.js';
import { hostnameOf } from './http-exchange.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** One redirect: the request URL, the status, and where its Location points (resolved, fragment dropped). */
export interface RedirectHop {
  from: string;
  status: number;
  to: string;
}

/** Where a redirect response sends the client, resolved as the collector did (RFC 9110 §10.2.2). */
export function redirectTarget(ex: HttpExchange): string | undefined {
  const location = ex.headers.location?.[0];
  if (ex.status === undefined || !REDIRECT_STATUSES.has(ex.status) || location === undefined) return undefined;
  try {
    const next = new URL(location, ex.url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return undefined;
    next.hash = '';
    return next.toString();
  } catch {
    return undefined;
  }
}

/** Every redirect the chain followed, including the last one of a loop (whose target was already visited). */
export function redirectHops(chain: RedirectChain): RedirectHop[] {
  const hops: RedirectHop[] = [];
  for (const ex of chain.exchanges) {
    const to = redirectTarget(ex);
    if (to !== undefined) hops.push({ from: ex.url, status: ex.status as number, to });
  }
  return hops;
}

export function isHttps(url: string): boolean {
  return url.startsWith('https:');
}

/** http://h/... -> https://h/...: the upgrade hstspreload.org requires before any other redirect. */
export function isHttpsUpgrade(hop: RedirectHop): boolean {
  return hop.from.startsWith('http:') && isHttps(hop.to) && hostnameOf(hop.from) === hostnameOf(hop.to);
}

/** `http://a/ -> 301 -> https://a/ -> 200`, ending with how the chain stopped when it did not get an answer. */
export function describeChain(chain: RedirectChain): string {
  const parts: string[] = [];
  for (const ex of chain.exchanges) {
    parts.push(ex.url);
    parts.push(ex.status !== undefined ? String(ex.status) : `failed (${ex.error?.code ?? 'no response'})`);
  }
  const lastTarget = chain.exchanges.length > 0 ? redirectTarget(chain.exchanges[chain.exchanges.length - 1]) : undefined;
  if (chain.outcome === 'loop' && lastTarget) parts.push(`${lastTarget} (loop)`);
  if (chain.outcome === 'too-many-redirects' && lastTarget) parts.push(`${lastTarget} (gave up after ${chain.exchanges.length} redirects)`);
  if (chain.outcome === 'bad-location') parts.push(`invalid Location ${JSON.stringify(chain.exchanges.at(-1)?.headers.location?.[0] ?? '')}`);
  return parts.join(' -> ');
}
