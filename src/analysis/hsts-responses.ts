/** The responses of a host that must carry Strict-Transport-Security, and how to quote them. */
import type { HostArtifact, HttpExchange } from '../core/artifacts.js';
import { ownResponses } from './host-responses.js';
import { isHttps } from './redirect-chain.js';

/**
 * The host's own https answers with a 2xx or 3xx: its redirect to the canonical host must carry
 * HSTS as much as its pages (a browser only learns the policy from a response of that host, and
 * hstspreload.org checks the redirect too). Responses over http are ignored (RFC 6797 §8.1).
 */
export function hstsResponses(host: HostArtifact): HttpExchange[] {
  return ownResponses(host).filter((ex) => isHttps(ex.url) && ex.status !== undefined && ex.status >= 200 && ex.status < 400);
}

/** `GET https://a/ -> 301 (Location: https://b/)` or `GET https://a/ -> 200`. */
export function describeResponse(ex: HttpExchange): string {
  const location = ex.headers.location?.[0];
  return `${ex.method} ${ex.url} -> ${ex.status}${location !== undefined ? ` (Location: ${location})` : ''}`;
}
