/**
 * From a validated config to what the audit needs: the plan (hosts, environments, routes,
 * version and health endpoints) and the network settings the CLI merges with its flags.
 */
import { resolve } from 'node:path';
import type { AuditPlan, EnvironmentSpec, PlannedHost, RouteSpec } from '../core/plan.js';
import { performancePlanFromConfig } from '../latency/audit/plan.js';
import { resolveEnvRefs } from './env-refs.js';
import type { LoadedConfig } from './load.js';
import { hostOfUrl, type Config, type EnvironmentRole, type RouteConfig } from './schema.js';

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Each host's environment: listed under environments[].hosts, or named on the host entry. */
function environmentByHost(config: Config): Map<string, string> {
  const byHost = new Map<string, string>();
  for (const [name, env] of Object.entries(config.environments)) for (const host of env.hosts) byHost.set(host, name);
  // Validation guarantees a host entry never contradicts environments[].hosts.
  for (const h of config.hosts) if (h.environment) byHost.set(h.name, h.environment);
  return byHost;
}

function plannedHosts(config: Config, byHost: Map<string, string>): PlannedHost[] {
  const names = unique([
    config.domain,
    hostOfUrl(config.canonical),
    ...config.hosts.map((h) => h.name),
    ...Object.values(config.environments).flatMap((e) => e.hosts),
  ]);
  return names.map((name) => {
    const environment = byHost.get(name);
    return environment ? { name, environment, declared: true } : { name, declared: true };
  });
}

function environments(config: Config, byHost: Map<string, string>): EnvironmentSpec[] {
  // An environment may be named only on host entries (`{ name: staging.acme.test, environment: staging }`);
  // validation allows that only for role names, so the role is the name.
  const names = unique([...Object.keys(config.environments), ...byHost.values()]);
  return names.map((name) => {
    const declared = config.environments[name];
    const hosts = unique([...(declared?.hosts ?? []), ...[...byHost].filter(([, env]) => env === name).map(([host]) => host)]);
    const spec: EnvironmentSpec = { name, role: declared?.role ?? (name as EnvironmentRole), hosts };
    const recognise = declared?.recognise;
    if (recognise) {
      // A header without a value recognises the environment by its own name (`x-environment: staging`).
      spec.recognise = recognise.header ? { ...recognise, value: recognise.value ?? name } : { ...recognise };
    }
    return spec;
  });
}

function routeSpec(route: RouteConfig, env: NodeJS.ProcessEnv): RouteSpec {
  const spec: RouteSpec = {
    name: route.name,
    url: route.url,
    method: route.method.toUpperCase(),
    headers: Object.fromEntries(Object.entries(route.headers).map(([name, value]) => [name, resolveEnvRefs(value, env)])),
    kind: route.kind,
    expect: { status: route.expect.status ?? [] },
  };
  if (route.body !== undefined) spec.body = resolveEnvRefs(route.body, env);
  if (route.expect.body !== undefined) spec.expect.body = route.expect.body;
  if (route.expect.json !== undefined) spec.expect.json = route.expect.json;
  return spec;
}

/**
 * The audit plan a config declares. Route headers and bodies have their `${ENV}` references
 * expanded here (a missing variable is a UsageError naming it), so the plan holds secrets in
 * clear: never print or save `routes[].headers` or `routes[].body` unredacted. URLs are left as
 * written: they end up in findings, so a secret has no place in one.
 */
export function planFromConfig(config: Config, now: Date, env: NodeJS.ProcessEnv = process.env, configDir = process.cwd()): AuditPlan {
  const byHost = environmentByHost(config);
  const plan: AuditPlan = {
    product: config.product,
    domain: config.domain,
    canonicalUrl: config.canonical,
    hosts: plannedHosts(config, byHost),
    environments: environments(config, byHost),
    routes: config.routes.map((r) => routeSpec(r, env)),
    healthUrls: config.health?.urls ?? [],
    now: now.toISOString(),
  };
  if (config.version) plan.version = { ...config.version };
  plan.stages = { email: { domain: config.email?.domain ?? config.domain, dkimSelectors: config.email?.dkimSelectors ?? [] } };
  if (config.dns) plan.stages.dnsDesiredFile = resolve(configDir, config.dns.desired);
  plan.stages.performance = performancePlanFromConfig(config, env);
  if (config.secrets) {
    plan.stages.project = {
      paths: config.secrets.paths.map((p) => resolve(configDir, p)),
      history: config.secrets.history,
      ignoreFile: resolve(configDir, config.secrets.ignoreFile),
    };
    // Normalised (`HTTPS://Shop.acme.test` = `https://shop.acme.test/`) so the crawl sees each URL once.
    const urls = unique(config.secrets.urls.map((u) => new URL(u).toString()));
    if (urls.length > 0) plan.stages.frontendUrls = urls;
  }
  if (config.chatbot) plan.stages.chatbot = { section: config.chatbot, configDir: resolve(configDir) };
  return plan;
}

/** The config's `network:` section in the shape of the CLI's network flags (flags win when both are given). */
export interface ConfigNetwork {
  /** HOST:PORT each (port 53 filled in when the config omits it). */
  dnsServers: string[];
  /** curl --connect-to rules, HOST:PORT:ADDR:PORT. */
  connectTo: string[];
  /** Absolute path of an extra trusted root (PEM), resolved against the config's folder. */
  caFile?: string;
  timeoutMs?: number;
  concurrency?: number;
  userAgent?: string;
}

export function networkFromConfig(loaded: LoadedConfig): ConfigNetwork {
  const n = loaded.config.network;
  const out: ConfigNetwork = { dnsServers: n?.dnsServers ?? [], connectTo: n?.connectTo ?? [] };
  if (n?.ca !== undefined) out.caFile = resolve(loaded.dir, n.ca);
  if (n?.timeoutMs !== undefined) out.timeoutMs = n.timeoutMs;
  if (n?.concurrency !== undefined) out.concurrency = n.concurrency;
  if (n?.userAgent !== undefined) out.userAgent = n.userAgent;
  return out;
}

/** The plan of a loaded config file, with its relative paths resolved against the file's folder. */
export function planFromLoaded(loaded: LoadedConfig, now: Date, env: NodeJS.ProcessEnv = process.env): AuditPlan {
  return planFromConfig(loaded.config, now, env, loaded.dir);
}
