/**
 * Smoke results from what the collectors fetched: each declared route against its `expect`, and
 * each health endpoint with the state of every dependency it reports (a health endpoint that says
 * "ok" while naming its database "down" fails here).
 */
import { certificateRefusals } from '../analysis/certificate-refusal.js';
import { finalResponse, hostnameOf } from '../analysis/http-exchange.js';
import { parseJsonBody } from '../analysis/json-path.js';
import { chainFailure, expectationFailures } from '../analysis/route-expectation.js';
import type { HealthProbe, HostArtifact, RouteArtifact } from '../core/artifacts.js';
import type { RouteSpec } from '../core/plan.js';
import type { SmokeResult } from './record.js';

/** As `route.unreachable` judges routes: the chain, a certificate browsers refuse, then the route's `expect`. */
export function routeSmoke(specs: readonly RouteSpec[], routes: readonly RouteArtifact[], hosts: readonly HostArtifact[], now: string): SmokeResult[] {
  return specs.map((spec) => {
    const chain = routes.find((r) => r.name === spec.name)?.chain;
    const base = { kind: 'route' as const, name: spec.name, url: spec.url };
    if (!chain) return { ...base, ok: false, detail: 'not requested' };
    const totalMs = Math.round(chain.exchanges.reduce((sum, ex) => sum + ex.timings.totalMs, 0));
    const failure = chainFailure(chain);
    const final = finalResponse(chain);
    const tls = spec.url.startsWith('https:') ? hosts.find((h) => h.host === hostnameOf(spec.url))?.tls : undefined;
    const problems = [...(failure ? [failure] : final ? expectationFailures(spec, chain, final) : ['no response']), ...(tls ? certificateRefusals(tls, now) : [])];
    const first = chain.exchanges[0]?.status;
    return {
      ...base,
      ok: problems.length === 0,
      detail: problems.length > 0 ? problems.join('; ') : `${first}${final && final !== chain.exchanges[0] ? ` -> ${final.status}` : ''}`,
      totalMs,
    };
  });
}

const BAD_STATE = /^(down|fail(ed|ing|ure)?|error|unhealthy|degraded|critical|unavailable|outage|ko|false)$/i;
const CONTAINERS = ['checks', 'dependencies', 'services', 'components', 'details'];

function stateOf(entry: unknown): string | undefined {
  if (typeof entry === 'string' || typeof entry === 'boolean') return String(entry);
  if (Array.isArray(entry)) return entry.map(stateOf).find((s) => s !== undefined && BAD_STATE.test(s)) ?? stateOf(entry[0]);
  if (entry && typeof entry === 'object') {
    const o = entry as Record<string, unknown>;
    for (const key of ['status', 'state', 'health', 'healthy', 'ok', 'up']) if (key in o) return String(o[key]);
  }
  return undefined;
}

/** Each dependency the document reports, with its state as written (`database: ok`). */
export function dependencyStates(document: unknown): Array<{ name: string; state: string }> {
  if (!document || typeof document !== 'object') return [];
  const out: Array<{ name: string; state: string }> = [];
  for (const key of CONTAINERS) {
    const container = (document as Record<string, unknown>)[key];
    if (!container || typeof container !== 'object') continue;
    const entries = Array.isArray(container)
      ? container.map((e, i) => [String((e as Record<string, unknown>)?.name ?? `${key}[${i}]`), e] as const)
      : Object.entries(container as Record<string, unknown>);
    for (const [name, entry] of entries) {
      const state = stateOf(entry);
      if (state !== undefined) out.push({ name, state });
    }
  }
  return out;
}

export function healthSmoke(probes: readonly HealthProbe[]): SmokeResult[] {
  return probes.map(({ url, exchange: ex }) => {
    const base = { kind: 'health' as const, name: new URL(url).pathname, url, totalMs: Math.round(ex.timings.totalMs) };
    if (ex.error || ex.status === undefined) return { ...base, ok: false, detail: `${url}: ${ex.error?.code ?? 'no response'}` };
    if (ex.status >= 300) return { ...base, ok: false, detail: `${url}: status ${ex.status}` };
    const parsed = parseJsonBody(ex.body);
    const doc = parsed.ok ? parsed.value : undefined;
    const overall = stateOf(doc);
    const deps = dependencyStates(doc);
    const bad = deps.filter((d) => BAD_STATE.test(d.state));
    if (overall !== undefined && BAD_STATE.test(overall)) bad.unshift({ name: 'status', state: overall });
    const listed = deps.map((d) => `${d.name}: ${d.state}`).join(', ');
    if (bad.length > 0) return { ...base, ok: false, detail: `${url}: ${bad.map((d) => `${d.name} is ${d.state}`).join(', ')}` };
    return { ...base, ok: true, detail: `${ex.status}${listed ? ` (${listed})` : ' (no dependency states reported)'}` };
  });
}
