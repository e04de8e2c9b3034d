/**
 * DNS monitor: the live records against the desired state of the DNS diff feature (dns.desired),
 * through its own collector and diff, so a record edited by hand or a hijack shows as drift.
 */
import { collectDnsState } from '../../dnsdiff/collect.js';
import { dataChanges, planChanges } from '../../dnsdiff/diff.js';
import { describeChange } from '../../dnsdiff/render-plan.js';
import type { CheckNetwork } from './network.js';
import type { Observation } from './observation.js';
import { siteContext, type SiteFacts } from './site.js';

export async function probeDnsDrift(site: SiteFacts, net: CheckNetwork, now: number): Promise<Observation> {
  const started = performance.now();
  try {
    const state = await collectDnsState(siteContext(site, net, now), { desiredFile: site.desiredDnsFile });
    const changes = dataChanges(planChanges(state));
    const latencyMs = Math.round(performance.now() - started);
    const lookup = (root: string): unknown => (root === 'changes' ? changes.length : root === 'unknown' ? state.failures.length : root === 'latency' ? latencyMs : root === 'error' ? '' : undefined);
    const shown = changes.slice(0, 3).map(describeChange).join('; ');
    const detail = changes.length === 0 ? `${state.desired.length} record sets match ${site.desiredDnsFile}${state.failures.length ? `; ${state.failures.length} lookups failed` : ''}` : `${changes.length} record sets drifted: ${shown}${changes.length > 3 ? '; …' : ''}`;
    return { latencyMs, values: lookup, detail };
  } catch (err) {
    const latencyMs = Math.round(performance.now() - started);
    const error = { code: (err as { code?: string }).code ?? 'dns-error', message: (err as Error).message };
    return { latencyMs, values: (root) => (root === 'latency' ? latencyMs : root === 'error' ? error.code : undefined), detail: error.message, error };
  }
}
