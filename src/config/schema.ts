/**
 * The schema of launch-ready.yaml; docs/config.md documents every key.
 * Every object is strict: an unknown key is an error, so a typo never silently disables a check.
 * Values come out normalised: durations in milliseconds (`timeout: 5s` -> `timeoutMs: 5000`),
 * percentages as numbers (`errorRate: 1%` -> `errorRatePercent: 1`), hosts lower-cased objects,
 * lists where one-or-many is allowed, every environment with its role.
 * Error texts say what is expected; the loader adds where and what it got.
 */
import { z } from 'zod';
import { ROUTE_KINDS } from '../core/finding.js';
import { parseConnectTo, parseDnsServer } from '../net/settings.js';
import { didYouMean } from './did-you-mean.js';
import { ENV_REF } from './env-refs.js';
import { parseDuration, parsePercent } from './units.js';

export const ENVIRONMENT_ROLES = ['production', 'staging', 'preview'] as const;
export type EnvironmentRole = (typeof ENVIRONMENT_ROLES)[number];

export function isEnvironmentRole(name: string): name is EnvironmentRole {
  return (ENVIRONMENT_ROLES as readonly string[]).includes(name);
}

const expected = (what: string) => ({ error: `expected ${what}` });

const HOSTNAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;
const EXPECT_HOST = expected('a host name such as www.acme.test (no scheme, port or path)');

/** A DNS host name, lower-cased, without the trailing dot. */
const hostName = z
  .string(EXPECT_HOST)
  .trim()
  .toLowerCase()
  .regex(HOSTNAME, EXPECT_HOST)
  .transform((h) => h.replace(/\.$/, ''));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const EXPECT_URL = expected('an absolute http(s) URL such as https://www.acme.test/');
/** URLs are printed in findings and reports, so they may not carry `${…}` secrets: those go in headers. */
const httpUrl = z
  .string(EXPECT_URL)
  .refine(isHttpUrl, { ...EXPECT_URL, abort: true })
  .refine((v) => !v.includes('${'), expected('a URL without ${…} references (URLs appear in reports; send secrets in a header instead)'));

/** A URL, or a `${NAME}` reference to one (webhook URLs are secrets). */
const EXPECT_URL_OR_REF = expected('an http(s) URL or an environment reference such as ${SLACK_WEBHOOK_URL}');
const urlOrEnvRef = z.string(EXPECT_URL_OR_REF).refine((v) => v.replace(ENV_REF, '') === '' || isHttpUrl(v.replace(ENV_REF, 'x')), EXPECT_URL_OR_REF);

const text = z.string(expected('text')).trim().min(1, expected('non-empty text'));

const EXPECT_DURATION = expected('a duration above zero: milliseconds, or a string such as "500ms", "5s", "2m"');
const duration = z.union([z.number(), z.string()], EXPECT_DURATION).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === undefined) ctx.addIssue({ code: 'custom', input: value, message: EXPECT_DURATION.error });
  return ms ?? 0;
});

const EXPECT_PERCENT = expected('a percentage such as "1%" or 99.5');
const percent = z.union([z.number(), z.string()], EXPECT_PERCENT).transform((value, ctx) => {
  const p = parsePercent(value);
  if (p === undefined) ctx.addIssue({ code: 'custom', input: value, message: EXPECT_PERCENT.error });
  return p ?? 0;
});

const EXPECT_METHOD = expected('an HTTP method such as GET or POST');
const method = z
  .string(EXPECT_METHOD)
  .regex(/^[A-Za-z]+$/, EXPECT_METHOD)
  .transform((m) => m.toUpperCase());

/** RFC 9110 §5.1: a field name is a token. */
const EXPECT_HEADER = expected('a header name (letters, digits and -)');
const headerName = z.string(EXPECT_HEADER).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, EXPECT_HEADER);
/** Header values; YAML numbers are accepted and kept as text (`x-api-version: 2`). */
const headerValue = z.union([z.string(), z.number()], expected('a header value (text)')).transform(String);
const headers = z.record(headerName, headerValue, expected('a mapping of header name to value'));

const EXPECT_PATH = expected('a URL path starting with "/", such as /api/version');
const urlPath = z.string(EXPECT_PATH).regex(/^\/\S*$/, EXPECT_PATH);

const fieldName = text;
const EXPECT_JSONPATH = expected('a JSONPath starting with "$", such as $.reply');
const jsonPath = z.string(EXPECT_JSONPATH).regex(/^\$/, EXPECT_JSONPATH);

const EXPECT_STATUS = expected('an HTTP status code between 100 and 599');
const status = z.int(EXPECT_STATUS).min(100, EXPECT_STATUS).max(599, EXPECT_STATUS);
const EXPECT_PORT = expected('a port number between 1 and 65535');
const port = z.int(EXPECT_PORT).min(1, EXPECT_PORT).max(65_535, EXPECT_PORT);

