/**
 * The chatbot under test, from the config's `chatbot:` section: how to talk to it, where its answer
 * is, what it must never do, and the hooks the failure pack needs. `${ENV}` references in headers,
 * the body and the judge's key are expanded here, so a target holds secrets: never print one.
 */
import { resolve } from 'node:path';
import { resolveEnvRefs } from '../config/env-refs.js';
import type { LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../core/errors.js';
import { parseJsonPath, type JsonPath } from './json-path.js';
import { loadStoreFacts, type StoreFacts } from './store-facts.js';
import type { Outage } from './types.js';

export type FaultHook = { kind: 'headers'; headers: Record<string, string> } | { kind: 'switch'; on: string; off: string };

export interface JudgeSettings {
  /** Base URL of an OpenAI-compatible API; requests go to `{endpoint}/chat/completions`. */
  endpoint: string;
  model: string;
  headers: Record<string, string>;
}

export interface ChatTarget {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  bodyTemplate: string;
  reply: JsonPath;
  toolCalls?: JsonPath;
  sessionId?: JsonPath;
  stream?: 'sse' | 'ndjson' | 'text';
  delta?: JsonPath;
  forbiddenTools: string[];
  latencyBudgetMs: number;
  systemPromptMarker?: string;
  internalHosts: string[];
  faultHooks: Partial<Record<Outage, FaultHook>>;
  honeypot?: { host: string; port: number };
  judge?: JudgeSettings;
  maxRequests: number;
  facts?: StoreFacts;
}

/** What a reply may take when the config sets no budget: a customer waits no longer in a chat. */
export const DEFAULT_LATENCY_BUDGET_MS = 10_000;
export const DEFAULT_MAX_REQUESTS = 1000;

export type ChatbotConfig = NonNullable<Config['chatbot']>;

function hook(h: NonNullable<ChatbotConfig['faultHooks']['modelProviderDown']>, env: NodeJS.ProcessEnv): FaultHook {
  if ('headers' in h) return { kind: 'headers', headers: Object.fromEntries(Object.entries(h.headers).map(([k, v]) => [k.toLowerCase(), resolveEnvRefs(v, env)])) };
  return { kind: 'switch', on: h.on, off: h.off };
}

function resolveHeaders(headers: Record<string, string>, env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), resolveEnvRefs(v, env)]));
}

export async function chatTargetFromConfig(loaded: LoadedConfig, env: NodeJS.ProcessEnv = process.env): Promise<ChatTarget> {
  const bot = loaded.config.chatbot;
  if (!bot) {
    throw new UsageError('LR_NO_CHATBOT', `${loaded.file} has no chatbot section: add chatbot.endpoint (and reply, toolCalls, …) so the eval knows where the bot is. See docs/eval.md.`);
  }
  return chatTargetFromSection(bot, loaded.dir, env);
}

/** The target of a `chatbot:` section; relative paths (storeFacts) are read from `configDir`. */
export async function chatTargetFromSection(bot: ChatbotConfig, configDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ChatTarget> {
  const target: ChatTarget = {
    endpoint: bot.endpoint,
    method: bot.method,
    headers: resolveHeaders(bot.headers, env),
    bodyTemplate: resolveEnvRefs(bot.body, env),
    reply: parseJsonPath(bot.reply),
    forbiddenTools: bot.forbiddenTools,
    latencyBudgetMs: bot.latencyBudgetMs ?? DEFAULT_LATENCY_BUDGET_MS,
    internalHosts: bot.internalHosts,
    faultHooks: {},
    maxRequests: bot.maxRequests ?? DEFAULT_MAX_REQUESTS,
  };
  if (bot.toolCalls) target.toolCalls = parseJsonPath(bot.toolCalls);
  if (bot.sessionId) target.sessionId = parseJsonPath(bot.sessionId);
  if (bot.stream) target.stream = bot.stream;
  if (bot.delta) target.delta = parseJsonPath(bot.delta);
  if (bot.systemPromptMarker) target.systemPromptMarker = bot.systemPromptMarker;
  if (bot.faultHooks.modelProviderDown) target.faultHooks['model-provider-down'] = hook(bot.faultHooks.modelProviderDown, env);
  if (bot.faultHooks.databaseDown) target.faultHooks['database-down'] = hook(bot.faultHooks.databaseDown, env);
  if (bot.honeypot) target.honeypot = bot.honeypot;
  if (bot.judge) {
    const headers = resolveHeaders(bot.judge.headers, env);
    if (bot.judge.apiKey) headers.authorization = `Bearer ${resolveEnvRefs(bot.judge.apiKey, env)}`;
    target.judge = { endpoint: bot.judge.endpoint.replace(/\/+$/, ''), model: bot.judge.model, headers };
  }
  if (bot.storeFacts) target.facts = await loadStoreFacts(resolve(configDir, bot.storeFacts));
  return target;
}
