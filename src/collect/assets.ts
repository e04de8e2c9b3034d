import type { AssetProbe, HostArtifact } from '../core/artifacts.js';
import type { CollectContext } from './context.js';
import { pageResources } from './page-resources.js';

const MAX_ASSETS = 30;

/** Fetches the same-site scripts and stylesheets the hosts' home pages load, to judge caching and compression. */
export async function collectAssets(ctx: CollectContext, hosts: HostArtifact[]): Promise<AssetProbe[]> {
  const domain = ctx.plan.domain;
  const sameSite = (h: string) => h === domain || h.endsWith(`.${domain}`);
  const wanted = new Map<string, string>();
  for (const host of hosts) {
    const final = host.https?.exchanges.at(-1);
    if (!final?.status || final.status >= 300 || !/html/i.test(final.headers['content-type']?.[0] ?? '')) continue;
    for (const url of pageResources(final.body, final.url, sameSite)) if (!wanted.has(url)) wanted.set(url, final.url);
  }
  return Promise.all(
    [...wanted].slice(0, MAX_ASSETS).map(([url, pageUrl]) =>
      ctx.limit(async () => {
        ctx.progress.step(url, 'asset');
        return { pageUrl, url, exchange: await ctx.http.request(url) };
      }),
    ),
  );
}
