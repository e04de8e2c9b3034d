/**
 * What `launch-ready bench` measures: the config's `latency.targets`, or one URL from the command
 * line, each resolved to a request, a load model, a duration, a request cap and its thresholds.
 */
import type { Config } from '../config/schema.js';
import { resolveEnvRefs } from '../config/env-refs.js';
import type { RouteKind } from '../core/finding.js';
import type { BenchRequest } from './http-sender.js';
import { isJsonTemplate, renderBody, requestHeaders } from './body-template.js';
import type { LoadModel } from './result.js';
import { mergeThresholds, thresholdsFromBudget, type Threshold } from './thresholds.js';

export interface BenchTarget {
  name: string;
  url: string;
  method: string;
  /** With `${ENV}` references expanded: never print them. */
  headers: Record<string, string>;
  bodyTemplate?: string;
  prompts: string[];
  kind: RouteKind;
  model: LoadModel;
  durationMs: number;
  /** null: no cap beyond the schedule and the duration. */
  requestCap: number | null;
  thresholds: Threshold[];
}

/** Chat endpoints cost real money per request (a model call each), so they get a hard cap unless told otherwise. */
export const CHAT_REQUEST_CAP = 200;
export const DEFAULT_DURATION_MS = 30_000;
/** A bench waits out slow responses (a 6 s chat stall is a latency to report, not a timeout) unless told otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The rate when neither a rate nor a connection count is given: gentle enough for any production site. */
export const DEFAULT_RATE = { chat: 2, other: 10 } as const;

/** Overrides from the command line; they apply to every target. */
export interface BenchOverrides {
  rate?: number;
  connections?: number;
  durationMs?: number;
  maxRequests?: number;
  thresholds: Threshold[];
}

type ConfigTarget = NonNullable<Config['latency']>['targets'][number];

const CHAT_PATH = /(^|\/)(chat|chats|completions?|assistant|conversations?|messages)(\/|$)/i;

/** A declared route's kind; otherwise a chat when it takes prompts or its path looks like one (the cost cap errs on the safe side). */
export function targetKind(url: string, routeKind: RouteKind | undefined, prompts: readonly string[]): RouteKind {
  if (routeKind) return routeKind;
  if (prompts.length > 0 || CHAT_PATH.test(new URL(url).pathname)) return 'chat';
  return 'api';
}

/** Open when a rate is given (or nothing is), closed with N connections when only connections are. */
export function loadModel(kind: RouteKind, rate: number | undefined, connections: number | undefined): LoadModel {
  if (rate === undefined && connections !== undefined) return { kind: 'closed', connections };
  return { kind: 'open', ratePerSecond: rate ?? (kind === 'chat' ? DEFAULT_RATE.chat : DEFAULT_RATE.other), connections: connections ?? null };
}

function resolveTarget(
  base: { name: string; url: string; method: string; headers: Record<string, string>; body?: string; prompts: string[]; routeKind?: RouteKind },
  own: { rate?: number; connections?: number; durationMs?: number; maxRequests?: number; thresholds: Threshold[] },
  o: BenchOverrides,
  env: NodeJS.ProcessEnv,
): BenchTarget {
  const kind = targetKind(base.url, base.routeKind, base.prompts);
  const maxRequests = o.maxRequests ?? own.maxRequests;
  const target: BenchTarget = {
    name: base.name,
    url: base.url,
    method: base.method,
    headers: Object.fromEntries(Object.entries(base.headers).map(([k, v]) => [k, resolveEnvRefs(v, env)])),
    prompts: base.prompts,
    kind,
    model: loadModel(kind, o.rate ?? own.rate, o.connections ?? own.connections),
    durationMs: o.durationMs ?? own.durationMs ?? DEFAULT_DURATION_MS,
    requestCap: maxRequests ?? (kind === 'chat' ? CHAT_REQUEST_CAP : null),
    thresholds: mergeThresholds(own.thresholds, o.thresholds),
  };
  if (base.body !== undefined) target.bodyTemplate = resolveEnvRefs(base.body, env);
  return target;
}

export function targetsFromConfig(config: Config, o: BenchOverrides, env: NodeJS.ProcessEnv = process.env): BenchTarget[] {
  const kinds = new Map(config.routes.map((r) => [r.name, r.kind]));
  const kindOfUrl = new Map(config.routes.map((r) => [r.url, r.kind]));
  return (config.latency?.targets ?? []).map((t: ConfigTarget) =>
    resolveTarget(
      { ...t, prompts: t.prompts ?? [], routeKind: (t.route !== undefined ? kinds.get(t.route) : undefined) ?? kindOfUrl.get(t.url) },
      { ...t, thresholds: thresholdsFromBudget(t.budget) },
      o,
      env,
    ),
  );
}

export function targetFromUrl(url: string, o: BenchOverrides): BenchTarget {
  return resolveTarget({ name: url, url, method: 'GET', headers: {}, prompts: [] }, { thresholds: [] }, o, {});
}

/** The request a target sends: request `index` gets prompt `index mod n` and a session of its own. */
export function benchRequest(t: BenchTarget, userAgent: string, runId: string): BenchRequest {
  const template = t.bodyTemplate;
  const headers = requestHeaders(t.headers, template, userAgent);
  const json = template !== undefined && isJsonTemplate(template, headers['content-type']);
  return {
    url: t.url,
    method: t.method,
    headers,
    body:
      template === undefined
        ? () => undefined
        : (index) => renderBody(template, json, { prompt: t.prompts.length ? t.prompts[index % t.prompts.length] : '', sessionId: `lr-${runId}-${index}` }),
  };
}
