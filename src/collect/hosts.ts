import type { HostArtifact } from '../core/artifacts.js';
import { probeTls } from '../net/tls-probe.js';
import type { CollectContext } from './context.js';

/** Per host: DNS, then the TLS handshake, https://host/ and http://host/ with redirects, and robots.txt. */
export async function collectHosts(ctx: CollectContext): Promise<HostArtifact[]> {
  return Promise.all(
    ctx.plan.hosts.map(async (planned) => {
      const name = planned.name;
      ctx.progress.step(name, 'dns');
      const dns = await ctx.limit(() => ctx.dns.lookupHost(name));
      const artifact: HostArtifact = { host: name, dns };
      if (planned.environment) artifact.environment = planned.environment;
      if (dns.status !== 'ok') return artifact;
      const [tls, https, http, robots] = await Promise.all([
        ctx.limit(() => {
          ctx.progress.step(name, 'tls');
          return probeTls(ctx.dns, ctx.settings, name);
        }),
        ctx.limit(() => {
          ctx.progress.step(name, 'https');
          return ctx.http.follow(`https://${name}/`, { headers: { accept: 'text/html,*/*;q=0.8' } });
        }),
        ctx.limit(() => {
          ctx.progress.step(name, 'http');
          return ctx.http.follow(`http://${name}/`, { headers: { accept: 'text/html,*/*;q=0.8' } });
        }),
        ctx.limit(() => ctx.http.request(`https://${name}/robots.txt`)),
      ]);
      return { ...artifact, tls, https, http, robots };
    }),
  );
}
