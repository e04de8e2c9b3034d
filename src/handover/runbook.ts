/**
 * The runbook: how to deploy, verify and roll back, with the exact commands. Deploy and rollback
 * steps follow the platform detected for production (or the config's `handover.platform`), and the
 * team's own `handover.runbook` steps replace them when given.
 */
import { lastGood } from '../deploy/log.js';
import { addressVersion, versionLabel } from '../deploy/versions.js';
import { item, type HandoverDocument, type Section, type Step } from './document.js';
import type { HandoverFacts } from './gather.js';
import { GUIDES, type Platform } from './platform.js';
import { platformsByHost } from './sections-infrastructure.js';

function productionPlatforms(f: HandoverFacts): { platforms: Platform[]; section: Section } {
  const production = f.plan.environments.find((e) => e.role === 'production');
  const rows = platformsByHost(f).filter((p) => !production || production.hosts.includes(p.host));
  const hostsBy = new Map<Platform, string[]>();
  const declared = new Set<Platform>();
  for (const r of rows) {
    if (!r.detection) continue;
    hostsBy.set(r.detection.platform, [...(hostsBy.get(r.detection.platform) ?? []), r.host]);
    if (r.detection.via === 'config') declared.add(r.detection.platform);
  }
  const unknown = rows.filter((r) => !r.detection).map((r) => r.host);
  const items = [...hostsBy].map(([p, hosts]) => item(GUIDES[p].name, hosts.join(', '), declared.has(p) ? 'declared' : 'verified'));
  if (unknown.length > 0) items.push(item('Not recognised', `${unknown.join(', ')}: set handover.platform in launch-ready.yaml`, 'unknown', true));
  return { platforms: [...hostsBy.keys()], section: { id: 'platforms', title: 'Where production runs', items } };
}

function platformSteps(platforms: Platform[], pick: 'deploy' | 'rollback', own: string[] | undefined): Step[] {
  if (own) return own.map((text) => ({ text }));
  if (platforms.length === 0) return [{ text: `No platform recognised: write your ${pick} steps in handover.runbook.${pick} of launch-ready.yaml.` }];
  return platforms.flatMap((p) => GUIDES[p][pick].map((text) => ({ text: platforms.length > 1 ? `${GUIDES[p].name}: ${text}` : text }))).concat(platforms.map((p) => ({ text: `Reference for ${GUIDES[p].name}: ${GUIDES[p].docs}` })));
}

export function buildRunbook(f: HandoverFacts, configPath: string): HandoverDocument {
  const { platforms, section: where } = productionPlatforms(f);
  const production = f.plan.environments.find((e) => e.role === 'production')?.name ?? 'production';
  const staging = f.plan.environments.find((e) => e.role === 'staging');
  const own = f.config.handover?.runbook;
  const config = configPath === 'launch-ready.yaml' ? '' : ` -c ${configPath}`;
  const current = (f.artifacts.versions ?? []).map(addressVersion).find((v) => v.environment === production && v.version);
  const good = lastGood(f.deploys, production);
  const rollbackTo = good?.version ?? current?.version ?? 'PREVIOUS_VERSION';

  const smoke: Step[] = f.plan.routes.map((r) => {
    const json = Object.entries(r.expect.json ?? {}).map(([path, want]) => (want === 'exists' ? `JSON ${path} present` : `JSON ${path} = ${JSON.stringify(want)}`));
    const expect = [r.expect.status.length > 0 ? `status ${r.expect.status.join(' or ')}` : 'a 2xx/3xx', r.expect.body ? `body containing "${r.expect.body}"` : undefined, ...json].filter(Boolean).join(', ');
    return { text: `${r.name} (${r.kind}): ${r.method} ${r.url} answers ${expect}.` };
  });
  const health: Step[] = f.plan.healthUrls.map((url) => ({ text: `Health endpoint ${url}: 200, every dependency ok.`, command: `curl -fsS ${url}` }));

  return {
    kind: 'runbook',
    title: `Runbook: ${f.config.product}`,
    subtitle: `Deploy, verify and roll back ${f.config.domain}`,
    generatedAt: f.now.toISOString(),
    sections: [
      where,
      {
        id: 'before',
        title: 'Before you deploy',
        steps: [
          { text: 'Run the checks of a push: secret scan, audit of staging, latency and chatbot evals when configured.', command: `launch-ready ci${config}${staging?.hosts[0] ? ` --url https://${staging.hosts[0]}/` : ''}` },
          ...(staging ? [{ text: `Check what ${staging.name} runs: that is what ships.`, command: `launch-ready deploy verify${config} --env ${staging.name} --no-record` }] : []),
        ],
      },
      { id: 'deploy', title: `Deploy to ${production}`, steps: platformSteps(platforms, 'deploy', own?.deploy) },
      {
        id: 'verify',
        title: 'Verify the deploy',
        intro: 'One command runs every smoke test below, checks every address runs the new version, compares TLS, redirects and CDN with the last good deploy, and records the deploy.',
        steps: [
          { text: 'Verify and record the deploy (exit 1 names what broke).', command: `launch-ready deploy verify${config} --env ${production} --expect-version NEW_VERSION` },
          ...health,
          ...smoke,
        ],
      },
      {
        id: 'rollback',
        title: 'Roll back',
        intro: `Roll back as soon as verification fails on a revenue route (checkout, login, chat); fix forward later. Last good ${production} release: ${good ? `${versionLabel(good)} (deploy #${good.id})` : current ? `${versionLabel(current)} (running now)` : 'unknown'}.`,
        steps: [
          ...platformSteps(platforms, 'rollback', own?.rollback),
          { text: 'Verify the rollback reached every address.', command: `launch-ready deploy verify${config} --env ${production} --expect-version ${rollbackTo}` },
          { text: 'See what the bad deploy changed.', command: 'launch-ready deploy diff last~1 last' },
        ],
      },
      {
        id: 'after',
        title: 'After an incident',
        steps: [
          { text: 'Review the deploy history.', command: 'launch-ready deploy log' },
          { text: 'Regenerate the handover so it matches what runs now.', command: `launch-ready handover${config} --out docs/handover` },
        ],
      },
    ],
  };
}
