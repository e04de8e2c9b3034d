/** The audit's chatbot stage: one check per failure mode of the eval, plus latency. */
import type { AnyCheck } from '../../core/check.js';
import dataLeak from './data-leak.js';
import forbiddenTool from './forbidden-tool.js';
import promptInjection from './prompt-injection.js';
import silentFailure from './silent-failure.js';
import slow from './slow.js';
import systemPromptLeak from './system-prompt-leak.js';
import wrongAnswer from './wrong-answer.js';

export const chatbotChecks: AnyCheck[] = [wrongAnswer, promptInjection, systemPromptLeak, forbiddenTool, dataLeak, silentFailure, slow];
