/** What a monitor is, wherever it was declared (a route, a host, monitor.targets, the API). */
import type { MONITOR_KINDS, MONITOR_SEVERITIES } from '../config/schema.js';

export type MonitorKind = (typeof MONITOR_KINDS)[number];
export type Severity = (typeof MONITOR_SEVERITIES)[number];

/** Where the monitor comes from; `api` monitors live in the store, the others in the config. */
export type MonitorSource = 'route' | 'health' | 'host' | 'certificate' | 'config' | 'api';

export interface HttpTarget {
  url: string;
  method: string;
  /** As written: `${ENV}` references are expanded when the monitor is compiled, never stored expanded. */
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
}

export interface MonitorSpec {
  /** Stable across restarts and reloads: `<source>:<name>`. */
  id: string;
  name: string;
  kind: MonitorKind;
  source: MonitorSource;
  intervalMs: number;
  timeoutMs: number;
  condition: string;
  http?: HttpTarget;
  /** tcp and tls. */
  endpoint?: { host: string; port: number };
  /** chatbot: the prompt sent through the chatbot section's request template. */
  prompt?: string;
  severity: Severity;
  /** Alert channel names; every channel when absent. */
  channels?: string[];
  group?: string;
  /** On the public status page. */
  public: boolean;
  paused: boolean;
}

export function monitorId(source: MonitorSource, name: string): string {
  return `${source}:${name}`;
}

/** What a monitor targets, for lists and logs: never headers or bodies (they may hold secrets). */
export function targetOf(spec: MonitorSpec): string {
  if (spec.http) return `${spec.http.method} ${spec.http.url}`;
  if (spec.endpoint) return `${spec.endpoint.host}:${spec.endpoint.port}`;
  return spec.kind;
}
