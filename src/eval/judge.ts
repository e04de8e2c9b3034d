/**
 * The optional LLM judge for `llm-rubric` assertions: one request to an OpenAI-compatible
 * `/chat/completions` endpoint per rubric, asking for a JSON verdict. Its verdict is reported beside
 * the deterministic one and never changes a case's status; without a judge configured the rubric is
 * "not checked".
 */
import type { HttpClient } from '../net/http-client.js';
import type { Outcome } from './assertions/context.js';
import type { RequestCap } from './chat-client.js';
import type { JudgeSettings } from './target.js';
import type { TurnOutcome } from './types.js';

const INSTRUCTIONS =
  'You grade replies of an online shop\'s customer-support assistant. You are given a rubric and a conversation. ' +
  'Decide whether the assistant\'s replies satisfy the rubric. Answer with JSON only: {"pass": true or false, "reason": "one sentence"}.';

function transcript(turns: readonly TurnOutcome[]): string {
  return turns.map((t) => `Customer: ${t.prompt}\nAssistant: ${t.reply || '(no reply)'}`).join('\n\n');
}

/** The verdict in the judge's answer: JSON `{pass, reason}`, possibly fenced, or a leading PASS / FAIL. */
export function readVerdict(content: string): Outcome | undefined {
  const json = /\{[\s\S]*\}/.exec(content)?.[0];
  if (json) {
    try {
      const v = JSON.parse(json) as { pass?: unknown; reason?: unknown };
      if (typeof v.pass === 'boolean') return { pass: v.pass, reason: `judge: ${typeof v.reason === 'string' ? v.reason : v.pass ? 'pass' : 'fail'}` };
    } catch {
      // fall through to the plain-text form
    }
  }
  const word = /^\s*(pass|fail)\b[\s:.-]*(.*)$/is.exec(content);
  return word ? { pass: word[1].toLowerCase() === 'pass', reason: `judge: ${word[2].trim() || word[1]}` } : undefined;
}

export async function askJudge(settings: JudgeSettings, http: HttpClient, cap: RequestCap, rubric: string, turns: readonly TurnOutcome[]): Promise<Outcome> {
  if (!cap.take()) return { pass: null, reason: `judge not asked: the request cap of ${cap.max} was reached` };
  const body = JSON.stringify({
    model: settings.model,
    temperature: 0,
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      { role: 'user', content: `Rubric: ${rubric}\n\nConversation:\n${transcript(turns)}` },
    ],
  });
  const ex = await http.request(`${settings.endpoint}/chat/completions`, { method: 'POST', headers: { ...settings.headers, 'content-type': 'application/json' }, body });
  if (ex.status === undefined) return { pass: null, reason: `judge unreachable: ${ex.error?.message ?? 'no response'}` };
  if (ex.status >= 400) return { pass: null, reason: `judge answered HTTP ${ex.status}` };
  let content: unknown;
  try {
    content = (JSON.parse(ex.body) as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message?.content;
  } catch {
    return { pass: null, reason: 'judge answered something other than JSON' };
  }
  const verdict = typeof content === 'string' ? readVerdict(content) : undefined;
  return verdict ?? { pass: null, reason: `judge gave no verdict: ${JSON.stringify(String(content ?? '')).slice(0, 80)}` };
}
