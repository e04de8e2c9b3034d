/**
 * What the audit's latency stage will do, decided from the config before any request: which
 * budgeted targets to bench (briefly), which read endpoints to fetch repeatedly, whether the chat
 * can be grown into a long conversation, and whether it can be made to hang. A part that cannot
 * run says why, and its checks are reported as not checked.
 */
import type { Config } from '../../config/schema.js';
import { resolveEnvRefs } from '../../config/env-refs.js';
import type { RouteKind } from '../../core/finding.js';
import { LATENCY_METRICS } from '../thresholds.js';
import { targetsFromConfig, type BenchTarget } from '../targets.js';

/** The chat request the history and hang probes send: the chatbot section's, else a chat latency target's, else a chat route's. */
export interface ChatRequest {
  name: string;
  url: string;
  method: string;
  /** With `${ENV}` references expanded: never print them. */
  headers: Record<string, string>;
  bodyTemplate: string;
  prompts: string[];
  /** JSONPath of the session id in the reply, when the server assigns it. */
  sessionIdPath?: string;
}

export interface ReadEndpoint {
  name: string;
  url: string;
  headers: Record<string, string>;
  kind: RouteKind;
}

export type PerformancePart = 'latency' | 'readRepeats' | 'historyGrowth' | 'hangProbes';

export interface PerformancePlan {
  /** Latency targets that have budgets, each run for at most AUDIT_TARGET_MS. */
  targets: BenchTarget[];
  reads: ReadEndpoint[];
  history?: { chat: ChatRequest; historyUrl?: string; turns: number[]; factor: number };
  hang?: { chat: ChatRequest; headers: Record<string, string>; withinMs: number };
  /** Why a part will not run; its checks report it as not checked. */
  skipped: Partial<Record<PerformancePart, string>>;
}

/** An audit benches each budgeted target for at most this long (`launch-ready bench` runs the full duration). */
export const AUDIT_TARGET_MS = 10_000;
/** How long a chat may take to answer while its model provider hangs, when neither the hook nor a budget says. */
export const DEFAULT_HANG_BUDGET_MS = 10_000;
/** Prompts for growing a conversation when the config gives none: ordinary shop questions. */
export const DEFAULT_PROMPTS = ['What are your shipping options?', 'Do you ship to France?', 'What sizes do your shirts come in?', 'Can I return an item?'];

const resolveAll = (headers: Record<string, string>, env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, resolveEnvRefs(v, env)]));

function chatRequest(config: Config, targets: readonly BenchTarget[], env: NodeJS.ProcessEnv): ChatRequest | undefined {
  const bot = config.chatbot;
  if (bot) {
    const chat: ChatRequest = { name: 'chatbot', url: bot.endpoint, method: bot.method, headers: resolveAll(bot.headers, env), bodyTemplate: resolveEnvRefs(bot.body, env), prompts: DEFAULT_PROMPTS };
    if (bot.sessionId) chat.sessionIdPath = bot.sessionId;
    return chat;
  }
  const t = targets.find((x) => x.kind === 'chat' && x.bodyTemplate !== undefined);
  if (t?.bodyTemplate) return { name: t.name, url: t.url, method: t.method, headers: t.headers, bodyTemplate: t.bodyTemplate, prompts: t.prompts.length > 0 ? t.prompts : DEFAULT_PROMPTS };
  const r = config.routes.find((x) => x.kind === 'chat' && x.body !== undefined);
  if (!r?.body) return undefined;
  return { name: r.name, url: r.url, method: r.method, headers: resolveAll(r.headers, env), bodyTemplate: resolveEnvRefs(r.body, env), prompts: DEFAULT_PROMPTS };
}

/** GET routes of kind api (order status, product lookup), and GET api latency targets not among them. */
function readEndpoints(config: Config, targets: readonly BenchTarget[], env: NodeJS.ProcessEnv): ReadEndpoint[] {
  const reads = new Map<string, ReadEndpoint>();
  for (const r of config.routes) {
    if (r.method === 'GET' && r.kind === 'api') reads.set(r.url, { name: r.name, url: r.url, headers: resolveAll(r.headers, env), kind: r.kind });
  }
  for (const t of targets) {
    if (t.method === 'GET' && t.kind === 'api' && !reads.has(t.url)) reads.set(t.url, { name: t.name, url: t.url, headers: t.headers, kind: t.kind });
  }
  return [...reads.values()];
}

export function performancePlanFromConfig(config: Config, env: NodeJS.ProcessEnv = process.env): PerformancePlan {
  const all = config.latency ? targetsFromConfig(config, { thresholds: [] }, env) : [];
  const plan: PerformancePlan = {
    targets: all.filter((t) => t.thresholds.length > 0).map((t) => ({ ...t, durationMs: Math.min(t.durationMs, AUDIT_TARGET_MS) })),
    reads: readEndpoints(config, all, env),
    skipped: {},
  };
  if (plan.targets.length === 0) plan.skipped.latency = 'the config declares no latency budget (latency.targets[].budget)';
  if (plan.reads.length === 0) plan.skipped.readRepeats = 'the config declares no read endpoint (a GET route with kind: api)';

  const chat = chatRequest(config, all, env);
  const history = config.latency?.history ?? { turns: [1, 10, 50], factor: 3 };
  if (!chat) {
    plan.skipped.historyGrowth = 'the config declares no chat request (a chatbot section, or a route of kind chat with a body)';
  } else if (!/\{\{\s*sessionId\s*\}\}/.test(chat.bodyTemplate)) {
    plan.skipped.historyGrowth = `the chat request (${chat.name}) sends no session id, so a conversation cannot be grown ({{sessionId}} in its body template)`;
  } else {
    plan.history = { chat, turns: [...new Set(history.turns)].sort((a, b) => a - b), factor: history.factor };
    if (history.url) plan.history.historyUrl = history.url;
  }

  const hook = config.latency?.hangHook;
  if (!hook) {
    plan.skipped.hangProbes = 'the config supplies no fault-injection hook (latency.hangHook) to make the model provider hang';
  } else if (!chat) {
    plan.skipped.hangProbes = 'latency.hangHook is set but the config declares no chat request to send it with';
  } else {
    const chatTarget = all.find((t) => t.url === chat.url && t.method === chat.method);
    const budgets = (chatTarget?.thresholds ?? []).filter((t) => (LATENCY_METRICS as readonly string[]).includes(t.metric)).map((t) => t.limit);
    plan.hang = { chat, headers: resolveAll(hook.headers, env), withinMs: hook.withinMs ?? (budgets.length > 0 ? Math.max(...budgets) : DEFAULT_HANG_BUDGET_MS) };
  }
  return plan;
}
