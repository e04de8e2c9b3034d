/**
 * HTTP(S) monitor: one request through the project's HttpClient (timeouts, byte cap, manual
 * redirects, --connect-to), redirects followed unless the monitor says not to. The condition sees
 * the final response; `redirects` and `url` tell how it got there.
 */
import type { HttpExchange } from '../../core/artifacts.js';
import type { HttpTarget } from '../model.js';
import type { CheckNetwork } from './network.js';
import { lazyJson, readSegments, type Observation } from './observation.js';

/** The condition's view of a final response (chatbot monitors add `reply`). */
export function httpValues(exchanges: HttpExchange[], outcomeError: string): { lookup: (root: string, segments: ReadonlyArray<string | number>) => unknown; json: () => unknown } {
  const final = exchanges[exchanges.length - 1];
  const json = lazyJson(() => final.body);
  const latency = exchanges.reduce((sum, e) => sum + e.timings.totalMs, 0);
  const lookup = (root: string, segments: ReadonlyArray<string | number>): unknown => {
    switch (root) {
      case 'status':
        return final.status;
      case 'body':
        return final.status === undefined ? undefined : final.body;
      case 'latency':
        return latency;
      case 'ttfb':
        return final.timings.ttfbMs;
      case 'size':
        return final.bodyBytes;
      case 'header':
        return final.headers[String(segments[0]).toLowerCase()]?.[0];
      case 'json':
        return readSegments(json(), segments);
      case 'redirects':
        return exchanges.length - 1;
      case 'url':
        return final.url;
      case 'error':
        return final.error?.code ?? outcomeError;
      default:
        return undefined;
    }
  };
  return { lookup, json };
}

export function describeExchange(final: HttpExchange, outcome: string, latencyMs: number): string {
  if (final.status === undefined) return `${final.method} ${final.url}: ${final.error?.message ?? 'no response'}`;
  const extra = outcome !== 'ok' ? ` (${outcome})` : final.error ? ` (${final.error.code})` : '';
  return `${final.status} from ${final.method} ${final.url} in ${Math.round(latencyMs)} ms${extra}`;
}

export async function probeHttp(target: HttpTarget, net: CheckNetwork): Promise<Observation> {
  const opts = { method: target.method, headers: target.headers, body: target.body };
  const chain = target.followRedirects ? await net.http.follow(target.url, opts) : { exchanges: [await net.http.request(target.url, opts)], outcome: 'ok' as const };
  const final = chain.exchanges[chain.exchanges.length - 1];
  const outcomeError = chain.outcome === 'ok' ? '' : chain.outcome;
  const { lookup } = httpValues(chain.exchanges, outcomeError);
  const latencyMs = lookup('latency', []) as number;
  const error = final.error ?? (outcomeError ? { code: outcomeError, message: `redirects: ${outcomeError}` } : undefined);
  const obs: Observation = { latencyMs, values: lookup, detail: describeExchange(final, chain.outcome, latencyMs) };
  if (final.status !== undefined) obs.status = final.status;
  if (error) obs.error = error;
  return obs;
}
