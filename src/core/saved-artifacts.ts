import type { Artifacts, HttpExchange } from './artifacts.js';
import { maskSecrets } from '../secrets/mask.js';
import { redact } from '../secrets/redact.js';

function redactCookie(setCookie: string): string {
  const eq = setCookie.indexOf('=');
  if (eq < 0) return setCookie;
  const end = setCookie.indexOf(';', eq);
  const value = setCookie.slice(eq + 1, end < 0 ? undefined : end);
  return `${setCookie.slice(0, eq + 1)}${value ? redact(value) : ''}${end < 0 ? '' : setCookie.slice(end)}`;
}

/** Redacts every `headers` value and request body under a plan section, wherever it sits. */
function redactRequests(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(redactRequests);
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'headers' && value && typeof value === 'object') {
      const headers = value as Record<string, string>;
      for (const name of Object.keys(headers)) headers[name] = redact(headers[name]);
    } else if ((key === 'body' || key === 'bodyTemplate') && typeof value === 'string') obj[key] = redact(value);
    // What a response must contain is no secret, and replay needs it verbatim.
    else if (key !== 'expect') redactRequests(value);
  }
}

/**
 * Artifacts as written by `--save-artifacts`: everything the checks need to replay, minus what
 * would hand over a session or a credential — request headers and bodies of the plan (they may
 * carry `${ENV}` secrets the config resolved), cookie values the target set, and secrets in the
 * response bodies kept (a bundle that ships a key; masked in place, issue 3).
 */
export function artifactsForSaving(artifacts: Artifacts): Artifacts {
  const copy = structuredClone(artifacts);
  redactRequests(copy.plan.routes);
  redactRequests(copy.plan.stages);
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
    ex.body = maskSecrets(ex.body, ex.url);
  }
  return copy;
}
