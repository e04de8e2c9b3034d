/**
 * Sends one chat turn to the bot under test through the run's HttpClient (so --connect-to, --ca,
 * timeouts and the byte cap apply) and reads the answer. Every request counts against the run's
 * request cap; a request the cap refuses is never sent.
 */
import type { HttpClient } from '../net/http-client.js';
import { parseChatResponse } from './response.js';
import type { ChatTarget } from './target.js';
import { isJsonBody, renderBody, type HistoryMessage } from './template.js';
import type { TurnOutcome } from './types.js';

/** Counts requests against a cap shared by the whole run (chat endpoints cost money per request). */
export class RequestCap {
  private used = 0;
  constructor(readonly max: number) {}

  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  get count(): number {
    return this.used;
  }
}

export class RequestCapReached extends Error {
  constructor(max: number) {
    super(`the request cap of ${max} was reached (chatbot.maxRequests or --max-requests)`);
    this.name = 'RequestCapReached';
  }
}

export interface TurnRequest {
  prompt: string;
  sessionId: string;
  history: readonly HistoryMessage[];
  vars: Readonly<Record<string, string>>;
  /** Fault-hook headers for this case. */
  headers?: Record<string, string>;
}

export interface TurnResponse extends TurnOutcome {
  /** The session id the server assigned, when the target says where to find it. */
  serverSessionId?: string;
  json?: unknown;
}

export class ChatClient {
  constructor(
    private readonly target: ChatTarget,
    private readonly http: HttpClient,
    private readonly cap: RequestCap,
  ) {}

  async send(turn: TurnRequest): Promise<TurnResponse> {
    if (!this.cap.take()) throw new RequestCapReached(this.cap.max);
    const headers = { ...this.target.headers, ...turn.headers };
    const json = isJsonBody(this.target.bodyTemplate, headers['content-type']);
    if (!headers['content-type']) headers['content-type'] = json ? 'application/json' : 'text/plain; charset=utf-8';
    const body = renderBody(this.target.bodyTemplate, json, turn);
    const ex = await this.http.request(this.target.endpoint, { method: this.target.method, headers, body });
    const latencyMs = ex.timings.totalMs;
    if (ex.status === undefined) {
      return { prompt: turn.prompt, reply: '', body: '', toolCalls: [], latencyMs, error: ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response' };
    }
    const parsed = parseChatResponse(ex.body, ex.headers['content-type']?.[0], this.target);
    const out: TurnResponse = { prompt: turn.prompt, status: ex.status, reply: parsed.reply, body: ex.body, toolCalls: parsed.toolCalls, latencyMs };
    if (ex.error) out.error = `${ex.error.code}: ${ex.error.message}`;
    if (parsed.sessionId) out.serverSessionId = parsed.sessionId;
    if (parsed.json !== undefined) out.json = parsed.json;
    return out;
  }
}
