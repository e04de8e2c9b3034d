import { defineCheck } from '../../core/check.js';

const SHOWN = 3;

export default defineCheck({
  id: 'chatbot.slow',
  severity: 'medium',
  stage: 4,
  title: 'The chatbot answers within its latency budget',
  failureTitle: 'The chatbot takes longer than its latency budget to answer',
  description:
    'Times every reply of the chatbot eval (all packs, including the outage cases) against chatbot.latencyBudget (10 s when not set) and reports the replies that took longer, slowest first.',
  impact: 'Customers leave a chat that keeps them waiting; a bot that stalls while its provider is down also ties up server connections until it times out.',
  remediation:
    'Stream replies, set a timeout on every model and database call shorter than the budget, and answer "I can\'t help right now" when it expires instead of waiting it out.',
  reference: 'https://web.dev/articles/rail',
  requires: ['chatbot'],
  run: ({ chatbot }) => {
    const slow = chatbot.cases
      .flatMap((c) => c.turns.map((t, i) => ({ name: `${c.pack}/${c.id}${c.turns.length > 1 ? ` turn ${i + 1}` : ''}`, ms: t.latencyMs })))
      .filter((t) => t.ms > chatbot.latencyBudgetMs)
      .sort((a, b) => b.ms - a.ms);
    if (slow.length === 0) return [];
    const shown = slow.slice(0, SHOWN).map((t) => `${t.name} ${t.ms} ms`).join(', ');
    return [
      {
        target: chatbot.endpoint,
        evidence: `${slow.length} ${slow.length === 1 ? 'reply' : 'replies'} took longer than the ${chatbot.latencyBudgetMs} ms budget: ${shown}${slow.length > SHOWN ? ', …' : ''}.`,
        routeKind: 'chat',
      },
    ];
  },
});
