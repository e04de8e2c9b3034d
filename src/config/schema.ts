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
import { autoMonitorNames } from '../monitor/auto-names.js';
import { ConditionError } from '../monitor/conditions/error.js';
import { parseCondition } from '../monitor/conditions/parse.js';

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

/** `latency.history-growth`: where conversation history is read back, when the app exposes it, and how much growth is too much. */
const latencyHistory = z
  .strictObject({
    /** `{{sessionId}}` is replaced by the session the probe builds up. */
    url: httpUrl.optional(),
    turns: z.array(z.int(expected('a whole number of turns')).min(1)).min(2).default([1, 10, 50]),
    factor: z.number(expected('a growth factor such as 3')).gt(1).default(3),
  })
  .default({ turns: [1, 10, 50], factor: 3 });

/** `timeout.missing`: request headers that make the chat's model provider hang (a fault-injection hook the app honours). */
const hangHook = z
  .strictObject({ headers: headers.refine((h) => Object.keys(h).length > 0, expected('at least one header')), within: duration.optional() })
  .transform(({ within, ...rest }) => ({ ...rest, withinMs: within }));

const latency = z.strictObject({
  targets: z.array(latencyTarget).min(1, expected('at least one target')),
  history: latencyHistory,
  hangHook: hangHook.optional(),
});

/** How the eval switches an outage on for a case: headers the app honours per request (staging only), or URLs it POSTs to switch the outage on and off. */
const faultHook = z.union(
  [
    z.strictObject({ headers: headers.refine((h) => Object.keys(h).length > 0, expected('at least one header')) }),
    z.strictObject({ on: httpUrl, off: httpUrl }),
  ],
  expected('{ headers } sent with each request of the case, or { on, off } URLs to POST'),
);

const chatbot = z
  .strictObject({
    endpoint: httpUrl,
    method: method.default('POST'),
    headers: headers.default({}),
    /** Request body template: {{prompt}}, {{sessionId}}, {{history}}. */
    body: z.string(expected('the request body template as text')).default('{"message":"{{prompt}}","sessionId":"{{sessionId}}"}'),
    reply: jsonPath.default('$.reply'),
    toolCalls: jsonPath.optional(),
    sessionId: jsonPath.optional(),
    /** Streamed replies: server-sent events, JSON lines or plain chunked text (default: by Content-Type). */
    stream: z.enum(['sse', 'ndjson', 'text']).optional(),
    /** Where the text of each streamed event is (default: the common shapes). */
    delta: jsonPath.optional(),
    forbiddenTools: z.array(text).default([]),
    storeFacts: text.optional(),
    latencyBudget: duration.optional(),
    /** A phrase of the system prompt that must never appear in a reply. */
    systemPromptMarker: text.optional(),
    /** Internal host names (besides localhost, private addresses, *.internal, *.local) a reply must not reveal. */
    internalHosts: z.array(text).default([]),
    faultHooks: z.strictObject({ modelProviderDown: faultHook.optional(), databaseDown: faultHook.optional() }).default({}),
    /** Tool endpoints on loopback that record every call, for bots whose tools call out over HTTP. */
    honeypot: z.strictObject({ host: z.string(expected('an address of this machine such as 127.0.0.1')).default('127.0.0.1'), port }).optional(),
    /** An OpenAI-compatible endpoint for `llm-rubric` assertions; the key as a ${ENV} reference. */
    judge: z.strictObject({ endpoint: httpUrl, model: text, apiKey: z.string(expected('an environment reference such as ${OPENAI_API_KEY}')).optional(), headers: headers.default({}) }).optional(),
    /** Hard cap on chat requests per run (cost safety). */
    maxRequests: z.int(expected('a whole number of requests')).min(1).optional(),
  })
  .transform(({ latencyBudget, ...rest }) => ({ ...rest, latencyBudgetMs: latencyBudget }));

export const MONITOR_KINDS = ['http', 'tls', 'dns', 'email', 'chatbot', 'heartbeat', 'tcp'] as const;
export const MONITOR_SEVERITIES = ['critical', 'warning'] as const;

/** Like `duration`, and also in days (`400d`): retention and maintenance windows run long. */
const EXPECT_LONG_DURATION = expected('a duration above zero, such as "30s", "10m", "48h" or "400d"');
const longDuration = z.union([z.number(), z.string()], EXPECT_LONG_DURATION).transform((value, ctx) => {
  const days = typeof value === 'string' ? /^(\d+(?:\.\d+)?)\s*d$/.exec(value.trim()) : null;
  const ms = days ? Math.round(Number(days[1]) * 86_400_000) : parseDuration(value);
  if (ms === undefined || ms <= 0) ctx.addIssue({ code: 'custom', input: value, message: EXPECT_LONG_DURATION.error });
  return ms ?? 0;
});

