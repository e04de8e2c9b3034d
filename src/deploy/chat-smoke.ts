/**
 * The chatbot's smoke prompt: one harmless question through the configured endpoint and body
 * template; the bot must answer 2xx with a non-empty reply at the configured JSONPath. It catches a
 * release whose model key or prompt wiring is broken while every page still loads.
 */
import { readJsonPath, parseJsonBody } from '../analysis/json-path.js';
import { resolveEnvRefs } from '../config/env-refs.js';
import type { Config } from '../config/schema.js';
import type { HttpClient } from '../net/http-client.js';
import type { SmokeResult } from './record.js';

export const SMOKE_PROMPTS = ['Hello! Are you open today?'] as const;

export interface ChatSmokeSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  reply: string;
}

/** The smoke request from the config's `chatbot` section, `${ENV}` references expanded. */
export function chatSmokeSpec(chatbot: NonNullable<Config['chatbot']>, env: NodeJS.ProcessEnv = process.env): ChatSmokeSpec {
  return {
    url: chatbot.endpoint,
    method: chatbot.method,
    headers: Object.fromEntries(Object.entries(chatbot.headers).map(([k, v]) => [k, resolveEnvRefs(v, env)])),
    body: chatbot.body,
    reply: chatbot.reply,
  };
}

/** The body template with `{{prompt}}`, `{{sessionId}}` and `{{history}}` filled, JSON-escaped as the template is JSON. */
export function fillTemplate(template: string, prompt: string, sessionId: string): string {
  const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
  return template.replaceAll('{{prompt}}', inJson(prompt)).replaceAll('{{sessionId}}', inJson(sessionId)).replaceAll('{{history}}', '[]');
}

export async function runChatSmoke(http: HttpClient, spec: ChatSmokeSpec): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  for (const [i, prompt] of SMOKE_PROMPTS.entries()) {
    const name = `chat smoke prompt ${i + 1}`;
    const body = fillTemplate(spec.body, prompt, `launch-ready-smoke-${Date.now().toString(36)}`);
    const ex = await http.request(spec.url, { method: spec.method, headers: { 'content-type': 'application/json', ...spec.headers }, body });
    const base = { kind: 'chat' as const, name, url: spec.url, totalMs: Math.round(ex.timings.totalMs) };
    if (ex.error || ex.status === undefined) {
      results.push({ ...base, ok: false, detail: `${JSON.stringify(prompt)}: ${ex.error?.code ?? 'no response'}: ${ex.error?.message ?? ''}`.trim() });
      continue;
    }
    const parsed = parseJsonBody(ex.body);
    const reply = parsed.ok ? readJsonPath(parsed.value, spec.reply) : { found: false as const };
    const text = reply.found && typeof reply.value === 'string' ? reply.value.trim() : '';
    const ok = ex.status >= 200 && ex.status < 300 && text !== '';
    const why = ex.status >= 300 || ex.status < 200 ? `status ${ex.status}` : !parsed.ok ? 'reply is not JSON' : `no text at ${spec.reply}`;
    results.push({ ...base, ok, detail: ok ? `${ex.status}, replied ${JSON.stringify(text.slice(0, 60))}` : `${JSON.stringify(prompt)}: ${why}` });
  }
  return results;
}
