import type { HostArtifact, VersionProbe } from '../core/artifacts.js';
import type { VersionEndpointSpec } from '../core/plan.js';
import type { CollectContext } from './context.js';
import { jsonField, parseJson } from './json-field.js';

/** Paths tried when the config names no version endpoint. */
export const VERSION_PATHS = ['/api/version', '/version', '/version.json', '/__version', '/api/build'];
const DEFAULT_FIELDS = { versionField: 'version', commitField: 'commit', environmentField: 'environment' };

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/**
 * Asks every address of every host of every environment which version it runs, pinning the
 * connection to that address: one stale node behind a name shows up only this way.
 */
export async function collectVersions(ctx: CollectContext, hosts: HostArtifact[]): Promise<VersionProbe[]> {
  const spec = ctx.plan.version ?? (await discoverVersionEndpoint(ctx, hosts));
  if (!spec) return [];
  const jobs: Array<Promise<VersionProbe>> = [];
  for (const env of ctx.plan.environments) {
    for (const name of env.hosts) {
      const host = hosts.find((h) => h.host === name);
      if (!host || host.dns.status !== 'ok') continue;
      for (const address of [...host.dns.a, ...host.dns.aaaa]) {
        jobs.push(
          ctx.limit(async () => {
            ctx.progress.step(name, `version @ ${address}`);
            const url = `https://${name}${spec.path}`;
            const exchange = await ctx.http.request(url, { pinAddress: address, headers: { accept: 'application/json' } });
            const json = exchange.status && exchange.status < 300 ? parseJson(exchange.body) : undefined;
            const probe: VersionProbe = { environment: env.name, host: name, address, url, exchange };
            const version = text(jsonField(json, spec.versionField));
            const commit = text(jsonField(json, spec.commitField));
            const reported = text(jsonField(json, spec.environmentField));
            if (version) probe.version = version;
            if (commit) probe.commit = commit;
            if (reported) probe.reportedEnvironment = reported;
            return probe;
          }),
        );
      }
    }
  }
  return Promise.all(jobs);
}

async function discoverVersionEndpoint(ctx: CollectContext, hosts: HostArtifact[]): Promise<VersionEndpointSpec | undefined> {
  const host = hosts.find((h) => h.dns.status === 'ok' && h.host === new URL(ctx.plan.canonicalUrl).hostname) ?? hosts.find((h) => h.dns.status === 'ok');
  if (!host) return undefined;
  for (const path of VERSION_PATHS) {
    const ex = await ctx.limit(() => ctx.http.request(`https://${host.host}${path}`, { headers: { accept: 'application/json' } }));
    const json = ex.status === 200 ? parseJson(ex.body) : undefined;
    if (json && (jsonField(json, 'version') !== undefined || jsonField(json, 'commit') !== undefined)) return { path, ...DEFAULT_FIELDS };
  }
  return undefined;
}