const EXPECT_DATE_TIME = expected('a date and time with its zone, such as 2026-01-04T02:00:00Z or 2026-01-04T03:00:00+01:00');
const dateTime = z
  .string(EXPECT_DATE_TIME)
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), EXPECT_DATE_TIME)
  .transform((v) => Date.parse(v));

const EXPECT_HOST_PORT = expected('HOST:PORT, such as 1.1.1.1:53 or example.com:443');
const hostPort = z.string(EXPECT_HOST_PORT).regex(/^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, EXPECT_HOST_PORT);

const wholeNumber = (what: string, min: number, max: number) => z.int(expected(`${what} from ${min} to ${max}`)).min(min).max(max);

/** Which keys each kind needs, and which it ignores (a key that does nothing is an error, not a surprise). */
const KIND_KEYS: Record<(typeof MONITOR_KINDS)[number], { required: string[]; allowed: string[] }> = {
  http: { required: ['url'], allowed: ['url', 'method', 'headers', 'body', 'followRedirects'] },
  chatbot: { required: ['prompt'], allowed: ['prompt'] },
  tcp: { required: ['host', 'port'], allowed: ['host', 'port'] },
  tls: { required: ['host'], allowed: ['host', 'port'] },
  dns: { required: [], allowed: [] },
  email: { required: [], allowed: [] },
  heartbeat: { required: [], allowed: [] },
};
const KIND_SPECIFIC = ['url', 'method', 'headers', 'body', 'followRedirects', 'host', 'port', 'prompt'];

const monitorTarget = z
  .strictObject({
    name: text,
    kind: z.enum(MONITOR_KINDS).default('http'),
    url: httpUrl.optional(),
    method: method.optional(),
    headers: headers.optional(),
    body: z.string(expected('the request body as text')).optional(),
    followRedirects: z.boolean(expected('true or false')).optional(),
    host: hostName.optional(),
    port: port.optional(),
    /** chatbot: sent as {{prompt}} in the chatbot section's body template. */
    prompt: text.optional(),
    interval: duration.optional(),
    timeout: duration.optional(),
    /** e.g. `status == 200 && body contains "ok" && p95 < 2000ms` (docs/monitor.md#conditions). */
    condition: text.optional(),
    severity: z.enum(MONITOR_SEVERITIES).optional(),
    /** Names of the alert channels this monitor alerts; all of them when absent. */
    alerts: z.array(text).optional(),
    group: text.optional(),
    /** Shown on the public status page. */
    public: z.boolean(expected('true or false')).optional(),
    paused: z.boolean(expected('true or false')).optional(),
  })
  .superRefine((t, ctx) => {
    const problem = (path: PropertyKey[], message: string, atKey = false) => ctx.addIssue({ code: 'custom', path, message, params: { complete: true, atKey } });
    const keys = KIND_KEYS[t.kind];
    for (const key of keys.required) if (t[key as keyof typeof t] === undefined) problem([], `a ${t.kind} monitor needs \`${key}\``);
    for (const key of KIND_SPECIFIC) {
      if (t[key as keyof typeof t] !== undefined && !keys.allowed.includes(key)) problem([key], `\`${key}\` does not apply to a ${t.kind} monitor`, true);
    }
    if (t.condition !== undefined) {
      try {
        parseCondition(t.condition, t.kind);
      } catch (err) {
        if (!(err instanceof ConditionError)) throw err;
        problem(['condition'], err.message);
      }
    }
  })
  .transform(({ interval, timeout, ...rest }) => ({ ...rest, intervalMs: interval, timeoutMs: timeout }));

/** One monitor as `monitor.targets` declares it; the monitor's JSON API validates created monitors with it too. */
export const monitorTargetSchema = monitorTarget;

const channelCommon = {
  /** How monitors route to the channel (`alerts: [name]`); defaults to the type. */
  name: text.optional(),
  /** Only alerts at least this severe; warnings include certificate expiry and error budget. */
  minSeverity: z.enum(MONITOR_SEVERITIES).optional(),
};
const EXPECT_SECRET_REF = expected('an environment reference such as ${WEBHOOK_SECRET} (secrets never go in the file)');
const alert = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('slack'), url: urlOrEnvRef, ...channelCommon }),
  z.strictObject({
    type: z.literal('webhook'),
    url: urlOrEnvRef,
    /** Signs the body: X-Launch-Ready-Signature: sha256=HMAC(secret, timestamp + "." + body). */
    secret: z.string(EXPECT_SECRET_REF).regex(/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/, EXPECT_SECRET_REF).optional(),
    ...channelCommon,
  }),
  z.strictObject({
    type: z.literal('email'),
    to: z.union([email, z.array(email).min(1)], EXPECT_EMAIL).transform((t) => (Array.isArray(t) ? t : [t])),
    from: email.optional(),
    /** smtp://user:${SMTP_PASSWORD}@host:587 */
    smtp: z.string(expected('an SMTP URL, usually an environment reference such as ${SMTP_URL}')),
    ...channelCommon,
  }),
  z.strictObject({ type: z.literal('stdout'), ...channelCommon }),
]);

