/**
 * Reads a chatbot's answer out of its HTTP response: the reply text, the tool calls it reports and
 * the session id, from a JSON body, a server-sent event stream, JSON lines or plain text.
 */
import type { JsonPath } from './json-path.js';
import { parseJsonLines, parseServerSentEvents } from './sse.js';
import type { ToolCall } from './types.js';

export interface ResponseShape {
  reply: JsonPath;
  toolCalls?: JsonPath;
  sessionId?: JsonPath;
  stream?: 'sse' | 'ndjson' | 'text';
  delta?: JsonPath;
}

export interface ParsedResponse {
  reply: string;
  toolCalls: ToolCall[];
  sessionId?: string;
  /** The body as JSON, when it is JSON (json-path and javascript assertions read it). */
  json?: unknown;
}

/** Where streamed text sits in the common chat APIs, tried in turn when `delta` is not configured. */
const DELTA_SHAPES = [
  (v: Record<string, unknown>) => (v.choices as Array<{ delta?: { content?: unknown }; text?: unknown }> | undefined)?.[0]?.delta?.content,
  (v: Record<string, unknown>) => (v.choices as Array<{ text?: unknown }> | undefined)?.[0]?.text,
  (v: Record<string, unknown>) => (v.delta as { text?: unknown } | undefined)?.text,
  (v: Record<string, unknown>) => v.delta,
  (v: Record<string, unknown>) => v.text,
  (v: Record<string, unknown>) => v.token,
  (v: Record<string, unknown>) => v.content,
  (v: Record<string, unknown>) => v.reply,
  (v: Record<string, unknown>) => v.message,
];

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function parseArgs(raw: unknown): Record<string, unknown> {
  if (typeof raw === 'string') {
    try {
      const parsed = JSON.parse(raw) as unknown;
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { input: parsed };
    } catch {
      return { input: raw };
    }
  }
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/**
 * One tool call in any of the usual shapes: `{ name, args }`, `{ name, arguments }` (arguments may
 * be a JSON string), OpenAI's `{ function: { name, arguments } }`, `{ name, input }`, `{ tool, … }`,
 * or just a name.
 */
export function normaliseToolCall(raw: unknown): ToolCall | undefined {
  if (typeof raw === 'string') return { name: raw, args: {}, via: 'response' };
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const fn = r.function as Record<string, unknown> | undefined;
  const name = asText(fn?.name) ?? asText(r.name) ?? asText(r.tool) ?? asText(r.toolName);
  if (!name) return undefined;
  return { name, args: parseArgs(fn?.arguments ?? r.args ?? r.arguments ?? r.input ?? r.parameters), via: 'response' };
}

function toolCallsAt(path: JsonPath | undefined, document: unknown): ToolCall[] {
  if (!path) return [];
  return path
    .query(document)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .map(normaliseToolCall)
    .filter((c): c is ToolCall => c !== undefined);
}

function deltaOf(value: unknown, delta: JsonPath | undefined): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return '';
  if (delta) return asText(delta.first(value)) ?? '';
  for (const shape of DELTA_SHAPES) {
    const text = asText(shape(value as Record<string, unknown>));
    if (text !== undefined) return text;
  }
  return '';
}

function fromEvents(values: unknown[], shape: ResponseShape): ParsedResponse {
  let reply = '';
  const toolCalls: ToolCall[] = [];
  let sessionId: string | undefined;
  for (const value of values) {
    reply += deltaOf(value, shape.delta);
    toolCalls.push(...toolCallsAt(shape.toolCalls, value));
    sessionId ??= asText(shape.sessionId?.first(value));
  }
  const out: ParsedResponse = { reply, toolCalls };
  if (sessionId) out.sessionId = sessionId;
  return out;
}

function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

export function parseChatResponse(body: string, contentType: string | undefined, shape: ResponseShape): ParsedResponse {
  const type = (contentType ?? '').toLowerCase();
  const stream = shape.stream ?? (type.includes('text/event-stream') ? 'sse' : /ndjson|jsonl|json-seq/.test(type) ? 'ndjson' : undefined);
  if (stream === 'sse') {
    const events = parseServerSentEvents(body);
    // OpenAI ends a stream with `data: [DONE]`.
    const data = events.map((e) => e.data).filter((d) => d.trim() !== '[DONE]');
    return fromEvents(data.map(parseEventData), shape);
  }
  if (stream === 'ndjson') return fromEvents(parseJsonLines(body), shape);
  if (stream === 'text') return { reply: body, toolCalls: [] };
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return { reply: body, toolCalls: [] };
  }
  const out: ParsedResponse = { reply: asText(shape.reply.first(json)) ?? '', toolCalls: toolCallsAt(shape.toolCalls, json), json };
  const sessionId = asText(shape.sessionId?.first(json));
  if (sessionId) out.sessionId = sessionId;
  return out;
}
