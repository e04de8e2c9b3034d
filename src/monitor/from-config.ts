/**
 * Monitoring as code: the monitors a config declares. Every route and health URL gets an HTTP
 * monitor, every host an HTTP monitor of https://HOST/ and a certificate monitor (unless
 * `monitor.routes` / `monitor.hosts` is false or the name is in `monitor.exclude`), and
 * `monitor.targets` adds the rest. Conditions default to what the route expects.
 */
import { hostOfUrl, isEnvironmentRole, type Config } from '../config/schema.js';
import { certificateMonitorName, healthMonitorName, hostMonitorName, routeMonitorName } from './auto-names.js';
import { monitorId, type MonitorSpec, type MonitorSource, type Severity } from './model.js';

type MonitorConfig = NonNullable<Config['monitor']>;
type RouteConfig = Config['routes'][number];
export type TargetConfig = MonitorConfig['targets'][number];

/** The section's defaults when a config has no `monitor:` at all. */
export const DEFAULT_MONITOR_CONFIG: MonitorConfig = {
  intervalMs: 60_000,
  timeoutMs: undefined,
  concurrency: 200,
  routes: true,
  hosts: true,
  exclude: [],
  targets: [],
  alerts: [{ type: 'stdout' }],
  uptimeTargetPercent: 99.5,
  uptimeWindowMs: 86_400_000,
  burnRate: { budgetPercent: 2, windowMs: 3_600_000 },
  confirm: { down: 2, up: 1, recheckMs: 30_000 },
  flapping: { changes: 4, windowMs: 600_000 },
  reminderMs: 1_800_000,
  selfCheck: [],
  retention: { rawMs: 48 * 3_600_000, minutesMs: 14 * 86_400_000, hoursMs: 400 * 86_400_000, daysMs: 400 * 86_400_000 },
  maintenance: [],
  statusPage: undefined,
  dashboardUrl: undefined,
};

const DEFAULT_TIMEOUT_MS = 10_000;

/** A string literal of the condition language. */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** `order.items.0.sku` → `json.order.items[0].sku`; odd keys in brackets. */
function jsonPath(dotted: string): string {
  const segments = dotted.replace(/^\$\.?/, '').split('.');
  return `json${segments.map((s) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `.${s}` : /^\d+$/.test(s) ? `[${s}]` : `[${quote(s)}]`)).join('')}`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? quote(value) : value === null ? 'null' : String(value);
}

/** What a route expects, as a condition (docs/config.md: no status list means any 2xx or 3xx). */
export function routeCondition(expect: RouteConfig['expect']): string {
  const tests: string[] = [];
  const statuses = expect.status ?? [];
  if (statuses.length === 1) tests.push(`status == ${statuses[0]}`);
  else if (statuses.length > 1) tests.push(`status in [${statuses.join(', ')}]`);
  else tests.push('status >= 200 && status < 400');
  if (expect.body !== undefined) tests.push(`body contains ${quote(expect.body)}`);
  for (const [path, want] of Object.entries(expect.json ?? {})) tests.push(want === 'exists' ? `${jsonPath(path)} exists` : `${jsonPath(path)} == ${literal(want)}`);
  return tests.join(' && ');
}

const DEFAULT_CONDITION: Record<MonitorSpec['kind'], (intervalMs: number) => string> = {
  http: () => 'status >= 200 && status < 400',
  chatbot: () => 'status == 200 && reply exists',
  tcp: () => 'connected',
  tls: () => 'cert.valid',
  // A ping may come up to half an interval late before the job counts as missed.
  heartbeat: (intervalMs) => `age < ${Math.round(intervalMs * 1.5)}ms`,
  dns: () => 'changes == 0',
  email: () => 'problems == 0',
};

function defaultCondition(kind: MonitorSpec['kind'], intervalMs: number): string {
  return DEFAULT_CONDITION[kind](intervalMs);
}

/** Hosts as the audit plans them (config/plan.ts), each with its environment's role. */
function declaredHosts(config: Config): Array<{ name: string; role?: string }> {
  const envOf = new Map<string, string>();
  for (const [name, env] of Object.entries(config.environments)) for (const host of env.hosts) envOf.set(host, name);
  for (const h of config.hosts) if (h.environment) envOf.set(h.name, h.environment);
  const names = [...new Set([config.domain, hostOfUrl(config.canonical), ...config.hosts.map((h) => h.name), ...Object.values(config.environments).flatMap((e) => e.hosts)])];
  return names.map((name) => {
    const env = envOf.get(name);
    const role = env === undefined ? undefined : (config.environments[env]?.role ?? (isEnvironmentRole(env) ? env : undefined));
    return { name, role };
  });
}

