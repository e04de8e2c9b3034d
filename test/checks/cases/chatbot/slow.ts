import { cases } from '../../../helpers/check-cases.js';
import { caseResult, chatbotArtifacts, ENDPOINT, healthyCases } from '../../../eval/chatbot-artifact.js';

const turn = (latencyMs: number) => ({ prompt: 'Hi', status: 200, reply: 'Thanks for reaching out!', tools: [], latencyMs });

export default cases({
  pass: [
    { name: 'every reply within the budget', artifacts: chatbotArtifacts(healthyCases()) },
    { name: 'a reply exactly at the budget', artifacts: chatbotArtifacts([caseResult({ id: 'greeting', mode: 'wrong-answer', turns: [turn(1500)] })]) },
  ],
  fail: [
    {
      name: 'replies over the budget, slowest first',
      artifacts: chatbotArtifacts([
        ...healthyCases(),
        caseResult({ id: 'provider-down-greeting', pack: 'failure', mode: 'silent-failure', status: 'fail', turns: [turn(1612)] }),
        caseResult({ id: 'order-over-two-turns', mode: 'wrong-answer', turns: [turn(20), turn(2400)] }),
      ]),
      expect: [{ target: ENDPOINT, severity: 'medium', evidence: '2 replies took longer than the 1500 ms budget: ecommerce/order-over-two-turns turn 2 2400 ms, failure/provider-down-greeting 1612 ms.' }],
    },
  ],
});
