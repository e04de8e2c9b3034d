/** Handover sections about running the product: email, environment variables, monitoring, limits, third parties. */
import { headerValue } from '../analysis/http-exchange.js';
import { healthSmoke } from '../deploy/smoke.js';
import { detectedIncludes } from '../email/advice.js';
import { selectorKeys } from '../email/dkim/keys.js';
import { emailSummary } from '../email/summary.js';
import { nodesOf } from '../email/spf/walk.js';
import { item, type Item, type Section } from './document.js';
import type { HandoverFacts } from './gather.js';

export function emailSection(f: HandoverFacts): Section {
  const domain = f.config.email?.domain ?? f.config.domain;
  if (!f.email) {
    return {
      id: 'email',
      title: 'Email authentication',
      items: [item('SPF, DKIM, DMARC, MX', `not checked (${f.emailError ?? 'no email data'}): run \`launch-ready email ${domain}\``, 'unknown', true)],
    };
  }
  const email = f.email;
  const records = emailSummary(email)
    .slice(1)
    .map((line) => /^\s*(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => item(m[1], m[2], 'verified', /^(none|lookup failed)/.test(m[2]) && ['SPF', 'DMARC', 'DKIM', 'MX'].includes(m[1])));
  const includes = nodesOf(email.spf)
    .filter((n) => n.via === 'include')
    .map((n) => n.domain);
  const selectors = selectorKeys(email)
    .filter((k) => k.record !== undefined)
    .map((k) => `DKIM selector ${k.selector}`);
  const providers = [...new Set([...includes.map((i) => `SPF include:${i}`), ...selectors, ...detectedIncludes(email).map((i) => `known provider (${i})`)])];
  const emailFindings = f.findings.filter((x) => x.id.startsWith('email.'));
  return {
    id: 'email',
    title: 'Email authentication',
    intro: `Records of ${email.domain} as receivers see them.`,
    items: [
      ...records,
      item('Sending providers', providers.length > 0 ? providers.join(', ') : 'none found in SPF or DKIM', providers.length > 0 ? 'verified' : 'unknown', providers.length === 0),
      item('Open email findings', emailFindings.length > 0 ? [...new Set(emailFindings.map((x) => x.id))].join(', ') : 'none', 'verified', emailFindings.some((x) => ['critical', 'high'].includes(x.severity))),
    ],
  };
}

export function envSection(f: HandoverFacts): Section {
  const items: Item[] = [];
  if (f.envInventory) {
    if (f.envInventory.length === 0) items.push(item('Variables', `none read by the code or set in an env file under ${f.repo.dir}`, 'verified'));
    for (const v of f.envInventory) {
      const where = Object.entries(v.definedIn).map(([env, files]) => `${env}: ${files.join(', ')}`);
      const name = v.publicPrefix ? `${v.name} (public: ${v.publicPrefix})` : v.name;
      if (where.length === 0) items.push(item(name, 'read by the code, defined nowhere', 'verified', true));
      // Production values usually live in the platform's settings, out of the repository: say where to look.
      else if (!v.definedIn.production) items.push(item(name, `${where.join('; ')}; production: not in the repository (look in the hosting platform's environment settings)`, 'unknown'));
      else items.push(item(name, where.join('; '), 'verified'));
    }
  } else {
    items.push(
      ...(f.repo.envExample.length > 0 ? [item('Declared in .env.example', f.repo.envExample.join(', '), 'verified')] : []),
      item('Where each variable lives per environment', `not inventoried: ${f.repo.dir} could not be read; run \`launch-ready env --format json > env-inventory.json\` in the repository, then \`launch-ready handover --env-inventory env-inventory.json\``, 'unknown', true),
    );
  }
  return { id: 'environment-variables', title: 'Environment variables', intro: 'Names and where they are set, never values.', items };
}

interface MonitorView {
  targets?: Array<{ name: string; kind?: string }>;
  alerts?: Array<{ type: string; name?: string; url?: string; to?: string[] }>;
  uptimeTargetPercent?: number;
  statusPage?: unknown;
  dashboardUrl?: string;
}

/** Where an alert goes, without the URL itself: webhook URLs are credentials. */
function alertRoute(a: NonNullable<MonitorView['alerts']>[number]): string {
  let ref = '';
  if (a.url && /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(a.url)) ref = ` via ${a.url}`;
  else if (a.url) ref = URL.canParse(a.url) ? ` to ${new URL(a.url).hostname}` : ' (URL built from environment variables)';
  const where = `${a.type}${a.type === 'email' && a.to ? ` to ${a.to.join(', ')}` : ref}`;
  return a.name ? `${a.name} (${where})` : where;
}

export function monitoringSection(f: HandoverFacts): Section {
  const monitor = f.config.monitor as MonitorView | undefined;
  const health = healthSmoke(f.artifacts.health ?? []).map((h) => item(`Health: ${h.url}`, h.detail, 'verified', !h.ok));
  const items: Item[] = [...(health.length > 0 ? health : [item('Health endpoint', 'none found: add `health.url` to the config and a /health route to the app', 'unknown', true)])];
  if (!monitor) {
    items.push(item('Monitoring and alerts', 'no `monitor` section: nobody is told when the shop goes down; add one and run `launch-ready monitor`', 'unknown', true));
  } else {
    const alerts = monitor.alerts ?? [];
    items.push(
      item('Uptime target', monitor.uptimeTargetPercent !== undefined ? `${monitor.uptimeTargetPercent}%` : 'not set', monitor.uptimeTargetPercent !== undefined ? 'declared' : 'unknown'),
      item('Alert routes', alerts.length > 0 ? alerts.map(alertRoute).join('; ') : 'none: an outage alerts nobody', alerts.length > 0 ? 'declared' : 'unknown', alerts.length === 0 || alerts.every((a) => a.type === 'stdout')),
      item('Extra monitors', (monitor.targets ?? []).map((t) => `${t.name} (${t.kind ?? 'http'})`).join(', ') || 'none beyond the routes and hosts', 'declared'),
    );
    if (monitor.dashboardUrl) items.push(item('Dashboard', monitor.dashboardUrl, 'declared'));
    items.push(item('Status page', monitor.statusPage ? 'served by `launch-ready monitor`' : 'none declared (`monitor.statusPage`)', monitor.statusPage ? 'declared' : 'unknown'));
  }
  return { id: 'monitoring', title: 'Monitoring, alerts and uptime', items };
}

const RATE_HEADERS = ['ratelimit-policy', 'ratelimit-limit', 'x-ratelimit-limit', 'x-rate-limit-limit'];

export function limitsSection(f: HandoverFacts): Section {
  const exchanges = [
    ...(f.artifacts.hosts ?? []).flatMap((h) => h.https?.exchanges.slice(-1) ?? []),
    ...(f.artifacts.routes ?? []).flatMap((r) => r.chain.exchanges.slice(-1)),
  ].filter((ex) => ex.status !== undefined);
  const rate = exchanges.flatMap((ex) => RATE_HEADERS.map((h) => [h, headerValue(ex, h)] as const).filter(([, v]) => v !== undefined).map(([h, v]) => `${new URL(ex.url).host}: ${h}: ${v}`));
  const ttl = new Map<string, string>();
  for (const ex of exchanges) {
    const cc = headerValue(ex, 'cache-control');
    if (cc) ttl.set(`${new URL(ex.url).host}${new URL(ex.url).pathname}`, cc);
  }
  const asset = (f.artifacts.assets ?? []).find((a) => headerValue(a.exchange, 'cache-control'));
  if (asset) ttl.set('fingerprinted assets', headerValue(asset.exchange, 'cache-control') as string);
  const latency = f.config.latency;
  const budgets = (latency?.targets ?? [])
    .filter((t) => t.budget)
    .map((t) => `${t.name}: ${Object.entries(t.budget ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => `${k.replace(/Ms$|Percent$/, '')} ${v}${k.endsWith('Percent') ? '%' : ' ms'}`).join(', ')}${t.maxRequests ? `, at most ${t.maxRequests} requests per run` : ''}`);
  const hang = latency?.hangHook?.withinMs;
  return {
    id: 'limits',
    title: 'Known limits',
    items: [
      item('Rate limits', rate.length > 0 ? [...new Set(rate)].join('; ') : 'none advertised by any response (no RateLimit headers): chat and API calls are limited only by cost', rate.length > 0 ? 'verified' : 'unknown'),
      item('Cache TTLs observed', [...ttl].map(([where, cc]) => `${where}: ${cc}`).join('; ') || 'no Cache-Control seen', ttl.size > 0 ? 'verified' : 'unknown'),
      item('Latency budgets', budgets.join('; ') || 'none: add `latency.targets` with budgets and run `launch-ready bench`', budgets.length > 0 ? 'declared' : 'unknown'),
      item('Model provider timeout', hang !== undefined ? `the chat must give up on a hung model provider within ${hang} ms` : 'not declared: a hung provider may hold chat requests open (see `latency.hangHook`)', hang !== undefined ? 'declared' : 'unknown'),
    ],
  };
}

/** Hosts in a CSP that are not the shop's own: each is a third party the page depends on. */
function cspHosts(csp: string, domain: string): string[] {
  const hosts = csp
    .split(/[;\s]+/)
    .filter((t) => /^(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+/i.test(t))
    .map((t) => t.replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
  return [...new Set(hosts)].filter((h) => h !== domain && !h.endsWith(`.${domain}`));
}

export function thirdPartiesSection(f: HandoverFacts): Section {
  const domain = f.config.domain;
  const canonical = f.artifacts.hosts?.find((h) => h.host === new URL(f.config.canonical).hostname);
  const page = canonical?.https?.exchanges.at(-1);
  const csp = page ? headerValue(page, 'content-security-policy') : undefined;
  const scripts = page
    ? [...page.body.matchAll(/<script\b[^>]*\bsrc=["']?(https?:\/\/[^"'\s>]+)/gi)].map((m) => new URL(m[1]).hostname).filter((h) => h !== domain && !h.endsWith(`.${domain}`))
    : [];
  const spf = f.email ? nodesOf(f.email.spf).filter((n) => n.via === 'include').map((n) => n.domain) : undefined;
  return {
    id: 'third-parties',
    title: 'Third-party dependencies',
    items: [
      spf ? item('Email senders (SPF includes)', spf.join(', ') || 'none', 'verified') : item('Email senders (SPF includes)', `not checked: run \`launch-ready email ${domain}\``, 'unknown'),
      item('Allowed by the Content-Security-Policy', csp === undefined ? 'no CSP on the canonical page' : cspHosts(csp, domain).join(', ') || "only the shop's own origins", csp === undefined ? 'unknown' : 'verified'),
      item('Scripts loaded by the storefront', page ? [...new Set(scripts)].join(', ') || "only the shop's own" : 'canonical page not fetched', page ? 'verified' : 'unknown'),
      item('Packages (package.json dependencies)', f.repo.packages.length > 0 ? f.repo.packages.join(', ') : 'no package.json dependencies in the repository', f.repo.packages.length > 0 ? 'verified' : 'unknown'),
    ],
  };
}
