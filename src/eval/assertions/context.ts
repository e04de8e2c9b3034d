/** What an assertion sees, and what it answers. */
import type { ChatTarget } from '../target.js';
import type { ToolCall, TurnOutcome } from '../types.js';

export interface AssertionContext {
  /** The reply checked: the turn's for a turn assertion, the last one for a case assertion. */
  reply: string;
  status?: number;
  /** The response body as JSON, when it was JSON. */
  json?: unknown;
  latencyMs: number;
  error?: string;
  /** The turn's tool calls, or every call of the conversation for a case assertion. */
  toolCalls: ToolCall[];
  /** The conversation so far, prompts as sent. */
  turns: TurnOutcome[];
  /** This run's canary for the case. */
  canary: string;
  /** Fill `{{name}}` in assertion values: the case's vars and `canary`. */
  fill(text: string): string;
  target: Pick<ChatTarget, 'forbiddenTools' | 'latencyBudgetMs' | 'systemPromptMarker' | 'internalHosts' | 'facts'>;
}

/** `pass: null` means the assertion could not be evaluated (missing facts, no judge): not checked. */
export interface Outcome {
  pass: boolean | null;
  /** What was observed, phrased so it reads right whether the assertion passed or not. */
  reason: string;
}

/** Quotes a value for a reason: short, one line. */
export function quote(value: string, max = 80): string {
  const one = value.replace(/\s+/g, ' ').trim();
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}
