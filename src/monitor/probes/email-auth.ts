/**
 * Email-authentication monitor: the audit's email collector and checks (SPF, DKIM, DMARC, MX,
 * MTA-STS…), run on a schedule, so a DNS edit that breaks mail delivery is caught the same day.
 */
import { emailChecks } from '../../checks/email/index.js';
import { severityAtLeast } from '../../core/finding.js';
import { runChecks } from '../../core/runner.js';
import { collectEmail } from '../../email/collect.js';
import type { CheckNetwork } from './network.js';
import type { Observation } from './observation.js';
import { siteContext, type SiteFacts } from './site.js';

export async function probeEmailAuth(site: SiteFacts, net: CheckNetwork, now: number): Promise<Observation> {
  const started = performance.now();
  const ctx = siteContext(site, net, now);
  const email = await collectEmail(ctx, { domain: site.emailDomain, dkimSelectors: site.dkimSelectors });
  const { findings } = runChecks(emailChecks, { plan: ctx.plan, email });
  const problems = findings.filter((f) => severityAtLeast(f.severity, 'medium'));
  const latencyMs = Math.round(performance.now() - started);
  const lookup = (root: string): unknown =>
    root === 'problems' ? problems.length : root === 'findings' ? findings.length : root === 'latency' ? latencyMs : root === 'error' ? '' : undefined;
  const detail = problems.length === 0 ? `${site.emailDomain}: SPF, DKIM and DMARC hold (${findings.length} minor notes)` : `${site.emailDomain}: ${problems.map((f) => f.id).join(', ')}`;
  return { latencyMs, values: lookup, detail };
}
