/**
 * Chatbot synthetic monitor: sends a canned prompt through the config's chatbot section (its
 * endpoint, headers and body template) and lets the condition judge the reply and the latency,
 * e.g. `reply contains "1001" && latency < 5s`. A fresh session id per check keeps checks from
 * building one endless conversation.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/schema.js';
import { readJsonPath } from '../../analysis/json-path.js';
import { isJsonTemplate, renderBody } from '../../latency/body-template.js';
import { describeExchange, httpValues } from './http.js';
import type { CheckNetwork } from './network.js';
import type { Observation } from './observation.js';

export type ChatbotSection = NonNullable<Config['chatbot']>;

export async function probeChatbot(chatbot: ChatbotSection, headers: Record<string, string>, prompt: string, net: CheckNetwork): Promise<Observation> {
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const json = isJsonTemplate(chatbot.body, contentType);
  const body = renderBody(chatbot.body, json, { prompt, sessionId: `launch-ready-monitor-${randomUUID()}` });
  const requestHeaders = json && contentType === undefined ? { ...headers, 'content-type': 'application/json' } : headers;
  const exchange = await net.http.request(chatbot.endpoint, { method: chatbot.method, headers: requestHeaders, body });
  const { lookup: base, json: parsed } = httpValues([exchange], '');
  const reply = () => {
    const found = readJsonPath(parsed(), chatbot.reply);
    return found.found && found.value !== null ? (typeof found.value === 'string' ? found.value : JSON.stringify(found.value)) : undefined;
  };
  const lookup = (root: string, segments: ReadonlyArray<string | number>): unknown => (root === 'reply' ? reply() : base(root, segments));
  const latencyMs = exchange.timings.totalMs;
  const obs: Observation = { latencyMs, values: lookup, detail: describeExchange(exchange, 'ok', latencyMs) };
  if (exchange.status !== undefined) obs.status = exchange.status;
  if (exchange.error) obs.error = exchange.error;
  return obs;
}
