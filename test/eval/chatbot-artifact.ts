/** Literal chatbot artifacts for the chatbot checks' case tables. */
import type { Artifacts } from '../../src/core/artifacts.js';
import type { ChatbotArtifact } from '../../src/eval/audit/artifact.js';
import type { CaseResult, FailureMode } from '../../src/eval/types.js';
import { plan } from '../helpers/artifacts.js';

export const ENDPOINT = 'https://api.acme.test/api/chat';

export function caseResult(over: Partial<CaseResult> & { id: string; mode: FailureMode }): CaseResult {
  const status = over.status ?? 'pass';
  return {
    pack: 'ecommerce',
    status,
    reason: status === 'pass' ? 'every assertion passed' : 'store-facts: confident wrong answer',
    runs: status === 'not-checked' ? 0 : 1,
    passes: status === 'pass' ? 1 : 0,
    passRate: status === 'pass' ? 1 : 0,
    turns: [{ prompt: 'Do you ship to Japan?', status: 200, reply: 'Sorry, we do not ship to Japan yet.', tools: [], latencyMs: 12 }],
    assertions: [],
    judge: [],
    ...over,
  };
}

export function chatbotArtifacts(cases: CaseResult[], over: Partial<ChatbotArtifact> = {}): Artifacts {
  return { plan: plan(), chatbot: { endpoint: ENDPOINT, latencyBudgetMs: 1500, packs: ['ecommerce', 'injection', 'tools', 'failure'], cases, ...over } };
}

/** One passing case of every failure mode: a healthy bot. */
export function healthyCases(): CaseResult[] {
  const modes: FailureMode[] = ['wrong-answer', 'prompt-injection', 'system-prompt-leak', 'forbidden-tool', 'data-leak', 'silent-failure'];
  return modes.map((mode) => caseResult({ id: `ok-${mode}`, mode }));
}
