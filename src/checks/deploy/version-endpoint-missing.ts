import { deploymentLabel, probeFailure } from '../../analysis/deployment-label.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

export default defineCheck({
  id: 'deploy.version-endpoint-missing',
  severity: 'low',
  stage: 1,
  title: 'Each environment says which version it runs',
  failureTitle: 'No version endpoint reports what is deployed',
  description:
    'Looks for a version endpoint (the config\'s `version.path`, or a common path such as /api/version) that answers with a version or ' +
    'commit field. Fires once per environment where no host answered with one (an environment that answers only 401/403 is behind ' +
    'authentication and is skipped), and on the domain when no endpoint is configured or found.',
  impact: 'Without a version you cannot tell which release a customer hit, whether a deploy reached every host, or what to roll back to.',
  remediation:
    'Serve a small JSON endpoint such as `GET /api/version` -> `{"version":"1.4.0","commit":"abc1234","environment":"production"}` ' +
    'filled at build time on every host, and declare it under `version:` in launch-ready.yaml.',
  reference: 'https://12factor.net/build-release-run',
  requires: ['versions'],
  run({ plan, versions }) {
    if (versions.length === 0) {
      if (plan.version) return [];
      return [{ target: plan.domain, evidence: 'no `version:` endpoint in the config, and none of the common version paths answered with a version or commit' }];
    }
    const fields = plan.version ?? { versionField: 'version', commitField: 'commit' };
    const drafts: FindingDraft[] = [];
    for (const environment of [...new Set(versions.map((p) => p.environment))]) {
      const probes = versions.filter((p) => p.environment === environment);
      if (probes.some((p) => deploymentLabel(p) !== undefined)) continue;
      // An environment that refuses anonymous requests (staging behind auth) may well have the endpoint: unknowable, not missing.
      if (probes.every((p) => p.exchange.status === 401 || p.exchange.status === 403)) continue;
      const evidence = probes.map((p) => `${p.url} @ ${p.address}: ${probeFailure(p, fields)}`).join('; ');
      drafts.push({ target: probes[0].url, evidence: `${environment}: no host reported a version — ${evidence}` });
    }
    return drafts;
  },
});