const maintenanceWindow = z
  .strictObject({
    name: text,
    /** Monitor names; every monitor when absent. */
    monitors: z.array(text).optional(),
    start: dateTime,
    end: dateTime.optional(),
    duration: longDuration.optional(),
    repeat: z.enum(['daily', 'weekly']).optional(),
  })
  .refine((w) => (w.end === undefined) !== (w.duration === undefined), expected('`end` or `duration` (one of them)'))
  .refine((w) => w.end === undefined || w.end > w.start, expected('`end` after `start`'))
  .transform(({ start, end, duration: d, ...rest }) => ({ ...rest, startMs: start, durationMs: d ?? (end as number) - start }));

const monitor = z
  .strictObject({
    interval: duration.default(60_000),
    /** Per check; at most the interval. Default: 10 s, or the interval when shorter. */
    timeout: duration.optional(),
    /** Checks in flight at once. */
    concurrency: wholeNumber('a number of checks in flight', 1, 2000).default(200),
    /** Every declared route gets an HTTP monitor; every health URL too. */
    routes: z.boolean(expected('true or false')).default(true),
    /** Every declared host gets an HTTP monitor (https://HOST/) and a certificate monitor. */
    hosts: z.boolean(expected('true or false')).default(true),
    /** Names of monitors made from routes and hosts to leave out. */
    exclude: z.array(text).default([]),
    targets: z.array(monitorTarget).default([]),
    alerts: z.array(alert).default([]),
    uptimeTarget: percent.default(99.5),
    /** The window the uptime target applies to (rolling). */
    uptimeWindow: longDuration.default(86_400_000),
    /** Fast burn: alert when this share of the window's error budget is spent within `window` by more than one outage. */
    burnRate: z
      .strictObject({ budget: percent.default(2), window: longDuration.default(3_600_000) })
      .default({ budget: 2, window: 3_600_000 })
      .transform((b) => ({ budgetPercent: b.budget, windowMs: b.window })),
    confirm: z
      .strictObject({
        /** Consecutive failures (the first check and its re-checks) before a monitor is down. */
        down: wholeNumber('a number of failures', 1, 10).default(2),
        up: wholeNumber('a number of successes', 1, 10).default(1),
        /** Delay before a failed check is re-checked from a fresh connection. */
        recheck: duration.default(30_000),
      })
      .default({ down: 2, up: 1, recheck: 30_000 })
      .transform((c) => ({ down: c.down, up: c.up, recheckMs: c.recheck })),
    /** More than `changes` state changes within `window` fold into one incident. */
    flapping: z
      .strictObject({ changes: wholeNumber('a number of state changes', 2, 100).default(4), window: longDuration.default(600_000) })
      .default({ changes: 4, window: 600_000 })
      .transform((f) => ({ changes: f.changes, windowMs: f.window })),
    /** Reminder while an incident stays open; false for none. */
    reminder: z.union([z.literal(false), longDuration], EXPECT_LONG_DURATION).default(1_800_000),
    /** HOST:PORT the monitor connects to to prove its own network works (its DNS resolver is always asked). */
    selfCheck: z.array(hostPort).default([]),
    retention: z
      .strictObject({
        raw: longDuration.default(48 * 3_600_000),
        minutes: longDuration.default(14 * 86_400_000),
        hours: longDuration.default(400 * 86_400_000),
        days: longDuration.default(400 * 86_400_000),
      })
      .default({ raw: 48 * 3_600_000, minutes: 14 * 86_400_000, hours: 400 * 86_400_000, days: 400 * 86_400_000 })
      .transform((r) => ({ rawMs: r.raw, minutesMs: r.minutes, hoursMs: r.hours, daysMs: r.days })),
    maintenance: z.array(maintenanceWindow).default([]),
    /** The public status page (no login), off unless given. */
    statusPage: z.strictObject({ title: text.optional(), monitors: z.array(text).default([]) }).optional(),
    /** The dashboard's address as alert readers reach it (links in Slack and email). */
    dashboardUrl: httpUrl.optional(),
  })
  .transform(({ interval, timeout, uptimeTarget, uptimeWindow, reminder, ...rest }) => ({
    ...rest,
    intervalMs: interval,
    timeoutMs: timeout,
    uptimeTargetPercent: uptimeTarget,
    uptimeWindowMs: uptimeWindow,
    reminderMs: reminder === false ? undefined : reminder,
  }));

