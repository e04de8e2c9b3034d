/**
 * The audit's chatbot stage: runs the built-in packs against the bot the config's `chatbot:`
 * section describes, through the audit's HTTP client, and returns the results as the `chatbot`
 * artifact. The plan carries the section as written (`${ENV}` references unexpanded), so a saved
 * plan holds no secret; they are expanded here, when the requests are made.
 */
import type { CollectContext } from '../../collect/context.js';
import { loadPacks, PACKS } from '../packs.js';
import { runEval } from '../run-eval.js';
import { chatTargetFromSection, type ChatbotConfig } from '../target.js';
import type { ChatbotArtifact } from './artifact.js';

/** What the plan holds for the chatbot stage. */
export interface ChatbotStage {
  section: ChatbotConfig;
  /** Folder of the config file: chatbot.storeFacts is relative to it. */
  configDir: string;
}

export async function collectChatbot(ctx: CollectContext, stage: ChatbotStage): Promise<ChatbotArtifact> {
  const target = await chatTargetFromSection(stage.section, stage.configDir);
  ctx.progress.step(target.endpoint, 'chatbot eval');
  const cases = await loadPacks(PACKS);
  const report = await runEval(cases, {
    target,
    http: ctx.http,
    packs: [...PACKS],
    onCaseDone: (done, total) => ctx.progress.step(target.endpoint, `chatbot eval ${done}/${total}`),
  });
  return { endpoint: target.endpoint, latencyBudgetMs: target.latencyBudgetMs, packs: report.packs, cases: report.cases };
}
