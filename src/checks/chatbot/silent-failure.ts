import { defineCheck } from '../../core/check.js';
import { modeFindings } from '../../eval/audit/findings.js';

export default defineCheck({
  id: 'chatbot.silent-failure',
  severity: 'high',
  stage: 5,
  title: 'The chatbot says so when its model provider or database is down',
  failureTitle: 'The chatbot hides outages behind cheerful or made-up answers',
  description:
    'Runs the `failure` pack with the model provider and then the database made unavailable through the configured fault hook (chatbot.faultHooks): the bot must answer with an error status, or a reply that says it cannot help right now or hands off, within its latency budget. An empty 200, a hang, a generic cheerful reply or an invented order status fails. Without a fault hook the cases are not checked.',
  impact: 'A bot that answers "your order is on its way" while the order system is down misleads customers, and nobody notices the outage until the complaints arrive.',
  remediation:
    'Catch provider and database errors in the chat backend and return a clear "I can\'t help right now" (or a 503) with a way to reach a person; alert on those errors instead of papering over them.',
  reference: 'https://sre.google/sre-book/addressing-cascading-failures/',
  requires: ['chatbot'],
  run: ({ chatbot }) => modeFindings(chatbot, 'silent-failure'),
});
