/** Turns the chatbot artifact into findings, one per failure mode: the chatbot checks share this. */
import type { FindingDraft } from '../../core/check.js';
import type { FailureMode } from '../types.js';
import type { ChatbotArtifact } from './artifact.js';

const SHOWN = 3;

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * One finding when cases of `mode` failed: how many, and the first few with their reason and what
 * the bot said. When the mode has cases but none could be checked, an info finding says why.
 */
export function modeFindings(chatbot: ChatbotArtifact, mode: FailureMode): FindingDraft[] {
  const mine = chatbot.cases.filter((c) => c.mode === mode);
  const checked = mine.filter((c) => c.status !== 'not-checked');
  if (mine.length > 0 && checked.length === 0) {
    return [{ target: chatbot.endpoint, severity: 'info', title: `Chatbot ${mode} cases could not be run`, evidence: `${mine.length} ${mode} cases not checked: ${mine[0].reason}.`, routeKind: 'chat' }];
  }
  const failed = checked.filter((c) => c.status === 'fail' || c.status === 'flaky');
  if (failed.length === 0) return [];
  const examples = failed.slice(0, SHOWN).map((c) => {
    const turn = c.turns.findLast((t) => t.reply !== '' || t.error) ?? c.turns[c.turns.length - 1];
    const said = turn?.error ? `[${turn.error}]` : `"${oneLine(turn?.reply ?? '', 120)}"`;
    return `${c.pack}/${c.id}: ${oneLine(c.reason, 160)}; the bot said ${said}`;
  });
  const more = failed.length > SHOWN ? ` … and ${failed.length - SHOWN} more (run \`launch-ready eval\` for all).` : '';
  return [{ target: chatbot.endpoint, evidence: `${failed.length} of ${checked.length} ${mode} cases failed. ${examples.join(' | ')}${more}`, routeKind: 'chat' }];
}