const EXPECT_ENV_NAME = expected('an environment name (letters, digits, - and _)');
const environmentName = z.string(EXPECT_ENV_NAME).regex(/^[A-Za-z0-9_-]+$/, EXPECT_ENV_NAME);

/**
 * `network.dnsServers` and `network.connectTo` go through the parsers of the --dns-server and
 * --connect-to flags, so the file and the flags accept exactly the same values.
 */
function validWith(parse: (value: string) => unknown): (value: string) => boolean {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  };
}

const EXPECT_DNS_SERVER = expected('an IP address with an optional port (53 by default), such as 127.0.0.1:5353 or [::1]:53');
const dnsServer = z
  .string(EXPECT_DNS_SERVER)
  .trim()
  .refine(validWith(parseDnsServer), EXPECT_DNS_SERVER)
  .transform((v) => parseDnsServer(v));

const EXPECT_CONNECT_TO = expected('HOST:PORT:ADDR:PORT as in curl --connect-to, such as acme.test:443:127.0.0.1:8443 (HOST may be *.acme.test; an empty ADDR keeps the resolved address)');
const connectTo = z.string(EXPECT_CONNECT_TO).trim().refine(validWith(parseConnectTo), EXPECT_CONNECT_TO);

const EXPECT_EMAIL = expected('an email address');
const email = z.string(EXPECT_EMAIL).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, EXPECT_EMAIL);

// ---- sections ---------------------------------------------------------------------------------

const hostEntry = z
  .union([hostName, z.strictObject({ name: hostName, environment: environmentName.optional() })], expected('a host name, or { name, environment }'))
  .transform((h): { name: string; environment?: string } => (typeof h === 'string' ? { name: h } : h));

const recognise = z
  .strictObject({
    header: headerName.optional(),
    value: z.string(expected('text')).optional(),
    versionField: fieldName.optional(),
  })
  .refine((r) => r.header !== undefined || r.versionField !== undefined, expected('`header` (with an optional `value`) or `versionField`'))
  .refine((r) => r.value === undefined || r.header !== undefined, expected('`header` next to `value`'));

/** The host of a URL the schema accepted, in the form host names take here. */
export function hostOfUrl(url: string): string {
  return new URL(url).hostname.replace(/\.$/, '');
}

const environment = z
  .strictObject({
    role: z.enum(ENVIRONMENT_ROLES).optional(),
    /** Base URL of the environment; its host joins the environment's hosts. */
    url: httpUrl.optional(),
    hosts: z.array(hostName).default([]),
    recognise: recognise.optional(),
  })
  .transform((e) => ({ ...e, hosts: [...new Set(e.url ? [...e.hosts, hostOfUrl(e.url)] : e.hosts)] }));

const version = z.strictObject({
  path: urlPath.default('/api/version'),
  versionField: fieldName.default('version'),
  commitField: fieldName.default('commit'),
  environmentField: fieldName.default('environment'),
});

const health = z
  .strictObject({ url: z.union([httpUrl, z.array(httpUrl).min(1)], EXPECT_URL) })
  .transform((h) => ({ urls: Array.isArray(h.url) ? h.url : [h.url] }));

const jsonExpectation = z.union([z.string(), z.number(), z.boolean(), z.null()], expected('a value to compare, or the word `exists`'));

const route = z.strictObject({
  name: text,
  url: httpUrl,
  method: method.default('GET'),
  kind: z.enum(ROUTE_KINDS).default('page'),
  headers: headers.default({}),
  body: z.string(expected('the request body as text')).optional(),
  expect: z
    .strictObject({
      status: z
        .union([status, z.array(status).min(1)], EXPECT_STATUS)
        .transform((s) => (Array.isArray(s) ? s : [s]))
        .optional(),
      body: z.string(expected('text the body must contain')).optional(),
      json: z.record(text, jsonExpectation, expected('a mapping of dotted JSON path to value or `exists`')).optional(),
    })
    .default({}),
});

const network = z
  .strictObject({
    dnsServers: z.array(dnsServer).default([]),
    connectTo: z.array(connectTo).default([]),
    ca: text.optional(),
    timeout: duration.optional(),
    concurrency: z.int(expected('a whole number of parallel operations')).min(1).max(256).optional(),
    userAgent: text.optional(),
  })
  .transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));

const secrets = z.strictObject({
  paths: z.array(text).default(['.']),
  history: z.boolean(expected('true or false')).default(false),
  urls: z.array(httpUrl).default([]),
  ignoreFile: text.default('.launch-ready-ignore'),
});

