import type { Artifacts, HttpExchange } from './artifacts.js';
import { redact } from '../secrets/redact.js';

function redactCookie(setCookie: string): string {
  const eq = setCookie.indexOf('=');
  if (eq < 0) return setCookie;
  const end = setCookie.indexOf(';', eq);
  const value = setCookie.slice(eq + 1, end < 0 ? undefined : end);
  return `${setCookie.slice(0, eq + 1)}${value ? redact(value) : ''}${end < 0 ? '' : setCookie.slice(end)}`;
}

/**
 * Artifacts as written by `--save-artifacts`: everything the checks need to replay, minus what
 * would hand over a session or a credential — route headers and bodies (they may carry `${ENV}`
 * secrets the config resolved) and cookie values the target set.
 */
export function artifactsForSaving(artifacts: Artifacts): Artifacts {
  const copy = structuredClone(artifacts);
  for (const route of copy.plan.routes) {
    for (const name of Object.keys(route.headers)) route.headers[name] = redact(route.headers[name]);
    if (route.body !== undefined) route.body = redact(route.body);
  }
  const exchanges: HttpExchange[] = [
    ...(copy.hosts ?? []).flatMap((h) => [...(h.https?.exchanges ?? []), ...(h.http?.exchanges ?? []), ...(h.robots ? [h.robots] : [])]),
    ...(copy.routes ?? []).flatMap((r) => r.chain.exchanges),
    ...(copy.versions ?? []).map((v) => v.exchange),
    ...(copy.health ?? []).map((h) => h.exchange),
    ...(copy.assets ?? []).map((a) => a.exchange),
    ...(copy.cors ?? []).map((c) => c.exchange),
  ];
  for (const ex of exchanges) {
    if (ex.headers['set-cookie']) ex.headers['set-cookie'] = ex.headers['set-cookie'].map(redactCookie);
  }
  return copy;
}
