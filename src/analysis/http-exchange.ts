/** Small readers over a recorded HTTP exchange, shared by the checks that judge responses. */
import type { HttpExchange, RedirectChain } from '../core/artifacts.js';

/** Every value of a header, in order (names are stored lower-cased). */
export function headerValues(ex: HttpExchange, name: string): string[] {
  return ex.headers[name.toLowerCase()] ?? [];
}

/** A header's field value; repeated fields combine with ", " (RFC 9110 §5.3). Not for Set-Cookie. */
export function headerValue(ex: HttpExchange, name: string): string | undefined {
  const values = headerValues(ex, name);
  return values.length > 0 ? values.join(', ') : undefined;
}

/** The response a chain ended on, when it got one (a failed request has no status). */
export function finalResponse(chain: RedirectChain | undefined): HttpExchange | undefined {
  const last = chain?.exchanges.at(-1);
  return last?.status !== undefined ? last : undefined;
}

/** `text/html` from `Text/HTML; charset=utf-8`; empty when absent. */
export function mediaType(ex: HttpExchange): string {
  return (headerValue(ex, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
}

export function isSuccess(ex: HttpExchange): boolean {
  return ex.status !== undefined && ex.status >= 200 && ex.status < 300;
}

export function isHtml(ex: HttpExchange): boolean {
  return mediaType(ex) === 'text/html';
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