/** Every monitor the config declares, in a stable order. */
export function monitorsFromConfig(config: Config): MonitorSpec[] {
  const m = config.monitor ?? DEFAULT_MONITOR_CONFIG;
  const excluded = new Set(m.exclude);
  const publicNames = new Set(m.statusPage?.monitors ?? []);
  const timeout = (intervalMs: number, own?: number) => Math.min(own ?? m.timeoutMs ?? DEFAULT_TIMEOUT_MS, intervalMs);
  const base = (source: MonitorSource, name: string, kind: MonitorSpec['kind'], condition: string, severity: Severity): MonitorSpec => ({
    id: monitorId(source, name),
    name,
    kind,
    source,
    intervalMs: m.intervalMs,
    timeoutMs: timeout(m.intervalMs),
    condition,
    severity,
    public: publicNames.has(name),
    paused: false,
  });
  const out: MonitorSpec[] = [];
  if (m.routes) {
    for (const r of config.routes) {
      const name = routeMonitorName(r.name);
      if (excluded.has(name)) continue;
      // A route that expects only redirects is judged on its first answer, as the audit judges it.
      const statuses = r.expect.status ?? [];
      const followRedirects = !(statuses.length > 0 && statuses.every((s) => s >= 300 && s < 400));
      out.push({
        ...base('route', name, 'http', routeCondition(r.expect), 'critical'),
        http: { url: r.url, method: r.method, headers: r.headers, body: r.body, followRedirects },
      });
    }
    for (const url of config.health?.urls ?? []) {
      const name = healthMonitorName(url);
      if (excluded.has(name)) continue;
      out.push({ ...base('health', name, 'http', 'status == 200', 'critical'), http: { url, method: 'GET', headers: {}, followRedirects: true } });
    }
  }
  if (m.hosts) {
    for (const host of declaredHosts(config)) {
      // A staging or preview host being down is worth knowing, not worth waking anyone.
      const severity: Severity = host.role === undefined || host.role === 'production' ? 'critical' : 'warning';
      const name = hostMonitorName(host.name);
      if (!excluded.has(name)) {
        // Any answer below 500 means the host is up: a staging host behind a password answers 401.
        out.push({ ...base('host', name, 'http', 'status < 500', severity), http: { url: `https://${host.name}/`, method: 'GET', headers: {}, followRedirects: true } });
      }
      const cert = certificateMonitorName(host.name);
      if (!excluded.has(cert)) out.push({ ...base('certificate', cert, 'tls', 'cert.valid', severity), endpoint: { host: host.name, port: 443 } });
    }
  }
  for (const t of m.targets) out.push(targetSpec(t, m, 'config', publicNames));
  return out;
}

/** A monitor as `monitor.targets` (or the JSON API, source `api`) declares it, with the section's defaults. */
export function targetSpec(t: TargetConfig, m: MonitorConfig, source: 'config' | 'api', publicNames: ReadonlySet<string> = new Set()): MonitorSpec {
  const intervalMs = t.intervalMs ?? m.intervalMs;
  const spec: MonitorSpec = {
    id: monitorId(source, t.name),
    name: t.name,
    kind: t.kind,
    source,
    intervalMs,
    timeoutMs: Math.min(t.timeoutMs ?? m.timeoutMs ?? DEFAULT_TIMEOUT_MS, intervalMs),
    condition: t.condition ?? defaultCondition(t.kind, intervalMs),
    severity: t.severity ?? 'critical',
    public: t.public ?? publicNames.has(t.name),
    paused: t.paused ?? false,
  };
  if (t.alerts) spec.channels = t.alerts;
  if (t.group) spec.group = t.group;
  if (t.kind === 'http') spec.http = { url: t.url!, method: t.method ?? 'GET', headers: t.headers ?? {}, body: t.body, followRedirects: t.followRedirects ?? true };
  if (t.kind === 'tcp') spec.endpoint = { host: t.host!, port: t.port! };
  if (t.kind === 'tls') spec.endpoint = { host: t.host!, port: t.port ?? 443 };
  if (t.kind === 'chatbot') spec.prompt = t.prompt;
  return spec;
}
