import { byFrequency, deploymentLabel } from '../../analysis/deployment-label.js';
import type { VersionProbe } from '../../core/artifacts.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export default defineCheck({
  id: 'deploy.version-mismatch',
  severity: 'medium',
  stage: 1,
  title: 'All hosts of an environment run the same version',
  failureTitle: 'Hosts of one environment run different versions',
  description:
    'Compares the version (and commit) each host of an environment reports on its version endpoint. Each host counts with the version ' +
    'most of its addresses report, so a single stale address is left to dns.stale-address; a host that disagrees with the rest of its ' +
    'environment missed a deploy (or got one early).',
  impact: 'The shop front, API and admin run different code, so pages call API fields that do not exist yet and customers hit errors nobody can reproduce.',
  remediation:
    'Deploy the same release to every host of the environment (one pipeline, one artifact), then confirm each host\'s version endpoint ' +
    'reports the same version and commit.',
  reference: 'https://12factor.net/build-release-run',
  requires: ['versions'],
  run({ versions }) {
    const drafts: FindingDraft[] = [];
    for (const [environment, probes] of groupBy(versions, (p: VersionProbe) => p.environment)) {
      const hostVersions: Array<{ host: string; label: string }> = [];
      for (const [host, hostProbes] of groupBy(probes, (p) => p.host)) {
        const labels = hostProbes.map(deploymentLabel).filter((l): l is string => l !== undefined);
        if (labels.length > 0) hostVersions.push({ host, label: byFrequency(labels)[0].value });
      }
      const ranked = byFrequency(hostVersions.map((h) => h.label));
      if (ranked.length < 2) continue;
      // With a clear majority only the odd hosts are wrong; on a tie nobody can tell, so every host is named.
      const majority = ranked[0].count > ranked[1].count ? ranked[0].value : undefined;
      const listing = hostVersions.map((h) => `${h.host} -> ${h.label}`).join('; ');
      for (const h of hostVersions.filter((v) => v.label !== majority)) {
        const context = majority ? `the rest of ${environment} runs ${majority}` : `${environment} has no majority version`;
        drafts.push({ target: h.host, evidence: `${h.host} runs ${h.label} while ${context} (${listing})` });
      }
    }
    return drafts;
  },
});
