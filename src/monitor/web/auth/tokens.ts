/**
 * Random secrets of the web layer: session ids, CSRF tokens, API tokens. Only their SHA-256 is
 * stored, so a copy of monitor.db lets nobody log in or call the API.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** API tokens are recognisable in logs and by secret scanners. */
export const API_TOKEN_PREFIX = 'lrm_';

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomToken()}`;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A heartbeat monitor's push token: derived from the instance secret, so it survives restarts. */
export function pushToken(instanceSecret: string, monitorId: string): string {
  return createHmac('sha256', instanceSecret).update(`push:${monitorId}`).digest('base64url').slice(0, 24);
}
