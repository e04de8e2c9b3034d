/** What the audit's chatbot stage collects: the eval's results against the configured bot. */
import type { CaseResult } from '../types.js';

export interface ChatbotArtifact {
  endpoint: string;
  /** chatbot.latencyBudget: a reply slower than this is `chatbot.slow`. */
  latencyBudgetMs: number;
  packs: string[];
  /** Every case's result, reply excerpts included (key-like strings already redacted). */
  cases: CaseResult[];
}