const EXPECT_SELECTOR = expected('a DKIM selector such as s1 or google');
const emailSection = z.strictObject({
  domain: hostName.optional(),
  dkimSelectors: z.array(z.string(EXPECT_SELECTOR).regex(/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/, EXPECT_SELECTOR)).default([]),
});

const dns = z.strictObject({ desired: text.default('dns.yaml') });

const budget = z
  .strictObject({
    p50: duration.optional(),
    p90: duration.optional(),
    p95: duration.optional(),
    p99: duration.optional(),
    p999: duration.optional(),
    max: duration.optional(),
    errorRate: percent.optional(),
  })
  .transform((b) => ({ p50Ms: b.p50, p90Ms: b.p90, p95Ms: b.p95, p99Ms: b.p99, p999Ms: b.p999, maxMs: b.max, errorRatePercent: b.errorRate }));

const latencyTarget = z
  .strictObject({
    name: text.optional(),
    /** Name of a declared route: its URL, method, headers and body are the defaults. */
    route: text.optional(),
    url: httpUrl.optional(),
    method: method.optional(),
    headers: headers.optional(),
    /** Body template; `{{prompt}}` is replaced by one of `prompts`. */
    body: z.string(expected('the request body as text')).optional(),
    prompts: z.array(text).optional(),
    /** Open model: requests per second. */
    rate: z.number(expected('requests per second')).positive().optional(),
    /** Closed model: concurrent virtual users. */
    connections: z.int(expected('a whole number of connections')).min(1).optional(),
    duration: duration.optional(),
    /** Hard cap on requests sent (chat endpoints cost money per request). */
    maxRequests: z.int(expected('a whole number of requests')).min(1).optional(),
    budget: budget.optional(),
  })
  .refine((t) => t.route !== undefined || t.url !== undefined, expected('`route` (the name of a declared route) or `url`'))
  .transform(({ duration: d, ...rest }) => ({ ...rest, durationMs: d }));

const latency = z.strictObject({ targets: z.array(latencyTarget).min(1, expected('at least one target')) });

const chatbot = z.strictObject({
  endpoint: httpUrl,
  method: method.default('POST'),
  headers: headers.default({}),
  /** Request body template: {{prompt}}, {{sessionId}}, {{history}}. */
  body: z.string(expected('the request body template as text')).default('{"message":"{{prompt}}","sessionId":"{{sessionId}}"}'),
  reply: jsonPath.default('$.reply'),
  toolCalls: jsonPath.optional(),
  sessionId: jsonPath.optional(),
  forbiddenTools: z.array(text).default([]),
  storeFacts: text.optional(),
});

export const MONITOR_KINDS = ['http', 'tls', 'dns', 'email', 'chatbot', 'heartbeat', 'tcp'] as const;

const monitorTarget = z
  .strictObject({
    name: text,
    kind: z.enum(MONITOR_KINDS).default('http'),
    url: httpUrl.optional(),
    host: hostName.optional(),
    port: port.optional(),
    interval: duration.optional(),
    /** e.g. `status == 200 && body contains "ok"`. */
    condition: text.optional(),
  })
  .transform(({ interval, ...rest }) => ({ ...rest, intervalMs: interval }));

const alert = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('slack'), url: urlOrEnvRef }),
  z.strictObject({ type: z.literal('webhook'), url: urlOrEnvRef, secret: z.string(expected('an environment reference such as ${WEBHOOK_SECRET}')).optional() }),
  z.strictObject({
    type: z.literal('email'),
    to: z.union([email, z.array(email).min(1)], EXPECT_EMAIL).transform((t) => (Array.isArray(t) ? t : [t])),
    from: email.optional(),
    /** smtp://user:${SMTP_PASSWORD}@host:587 */
    smtp: z.string(expected('an SMTP URL, usually an environment reference such as ${SMTP_URL}')),
  }),
  z.strictObject({ type: z.literal('stdout') }),
]);

const monitor = z
  .strictObject({
    interval: duration.default(60_000),
    targets: z.array(monitorTarget).default([]),
    alerts: z.array(alert).default([]),
    uptimeTarget: percent.default(99.5),
  })
  .transform(({ interval, uptimeTarget, ...rest }) => ({ ...rest, intervalMs: interval, uptimeTargetPercent: uptimeTarget }));

/** `null` (or absent) means nobody owns the account yet: the handover flags it. */
const owner = z.string(expected('a name, or null when nobody owns it yet')).nullable().optional();
const handover = z.strictObject({
  owners: z
    .strictObject({ registrar: owner, dns: owner, hosting: owner, email: owner, modelProvider: owner, payments: owner })
    .default({}),
  contacts: z.array(z.strictObject({ name: text, role: text.optional(), email: email.optional(), phone: text.optional() })).default([]),
});

