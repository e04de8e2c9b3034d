/**
 * What `deploy verify` checks: one environment's hosts with the routes, health endpoints and chat
 * endpoint that belong to it, or everything re-pointed at `--base-url` (a preview deployment serves
 * the whole app from one origin). Routes are declared with production URLs, so a staging or
 * preview environment gets those of production's hosts rebased onto its own first host.
 */
import { UsageError } from '../core/errors.js';
import type { AuditPlan, EnvironmentSpec, RouteSpec } from '../core/plan.js';
import type { ChatSmokeSpec } from './chat-smoke.js';

export interface DeployTarget {
  environment: string;
  /** The environment's hosts (or the base URL's host): versions and edge facts are checked on these. */
  hosts: string[];
  routes: RouteSpec[];
  healthUrls: string[];
  chat?: ChatSmokeSpec;
  baseUrl?: string;
}

function rebase(url: string, origin: string): string {
  const u = new URL(url);
  return new URL(`${u.pathname}${u.search}`, origin).href;
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/\.$/, '');
}

function pickEnvironment(plan: AuditPlan, name: string | undefined): EnvironmentSpec {
  if (plan.environments.length === 0) {
    if (name && name !== 'production') throw new UsageError('LR_DEPLOY_NO_ENVIRONMENTS', `--env ${name}: the config declares no environments; declare it under \`environments:\` or use --base-url.`);
    return { name: 'production', role: 'production', hosts: plan.hosts.map((h) => h.name) };
  }
  const env = name ? (plan.environments.find((e) => e.name === name) ?? plan.environments.find((e) => e.role === name)) : plan.environments.find((e) => e.role === 'production');
  if (!env) {
    const known = plan.environments.map((e) => e.name).join(', ');
    throw new UsageError('LR_DEPLOY_UNKNOWN_ENVIRONMENT', name ? `--env ${name}: no such environment; the config declares ${known}.` : `No production environment is declared; pick one with --env (${known}).`);
  }
  if (env.hosts.length === 0) throw new UsageError('LR_DEPLOY_EMPTY_ENVIRONMENT', `Environment ${env.name} lists no hosts; add them under environments.${env.name}.hosts.`);
  return env;
}

/**
 * Whether a URL is served by the product's production deployment, so a staging or preview copy
 * serves it too: a route on another site (the payment provider's checkout) is not re-pointed.
 */
function productionUrl(plan: AuditPlan): (url: string) => boolean {
  const production = plan.environments.find((e) => e.role === 'production');
  const hosts = new Set(production ? production.hosts : plan.hosts.map((h) => h.name));
  return (url) => hosts.has(hostOf(url));
}

export function deployTarget(plan: AuditPlan, opts: { env?: string; baseUrl?: string; chat?: ChatSmokeSpec }): DeployTarget {
  const chat = opts.chat;
  const ours = productionUrl(plan);
  if (opts.baseUrl) {
    const origin = new URL(opts.baseUrl).origin;
    return {
      environment: opts.env ?? 'preview',
      hosts: [hostOf(opts.baseUrl)],
      routes: plan.routes.filter((r) => ours(r.url)).map((r) => ({ ...r, url: rebase(r.url, origin) })),
      healthUrls: plan.healthUrls.filter(ours).map((u) => rebase(u, origin)),
      ...(chat && ours(chat.url) ? { chat: { ...chat, url: rebase(chat.url, origin) } } : {}),
      baseUrl: opts.baseUrl,
    };
  }
  const env = pickEnvironment(plan, opts.env);
  if (env.role === 'production') {
    const own = (url: string) => env.hosts.includes(hostOf(url));
    return {
      environment: env.name,
      hosts: env.hosts,
      routes: plan.routes.filter((r) => own(r.url)),
      healthUrls: plan.healthUrls.filter(own),
      ...(chat && own(chat.url) ? { chat } : {}),
    };
  }
  const origin = `https://${env.hosts[0]}`;
  return {
    environment: env.name,
    hosts: env.hosts,
    routes: plan.routes.filter((r) => ours(r.url)).map((r) => ({ ...r, url: rebase(r.url, origin) })),
    healthUrls: plan.healthUrls.filter(ours).map((u) => rebase(u, origin)),
    ...(chat && ours(chat.url) ? { chat: { ...chat, url: rebase(chat.url, origin) } } : {}),
  };
}
