/**
 * The audit's collectors for the secrets stage: the deployed frontend of every audited host (wired
 * after the hosts collector) and of the config's `secrets.urls`, and the project folders a config
 * names in `secrets.paths`.
 */
import { relative } from 'node:path';
import type { CollectContext } from '../collect/context.js';
import type { HostArtifact } from '../core/artifacts.js';
import { buildInventory } from '../envinv/inventory.js';
import type { EnvInventory } from '../envinv/types.js';
import { HttpClient } from '../net/http-client.js';
import type { FrontendSecretScan, HistorySecretScan, RepoSecretScan } from './artifact.js';
import { scanFrontend, scanRepository } from './scan.js';
import { sameSiteAs, sameSiteAsUrl } from './same-site.js';
import { CRAWL_DEFAULTS } from './sources/frontend.js';
import { readIgnoreFile } from './suppression.js';

/** Bundles and source maps routinely pass the audit's 1 MiB body cap; a cut bundle hides its tail. */
export const FRONTEND_BODY_CAP = 16 * 1024 * 1024;

/**
 * One crawl over the audited hosts and the config's `secrets.urls`: each start page and origin
 * once, the same page and asset caps as for the hosts alone, the run's network settings. A
 * configured URL on another site (a preview deployment, a CDN) brings its site into the crawl.
 */
export async function collectFrontendSecrets(ctx: CollectContext, hosts: HostArtifact[]): Promise<FrontendSecretScan> {
  const configured = (ctx.plan.stages?.frontendUrls ?? []).map((u) => new URL(u));
  const sites = [sameSiteAs(ctx.plan.domain), ...configured.map(sameSiteAsUrl)];
  const isSameSite = (host: string) => sites.some((same) => same(host));
  const startUrls = new Set<string>();
  const origins = new Set<string>();
  for (const host of hosts) {
    const final = host.https?.exchanges.at(-1);
    if (final?.status === undefined) continue;
    origins.add(`https://${host.host}`);
    const finalHost = new URL(final.url).hostname;
    if (final.status >= 200 && final.status < 300 && isSameSite(finalHost)) startUrls.add(final.url);
  }
  for (const url of configured) {
    startUrls.add(url.toString());
    origins.add(url.origin);
  }
  const ignoreFile = ctx.plan.stages?.project?.ignoreFile;
  const suppression = { ignore: ignoreFile ? await readIgnoreFile(ignoreFile) : new Set<string>(), baseline: new Set<string>() };
  const http = new HttpClient({ ...ctx.settings, maxBodyBytes: FRONTEND_BODY_CAP }, ctx.dns);
  try {
    return await scanFrontend(http, { ...CRAWL_DEFAULTS, startUrls: [...startUrls], origins: [...origins], isSameSite, limit: ctx.limit, progress: ctx.progress, suppression });
  } finally {
    await http.close();
  }
}

export interface ProjectSpec {
  /** Absolute folders (the config's `secrets.paths`, resolved against its folder). */
  paths: string[];
  history: boolean;
  /** Absolute path of the ignore file. */
  ignoreFile: string;
}

/**
 * The repository side for the audit: working tree, history when asked, and the env inventory of the
 * first folder. Locations read relative to that folder, as the history's and the inventory's do.
 */
export async function collectProjectSecrets(spec: ProjectSpec): Promise<{ repoSecrets: RepoSecretScan; historySecrets?: HistorySecretScan; envInventory: EnvInventory }> {
  const suppression = { ignore: await readIgnoreFile(spec.ignoreFile), baseline: new Set<string>() };
  const base = spec.paths[0];
  const paths = spec.paths.map((p) => relative(base, p) || '.');
  const { repo, history } = await scanRepository({ paths, cwd: base, history: spec.history, suppression });
  const envInventory = await buildInventory(spec.paths[0], spec.paths[0]);
  return { repoSecrets: repo, ...(history ? { historySecrets: history } : {}), envInventory };
}
