import type { ArtifactName, Artifacts } from '../core/artifacts.js';
import { collectAssets } from './assets.js';
import type { CollectContext } from './context.js';
import { collectCors } from './cors.js';
import { collectHealth } from './health.js';
import { collectHosts } from './hosts.js';
import { collectRoutes } from './routes.js';
import { collectVersions } from './versions.js';

/** Runs a collector; if it fails as a whole (a bug, not a target fault) the failure becomes data. */
async function guarded<T>(name: ArtifactName, artifacts: Artifacts, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    artifacts.errors = { ...artifacts.errors, [name]: `collector ${name} failed: ${(err as Error).message}` };
    return undefined;
  }
}

/** Every collector of the audit, concurrently where they don't depend on each other. */
export async function collectAll(ctx: CollectContext): Promise<Artifacts> {
  const artifacts: Artifacts = { plan: ctx.plan };
  const hostsWork = guarded('hosts', artifacts, () => collectHosts(ctx));
  const [hosts, routes, health, cors] = await Promise.all([
    hostsWork,
    guarded('routes', artifacts, () => collectRoutes(ctx)),
    guarded('health', artifacts, () => collectHealth(ctx)),
    guarded('cors', artifacts, () => collectCors(ctx)),
  ]);
  const [versions, assets] = hosts
    ? await Promise.all([guarded('versions', artifacts, () => collectVersions(ctx, hosts)), guarded('assets', artifacts, () => collectAssets(ctx, hosts))])
    : [undefined, undefined];
  if (hosts) artifacts.hosts = hosts;
  if (routes) artifacts.routes = routes;
  if (health) artifacts.health = health;
  if (cors) artifacts.cors = cors;
  if (versions) artifacts.versions = versions;
  if (assets) artifacts.assets = assets;
  if (!hosts) artifacts.errors = { ...artifacts.errors, versions: 'needs hosts', assets: 'needs hosts' };
  return artifacts;
}
