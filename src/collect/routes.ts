import type { RouteArtifact } from '../core/artifacts.js';
import type { CollectContext } from './context.js';

/** Each declared route, requested as declared (method, headers, body), redirects followed. */
export async function collectRoutes(ctx: CollectContext): Promise<RouteArtifact[]> {
  return Promise.all(
    ctx.plan.routes.map((route) =>
      ctx.limit(async () => {
        ctx.progress.step(route.url, `route ${route.name}`);
        const headers = route.method === 'GET' && !route.headers.accept ? { accept: 'text/html,*/*;q=0.8', ...route.headers } : route.headers;
        const chain = await ctx.http.follow(route.url, { method: route.method, headers, body: route.body });
        return { name: route.name, chain };
      }),
    ),
  );
}
