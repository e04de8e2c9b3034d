/** Cache-Control reading per RFC 9111 §5.2, for the caching checks. */
import type { HttpExchange } from '../core/artifacts.js';
import { headerValue } from './http-exchange.js';

/** Directive name (lower-cased) -> argument, or `true` for a bare directive. */
export type CacheDirectives = Map<string, string | true>;

export function parseCacheControl(value: string | undefined): CacheDirectives {
  const directives: CacheDirectives = new Map();
  // Arguments may be quoted strings that contain commas (`no-cache="set-cookie, x-id"`).
  for (const m of (value ?? '').matchAll(/([^=,\s]+)(?:\s*=\s*(?:"([^"]*)"|([^,]*)))?/g)) {
    const name = m[1].toLowerCase();
    if (!directives.has(name)) directives.set(name, m[2] ?? m[3]?.trim() ?? true);
  }
  return directives;
}

function seconds(directives: CacheDirectives, name: string): number | undefined {
  const v = directives.get(name);
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Expires minus Date (or the audit's clock when Date is absent), in seconds. */
function expiresLifetime(ex: HttpExchange, now: string): number | undefined {
  const expires = Date.parse(headerValue(ex, 'expires') ?? '');
  if (Number.isNaN(expires)) return undefined;
  const date = Date.parse(headerValue(ex, 'date') ?? '');
  return Math.floor((expires - (Number.isNaN(date) ? Date.parse(now) : date)) / 1000);
}

function sharedCacheReason(header: string, value: string | undefined, ex: HttpExchange, now: string): string | undefined {
  if (value === undefined && header !== 'Cache-Control') return undefined;
  const d = parseCacheControl(value);
  if (d.has('no-store') || d.has('private')) return undefined;
  const shown = `${header}: ${value ?? '(absent)'}`;
  if (d.has('public')) return shown;
  if ((seconds(d, 's-maxage') ?? 0) > 0 || (seconds(d, 'max-age') ?? 0) > 0) return shown;
  // Without max-age, Expires still grants freshness (RFC 9111 §5.3).
  if (header === 'Cache-Control' && seconds(d, 'max-age') === undefined && (expiresLifetime(ex, now) ?? 0) > 0) {
    return `${shown}, Expires: ${headerValue(ex, 'expires')}`;
  }
  return undefined;
}

/**
 * Why a shared cache (CDN, proxy) may store this response and serve it to someone else, or
 * undefined when it may not. CDN-Cache-Control (RFC 9213) is read too: CDNs obey it over Cache-Control.
 */
export function publiclyCacheable(ex: HttpExchange, now: string): string | undefined {
  return (
    sharedCacheReason('Cache-Control', headerValue(ex, 'cache-control'), ex, now) ??
    sharedCacheReason('CDN-Cache-Control', headerValue(ex, 'cdn-cache-control'), ex, now)
  );
}

/** How long a browser may reuse the response without asking again, in seconds (0 when it must revalidate). */
export function browserLifetime(ex: HttpExchange, now: string): number {
  const d = parseCacheControl(headerValue(ex, 'cache-control'));
  if (d.has('no-store') || d.has('no-cache')) return 0;
  return seconds(d, 'max-age') ?? Math.max(0, expiresLifetime(ex, now) ?? 0);
}
