/** The eval's data: cases as loaded, what a conversation produced, and results. All plain and serialisable. */
import type { Encoding } from './encoders.js';

/** What a case tests for; results are scored per mode and the audit's chatbot checks are named after them. */
export const FAILURE_MODES = ['wrong-answer', 'prompt-injection', 'system-prompt-leak', 'forbidden-tool', 'data-leak', 'silent-failure'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

/** Outages the failure pack switches on through a fault hook. */
export const OUTAGES = ['model-provider-down', 'database-down'] as const;
export type Outage = (typeof OUTAGES)[number];

export const ASSERTION_TYPES = [
  'contains', 'icontains', 'contains-any', 'contains-all', 'regex', 'equals', 'is-json', 'json-path', 'max-latency',
  'tool-called', 'tool-not-called', 'tool-args', 'no-tool-calls', 'refuses', 'no-leak', 'javascript', 'store-facts',
  'degrades', 'llm-rubric',
] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

export const LEAK_KINDS = ['canary', 'system-prompt', 'internal-url', 'key', 'customer-data'] as const;
export type LeakKind = (typeof LEAK_KINDS)[number];

export interface AssertionSpec {
  type: AssertionType;
  /** Inverts the verdict (`not: true`, or a `not-` prefix on the type). */
  not: boolean;
  value?: unknown;
  ignoreCase?: boolean;
  flags?: string;
  path?: string;
  tool?: string;
  checks?: LeakKind[];
  line?: number;
}

export interface CaseTurn {
  prompt: string;
  /** Starts a new conversation (another customer, or the same one coming back later). */
  newSession: boolean;
  assert: AssertionSpec[];
}

export interface EvalCase {
  /** Unique within its pack; an encoded variant adds `[base64]`. */
  id: string;
  pack: string;
  mode: FailureMode;
  description?: string;
  turns: CaseTurn[];
  /** Checked on the last reply and every tool call of the conversation. */
  assert: AssertionSpec[];
  vars: Record<string, string>;
  encoding?: Encoding;
  fault?: Outage;
  /** Served by the honeypot as each tool's output (indirect injection); the case needs a honeypot. */
  toolOutputs?: Record<string, string>;
  file?: string;
  line?: number;
}

export interface ToolCall {
  name: string;
  args: Record<string, unknown>;
  /** `response`: listed in the bot's reply; `honeypot`: the bot called the honeypot. */
  via: 'response' | 'honeypot';
}

export interface TurnOutcome {
  /** What was sent, canary and vars filled in, encoded when the case is a variant. */
  prompt: string;
  status?: number;
  reply: string;
  /** The response body as received (capped). */
  body: string;
  toolCalls: ToolCall[];
  latencyMs: number;
  /** The request failed without a response (refused, timed out, reset). */
  error?: string;
}

export type Verdict = 'pass' | 'fail' | 'not-checked';

export interface AssertionResult {
  type: AssertionType;
  not: boolean;
  /** 1-based turn the assertion is about; absent for case-level assertions. */
  turn?: number;
  verdict: Verdict;
  reason: string;
}

export type CaseStatus = 'pass' | 'fail' | 'flaky' | 'not-checked';

export interface TurnRecord {
  /** The prompt as written in the case (vars filled in, `{{canary}}` left as is). */
  prompt: string;
  status?: number;
  /** The reply, cut to an excerpt; key-like strings redacted. */
  reply: string;
  tools: string[];
  latencyMs: number;
  error?: string;
}

export interface CaseResult {
  id: string;
  pack: string;
  mode: FailureMode;
  description?: string;
  encoding?: Encoding;
  file?: string;
  line?: number;
  status: CaseStatus;
  /** The first failed assertion's reason, or why the case was not checked. */
  reason: string;
  runs: number;
  passes: number;
  /** passes / runs, 0–1. */
  passRate: number;
  /** The first failing run's conversation, else the first run's. */
  turns: TurnRecord[];
  assertions: AssertionResult[];
  /** `llm-rubric` verdicts, beside (never part of) the deterministic verdict. */
  judge: AssertionResult[];
}

export interface ModeScore {
  mode: FailureMode;
  passed: number;
  failed: number;
  notChecked: number;
  /** passed / (passed + failed), 0–1; null when nothing was checked. */
  score: number | null;
}

export interface EvalReport {
  endpoint: string;
  packs: string[];
  summary: { cases: number; passed: number; failed: number; notChecked: number; requests: number; durationMs: number };
  modes: ModeScore[];
  cases: CaseResult[];
}