// ---- the file ---------------------------------------------------------------------------------

const configObject = z.strictObject(
  {
    product: text,
    domain: hostName,
    canonical: httpUrl,
    hosts: z.array(hostEntry).default([]),
    environments: z.record(environmentName, environment, expected('a mapping of environment name to its hosts')).default({}),
    version: version.optional(),
    health: health.optional(),
    routes: z.array(route).default([]),
    network: network.optional(),
    secrets: secrets.optional(),
    email: emailSection.optional(),
    dns: dns.optional(),
    latency: latency.optional(),
    chatbot: chatbot.optional(),
    monitor: monitor.optional(),
    handover: handover.optional(),
  },
  expected('a mapping with at least product, domain and canonical'),
);

type ParsedConfig = z.output<typeof configObject>;

/**
 * Rules that span keys; each issue points at what the user should change. `params` tells the
 * loader the message is complete (no "got …") and, with `atKey`, to point at the key.
 */
function crossCheck(c: ParsedConfig, ctx: z.RefinementCtx): void {
  const problem = (path: PropertyKey[], message: string, atKey = false) => ctx.addIssue({ code: 'custom', path, message, params: { complete: true, atKey } });
  const environmentOfHost = new Map<string, string>();
  for (const [name, env] of Object.entries(c.environments)) {
    if (!env.role && !isEnvironmentRole(name)) {
      problem(['environments', name], `expected \`role: production | staging | preview\`: "${name}" is not a role name, so its role cannot be inferred`, true);
    }
    env.hosts.forEach((host, i) => {
      const other = environmentOfHost.get(host);
      if (other && other !== name) {
        problem(['environments', name, 'hosts', i], `${host} is already in environment "${other}"; a host belongs to one environment`);
      } else environmentOfHost.set(host, name);
    });
  }
  c.hosts.forEach((h, i) => {
    if (!h.environment) return;
    const declaredIn = environmentOfHost.get(h.name);
    if (declaredIn && declaredIn !== h.environment) {
      problem(['hosts', i, 'environment'], `expected "${declaredIn}": environments.${declaredIn}.hosts lists ${h.name}`);
    } else if (!(h.environment in c.environments) && !isEnvironmentRole(h.environment)) {
      const hint = didYouMean(h.environment, [...Object.keys(c.environments), ...ENVIRONMENT_ROLES]);
      problem(['hosts', i, 'environment'], `environment "${h.environment}" is not declared under environments${hint ? `; did you mean \`${hint}\`?` : ` (add environments.${h.environment} with a role)`}`);
    }
  });
  const routeNames = new Set<string>();
  c.routes.forEach((r, i) => {
    if (routeNames.has(r.name)) problem(['routes', i, 'name'], `route name "${r.name}" is used twice; names must be unique`);
    routeNames.add(r.name);
  });
  c.latency?.targets.forEach((t, i) => {
    if (t.route === undefined || routeNames.has(t.route)) return;
    const hint = didYouMean(t.route, [...routeNames]);
    problem(['latency', 'targets', i, 'route'], `no route is named "${t.route}"${hint ? `; did you mean \`${hint}\`?` : routeNames.size ? `; declared routes: ${[...routeNames].join(', ')}` : ''}`);
  });
}

type LatencyTarget = NonNullable<ParsedConfig['latency']>['targets'][number];
type ParsedRoute = ParsedConfig['routes'][number];

/** A latency target names a route or a URL; the route's request fills what the target leaves out. */
function withRouteDefaults(t: LatencyTarget, route: ParsedRoute | undefined) {
  // Validation guarantees `url` or an existing `route`, so one of the two URLs is there.
  const url = (t.url ?? route?.url) as string;
  return {
    ...t,
    name: t.name ?? t.route ?? url,
    url,
    method: t.method ?? route?.method ?? 'GET',
    headers: t.headers ?? route?.headers ?? {},
    body: t.body ?? route?.body,
  };
}

/** launch-ready.yaml, validated and normalised. */
export const configSchema = configObject.superRefine(crossCheck).transform((c) => {
  const routes = new Map(c.routes.map((r) => [r.name, r]));
  return {
    ...c,
    environments: Object.fromEntries(
      Object.entries(c.environments).map(([name, env]) => [name, { ...env, role: env.role ?? (name as EnvironmentRole) }]),
    ),
    email: c.email && { ...c.email, domain: c.email.domain ?? c.domain },
    latency: c.latency && { targets: c.latency.targets.map((t) => withRouteDefaults(t, t.route === undefined ? undefined : routes.get(t.route))) },
  };
});

export type Config = z.output<typeof configSchema>;
export type RouteConfig = Config['routes'][number];
