/**
 * Everything the handover and the runbook are generated from: the config, a fresh audit (the same
 * collectors and checks as `launch-ready audit`), the domain's NS records, the email records (the
 * email stage's collector), the repository and its env-var inventory, and the deploy log.
 */
import { runAudit } from '../audit.js';
import { checks } from '../checks/index.js';
import { createContext, type Progress } from '../collect/context.js';
import type { LoadedConfig } from '../config/load.js';
import { planFromLoaded } from '../config/plan.js';
import type { Config } from '../config/schema.js';
import type { Artifacts } from '../core/artifacts.js';
import type { Finding } from '../core/finding.js';
import type { AuditPlan } from '../core/plan.js';
import { runChecks } from '../core/runner.js';
import { readLog } from '../deploy/log.js';
import type { DeployRecord } from '../deploy/record.js';
import type { EmailArtifact } from '../email/artifact.js';
import { collectEmail } from '../email/collect.js';
import type { NetworkSettings } from '../net/settings.js';
import type { Report } from '../report/types.js';
import { readEnvInventory, takeEnvInventory, toVariables, type InventoryVariable } from './env-inventory.js';
import { repoFacts, type RepoFacts } from './repo.js';

export interface HandoverFacts {
  config: Config;
  plan: AuditPlan;
  report: Report;
  artifacts: Artifacts;
  /** The audit's findings plus the email checks' when the audit did not collect email itself. */
  findings: Finding[];
  nameservers: string[];
  nameserverError?: string;
  email?: EmailArtifact;
  emailError?: string;
  repo: RepoFacts;
  envInventory?: InventoryVariable[];
  deploys: DeployRecord[];
  now: Date;
}

export interface GatherOptions {
  loaded: LoadedConfig;
  settings: NetworkSettings;
  progress: Progress;
  repoDir: string;
  envInventoryFile?: string;
  logFile: string;
  now: Date;
}

export async function gatherFacts(opts: GatherOptions): Promise<HandoverFacts> {
  const { config } = opts.loaded;
  const plan = planFromLoaded(opts.loaded, opts.now);
  const [{ artifacts, report }, repo, savedInventory, deploys] = await Promise.all([
    runAudit({ plan, settings: opts.settings, target: config.canonical, progress: opts.progress }),
    repoFacts(opts.repoDir),
    opts.envInventoryFile ? readEnvInventory(opts.envInventoryFile) : Promise.resolve(undefined),
    readLog(opts.logFile),
  ]);
  // The file given, else the audit's (the project folders of `secrets.paths`), else the repository's.
  const envInventory = savedInventory ?? (artifacts.envInventory ? toVariables(artifacts.envInventory.variables) : await takeEnvInventory(opts.repoDir));
  const ctx = createContext(plan, opts.settings);
  const facts: HandoverFacts = { config, plan, report, artifacts, findings: report.findings, nameservers: [], repo, deploys, now: opts.now, ...(envInventory ? { envInventory } : {}) };
  try {
    const [ns, email] = await Promise.all([
      ctx.dns.query(config.domain, 'NS').then(
        (names) => ({ names: names.map(String) }),
        (err: NodeJS.ErrnoException) => ({ names: [], error: err.code ?? err.message }),
      ),
      artifacts.email
        ? Promise.resolve({ email: artifacts.email })
        : collectEmail(ctx, { domain: config.email?.domain ?? config.domain, dkimSelectors: config.email?.dkimSelectors ?? [] }).then(
            (collected) => ({ email: collected }),
            (err: Error) => ({ error: err.message }),
          ),
    ]);
    facts.nameservers = ns.names;
    if ('error' in ns && ns.error) facts.nameserverError = ns.error;
    if ('email' in email && email.email) {
      facts.email = email.email;
      // The audit did not collect email: run the email checks on what was collected here.
      if (!artifacts.email) facts.findings = [...report.findings, ...runChecks(checks, { plan, email: email.email }).findings];
    } else if ('error' in email) facts.emailError = email.error;
  } finally {
    await ctx.http.close();
  }
  return facts;
}
