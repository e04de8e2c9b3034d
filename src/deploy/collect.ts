/**
 * The audit's own collectors, driven for one deploy target: full host probes (DNS, TLS, http and
 * https chains) for the target's hosts, version probes pinned to every address, the target's
 * routes and health endpoints, and the version endpoints of the other environments (for "staging
 * is ahead" notes), which need only their DNS.
 */
import { collectAssets } from '../collect/assets.js';
import { createContext, type Progress } from '../collect/context.js';
import { collectCors } from '../collect/cors.js';
import { collectHealth } from '../collect/health.js';
import { collectHosts } from '../collect/hosts.js';
import { collectRoutes } from '../collect/routes.js';
import { collectVersions } from '../collect/versions.js';
import type { ArtifactName, Artifacts, HostArtifact, VersionProbe } from '../core/artifacts.js';
import type { AuditPlan, EnvironmentSpec } from '../core/plan.js';
import type { NetworkSettings } from '../net/settings.js';
import { runChatSmoke } from './chat-smoke.js';
import type { SmokeResult } from './record.js';
import type { DeployTarget } from './target.js';

export interface DeployCollection {
  /** Artifacts of the target only, ready for the audit's checks. */
  artifacts: Artifacts;
  /** Version probes of the other environments. */
  otherVersions: VersionProbe[];
  chat: SmokeResult[];
}

async function guarded<T>(name: ArtifactName, errors: Partial<Record<ArtifactName, string>>, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    errors[name] = `collector ${name} failed: ${(err as Error).message}`;
    return undefined;
  }
}

export async function collectDeploy(plan: AuditPlan, target: DeployTarget, settings: NetworkSettings, progress: Progress): Promise<DeployCollection> {
  const others = plan.environments.filter((e) => e.name !== target.environment);
  const own: EnvironmentSpec = plan.environments.find((e) => e.name === target.environment && !target.baseUrl) ?? {
    name: target.environment,
    role: target.environment === 'staging' ? 'staging' : target.environment === 'production' ? 'production' : 'preview',
    hosts: target.hosts,
  };
  const targetEnv: EnvironmentSpec = { ...own, hosts: target.hosts };
  const deployPlan: AuditPlan = {
    ...plan,
    hosts: target.hosts.map((name) => ({ name, environment: target.environment, declared: true })),
    environments: [targetEnv, ...others],
    routes: target.routes,
    healthUrls: target.healthUrls,
  };
  const ctx = createContext(deployPlan, settings, progress);
  const errors: Partial<Record<ArtifactName, string>> = {};
  try {
    const [hosts, routes, health, cors, otherHosts, chat] = await Promise.all([
      guarded('hosts', errors, () => collectHosts(ctx)),
      guarded('routes', errors, () => collectRoutes(ctx)),
      guarded('health', errors, () => collectHealth(ctx)),
      guarded('cors', errors, () => collectCors(ctx)),
      Promise.all(
        others.flatMap((e) => e.hosts).map(async (host): Promise<HostArtifact> => ({ host, dns: await ctx.limit(() => ctx.dns.lookupHost(host)) })),
      ),
      target.chat ? runChatSmoke(ctx.http, target.chat) : Promise.resolve([]),
    ]);
    const [versions, assets] = hosts
      ? await Promise.all([guarded('versions', errors, () => collectVersions(ctx, [...hosts, ...otherHosts])), guarded('assets', errors, () => collectAssets(ctx, hosts))])
      : [undefined, undefined];
    const artifacts: Artifacts = { plan: { ...deployPlan, environments: [targetEnv] } };
    if (hosts) artifacts.hosts = hosts;
    if (routes) artifacts.routes = routes;
    if (health) artifacts.health = health;
    if (cors) artifacts.cors = cors;
    if (assets) artifacts.assets = assets;
    if (versions) artifacts.versions = versions.filter((v) => v.environment === target.environment);
    if (Object.keys(errors).length > 0) artifacts.errors = errors;
    return { artifacts, otherVersions: (versions ?? []).filter((v) => v.environment !== target.environment), chat };
  } finally {
    progress.done();
    await ctx.http.close();
  }
}
