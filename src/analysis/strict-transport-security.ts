/** Strict-Transport-Security parsing as a browser does it (RFC 6797 §6.1, §8.1). */
import type { HttpExchange } from '../core/artifacts.js';
import { headerValues } from './http-exchange.js';

export interface StsPolicy {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

export type StsParse = { ok: true; policy: StsPolicy } | { ok: false; reason: string };

/** One year: the floor hstspreload.org sets and the common recommendation. */
export const HSTS_MIN_MAX_AGE = 31536000;

// RFC 9110 §5.6.2 token characters.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Splits on `;` outside quoted strings (a quoted-string value may contain `;`). */
function splitDirectives(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted && c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** `token` or `quoted-string` (RFC 6797 §6.1: directive-value); undefined when it is neither. */
function directiveValue(raw: string): string | undefined {
  if (TOKEN.test(raw)) return raw;
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  return quoted ? quoted[1].replace(/\\(.)/g, '$1') : undefined;
}

/**
 * Parses one header field value. Directive names are case-insensitive and order does not matter;
 * a malformed directive or a repeated one makes browsers ignore the whole header, and max-age is
 * required (RFC 6797 §6.1, §6.1.1). Unknown directives are ignored; `preload` is the
 * hstspreload.org convention, not part of the RFC.
 */
export function parseStrictTransportSecurity(value: string): StsParse {
  const seen = new Set<string>();
  let maxAge: number | undefined;
  let includeSubDomains = false;
  let preload = false;
  for (const part of splitDirectives(value)) {
    const directive = part.trim();
    if (directive === '') continue;
    const eq = directive.indexOf('=');
    const name = (eq < 0 ? directive : directive.slice(0, eq)).trim();
    const raw = eq < 0 ? undefined : directive.slice(eq + 1).trim();
    if (!TOKEN.test(name)) return { ok: false, reason: `malformed directive "${directive}"` };
    const key = name.toLowerCase();
    if (seen.has(key)) return { ok: false, reason: `directive ${name} appears twice` };
    seen.add(key);
    const parsed = raw === undefined ? undefined : directiveValue(raw);
    if (raw !== undefined && parsed === undefined) return { ok: false, reason: `malformed value in "${directive}"` };
    if (key === 'max-age') {
      if (parsed === undefined || !/^\d+$/.test(parsed)) return { ok: false, reason: `max-age is not a number of seconds ("${directive}")` };
      maxAge = Number(parsed);
    } else if (key === 'includesubdomains') {
      if (raw !== undefined) return { ok: false, reason: `includeSubDomains takes no value ("${directive}")` };
      includeSubDomains = true;
    } else if (key === 'preload') {
      preload = true;
    }
  }
  if (maxAge === undefined) return { ok: false, reason: 'no max-age directive' };
  return { ok: true, policy: { maxAge, includeSubDomains, preload } };
}

/** The STS header fields of a response, in order; a browser processes only the first (RFC 6797 §8.1). */
export function stsHeaders(ex: HttpExchange): string[] {
  return headerValues(ex, 'strict-transport-security');
}
