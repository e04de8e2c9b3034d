import type { ArtifactName, Artifacts, CollectedArtifacts } from '../core/artifacts.js';
import { collectDnsState } from '../dnsdiff/collect.js';
import { collectEmail } from '../email/collect.js';
import { collectFrontendSecrets, collectProjectSecrets } from '../secrets/collect.js';
import { collectChatbot } from '../eval/audit/collect.js';
import { collectPerformance } from '../latency/audit/collect.js';
import { collectAssets } from './assets.js';
import type { CollectContext } from './context.js';
import { collectCors } from './cors.js';
import { collectHealth } from './health.js';
import { collectHosts } from './hosts.js';
import { collectRoutes } from './routes.js';
import { collectVersions } from './versions.js';

/** Thrown by a collector whose stage the config does not set up: its checks show as not checked, with this reason. */
export class NotConfigured extends Error {}

/** Runs a collector; if it fails as a whole (a bug, not a target fault) the failure becomes data. */
async function guarded<N extends ArtifactName>(name: N, artifacts: Artifacts, work: () => Promise<CollectedArtifacts[N]>): Promise<void> {
  try {
    artifacts[name] = (await work()) as Artifacts[N];
  } catch (err) {
    const why = err instanceof NotConfigured ? `not checked: ${err.message}` : `collector ${name} failed: ${(err as Error).message}`;
    artifacts.errors = { ...artifacts.errors, [name]: why };
  }
}

/** Every collector of the audit, concurrently where they don't depend on each other. */
export async function collectAll(ctx: CollectContext): Promise<Artifacts> {
  const artifacts: Artifacts = { plan: ctx.plan };
  const stages = ctx.plan.stages ?? {};
  await Promise.all([
    (async () => {
      await guarded('hosts', artifacts, () => collectHosts(ctx));
      const hosts = artifacts.hosts;
      if (!hosts) {
        artifacts.errors = { ...artifacts.errors, versions: 'needs hosts', assets: 'needs hosts', frontendSecrets: 'needs hosts' };
        return;
      }
      await Promise.all([
        guarded('versions', artifacts, () => collectVersions(ctx, hosts)),
        guarded('assets', artifacts, () => collectAssets(ctx, hosts)),
        guarded('frontendSecrets', artifacts, () => collectFrontendSecrets(ctx, hosts)),
      ]);
    })(),
    guarded('routes', artifacts, () => collectRoutes(ctx)),
    (async () => {
      const project = stages.project;
      if (!project) {
        const why = 'not checked: no `secrets:` section naming the project folders (run `launch-ready secrets PATH`)';
        artifacts.errors = { ...artifacts.errors, repoSecrets: why, historySecrets: why, envInventory: why };
        return;
      }
      try {
        const found = await collectProjectSecrets(project);
        artifacts.repoSecrets = found.repoSecrets;
        artifacts.envInventory = found.envInventory;
        if (found.historySecrets) artifacts.historySecrets = found.historySecrets;
        else artifacts.errors = { ...artifacts.errors, historySecrets: 'not checked: `secrets.history` is off' };
      } catch (err) {
        const why = `collector secrets failed: ${(err as Error).message}`;
        artifacts.errors = { ...artifacts.errors, repoSecrets: why, historySecrets: why, envInventory: why };
      }
    })(),
    collectPerformance(ctx, stages.performance, artifacts),
    guarded('health', artifacts, () => collectHealth(ctx)),
    guarded('cors', artifacts, () => collectCors(ctx)),
    guarded('email', artifacts, async () => {
      if (!stages.email) throw new NotConfigured('no email domain');
      return collectEmail(ctx, stages.email);
    }),
    guarded('chatbot', artifacts, async () => {
      if (!stages.chatbot) throw new NotConfigured('no chatbot section (chatbot.endpoint in launch-ready.yaml)');
      return collectChatbot(ctx, stages.chatbot);
    }),
    guarded('dnsState', artifacts, async () => {
      if (!stages.dnsDesiredFile) throw new NotConfigured('no desired DNS state (`dns.desired` in launch-ready.yaml; `launch-ready dns snapshot` writes one)');
      return collectDnsState(ctx, { desiredFile: stages.dnsDesiredFile });
    }),
  ]);
  return artifacts;
}
