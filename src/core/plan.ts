import type { ChatbotStage } from '../eval/audit/collect.js';
import type { PerformancePlan } from '../latency/audit/plan.js';
import type { RouteKind } from './finding.js';

export interface RouteSpec {
  name: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  kind: RouteKind;
  expect: {
    /** Acceptable statuses; empty means any 2xx or 3xx. */
    status: number[];
    /** Text the body must contain. */
    body?: string;
    /** Dotted JSON paths that must exist, or equal the given value. */
    json?: Record<string, unknown>;
  };
}

export interface EnvironmentSpec {
  name: string;
  /** production, staging or preview: what the environment is for. */
  role: 'production' | 'staging' | 'preview';
  hosts: string[];
  /** How a deployment says which environment it is: a header, or a field of the version endpoint. */
  recognise?: { header?: string; value?: string; versionField?: string };
}

export interface VersionEndpointSpec {
  path: string;
  versionField: string;
  commitField: string;
  environmentField: string;
}

export interface PlannedHost {
  name: string;
  environment?: string;
  /** Declared in the config (true) or found by discovery (false). */
  declared: boolean;
}

/** Everything an audit needs to know about its target, built from the config or from discovery. */
export interface AuditPlan {
  product: string;
  domain: string;
  canonicalUrl: string;
  hosts: PlannedHost[];
  environments: EnvironmentSpec[];
  routes: RouteSpec[];
  version?: VersionEndpointSpec;
  healthUrls: string[];
  /** The audit's clock, ISO 8601; checks use it instead of Date.now() so they stay pure. */
  now: string;
  /** Settings of the later stages, from the config; a stage left out is reported as not checked. */
  stages?: StageSettings;
}

export interface StageSettings {
  /** Email authentication of this domain (always audited: the shop sends order mail from it). */
  email?: { domain: string; dkimSelectors: string[] };
  /** Absolute path of the desired DNS state (dns.yaml or a zone file) to diff the live zone against. */
  dnsDesiredFile?: string;
  /** The project folders whose working tree (and history, when asked) the secrets stage scans. */
  project?: { paths: string[]; history: boolean; ignoreFile: string };
  /** Deployed frontends the secrets stage crawls besides the audited hosts (`secrets.urls`). */
  frontendUrls?: string[];
  /** What the latency stage times: budgeted targets, repeated reads, conversation growth, the hang hook. */
  performance?: PerformancePlan;
  /** The config's chatbot section as written (`${ENV}` unexpanded): the eval's packs run against it. */
  chatbot?: ChatbotStage;
}

export function environmentOf(plan: AuditPlan, host: string): EnvironmentSpec | undefined {
  return plan.environments.find((e) => e.hosts.includes(host));
}