type ParsedMonitor = z.output<typeof monitor>;

/** The route, health and host monitors a config yields (the hosts as planFromConfig lists them). */
function monitorNamesFromConfig(c: { domain: string; canonical: string; hosts: Array<{ name: string }>; environments: Record<string, { hosts: string[] }>; routes: Array<{ name: string }>; health?: { urls: string[] }; monitor?: ParsedMonitor }): string[] {
  const hosts = [...new Set([c.domain, hostOfUrl(c.canonical), ...c.hosts.map((h) => h.name), ...Object.values(c.environments).flatMap((e) => e.hosts)])];
  return autoMonitorNames({
    routes: c.routes.map((r) => r.name),
    healthUrls: c.health?.urls ?? [],
    hosts,
    withRoutes: c.monitor?.routes ?? true,
    withHosts: c.monitor?.hosts ?? true,
  });
}

/** Names across the monitor section: unique targets and channels, and references that resolve. */
function crossCheckMonitor(m: ParsedMonitor, autoNames: readonly string[], problem: (path: PropertyKey[], message: string, atKey?: boolean) => void): void {
  const auto = new Set(autoNames);
  const names = new Set<string>();
  m.targets.forEach((t, i) => {
    if (names.has(t.name)) problem(['monitor', 'targets', i, 'name'], `monitor name "${t.name}" is used twice; names must be unique`);
    else if (auto.has(t.name)) problem(['monitor', 'targets', i, 'name'], `"${t.name}" is already the name of the monitor made from a route or host; pick another name, or add it to monitor.exclude`);
    names.add(t.name);
  });
  const all = [...auto, ...names];
  const known = (name: string, path: PropertyKey[], what: string) => {
    if (all.includes(name)) return;
    const hint = didYouMean(name, all);
    problem(path, `no ${what} is named "${name}"${hint ? `; did you mean \`${hint}\`?` : ''}`);
  };
  m.exclude.forEach((n, i) => (auto.has(n) ? undefined : known(n, ['monitor', 'exclude', i], 'route or host monitor')));
  m.statusPage?.monitors.forEach((n, i) => known(n, ['monitor', 'statusPage', 'monitors', i], 'monitor'));
  m.maintenance.forEach((w, i) => w.monitors?.forEach((n, j) => known(n, ['monitor', 'maintenance', i, 'monitors', j], 'monitor')));
  const channels = new Set<string>();
  m.alerts.forEach((a, i) => {
    const name = a.name ?? a.type;
    if (channels.has(name)) problem(['monitor', 'alerts', i], `two alert channels are named "${name}"; give each a distinct \`name\``, true);
    channels.add(name);
  });
  m.targets.forEach((t, i) =>
    t.alerts?.forEach((c, j) => {
      if (channels.has(c)) return;
      const hint = didYouMean(c, [...channels]);
      problem(['monitor', 'targets', i, 'alerts', j], `no alert channel is named "${c}"${hint ? `; did you mean \`${hint}\`?` : channels.size ? `; channels: ${[...channels].join(', ')}` : ' (monitor.alerts is empty)'}`);
    }),
  );
}

/** `null` (or absent) means nobody owns the account yet: the handover flags it. */
const owner = z.string(expected('a name, or null when nobody owns it yet')).nullable().optional();
const handover = z.strictObject({
  owners: z
    .strictObject({ registrar: owner, dns: owner, hosting: owner, email: owner, modelProvider: owner, payments: owner })
    .default({}),
  contacts: z.array(z.strictObject({ name: text, role: text.optional(), email: email.optional(), phone: text.optional() })).default([]),
  /** Where production runs, when detection from headers, CNAMEs and repo files cannot tell (or tells wrong). */
  platform: z.enum(['vercel', 'netlify', 'fly', 'render', 'railway', 'heroku', 'vm']).optional(),
  /** The team's own steps; they replace the platform's generic ones in the runbook. */
  runbook: z.strictObject({ deploy: z.array(text).min(1).optional(), rollback: z.array(text).min(1).optional() }).optional(),
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
  if (c.monitor) crossCheckMonitor(c.monitor, monitorNamesFromConfig(c), problem);
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
    latency: c.latency && { ...c.latency, targets: c.latency.targets.map((t) => withRouteDefaults(t, t.route === undefined ? undefined : routes.get(t.route))) },
  };
});

export type Config = z.output<typeof configSchema>;
export type RouteConfig = Config['routes'][number];
