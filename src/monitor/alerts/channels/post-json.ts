/** POSTs JSON to a webhook with a deadline; the response body is read (capped) only to explain a refusal. */
import { request } from 'undici';
import { DeliveryError } from './channel.js';

export async function postJson(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<void> {
  let res;
  try {
    res = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal, headersTimeout: 10_000, bodyTimeout: 10_000 });
  } catch (err) {
    const e = err as Error & { code?: string };
    throw new DeliveryError(`${e.code ?? e.name}: ${e.message}`.slice(0, 300));
  }
  const text = (await res.body.text().catch(() => '')).slice(0, 200);
  if (res.statusCode < 200 || res.statusCode >= 300) throw new DeliveryError(`HTTP ${res.statusCode}${text ? `: ${text}` : ''}`);
}
