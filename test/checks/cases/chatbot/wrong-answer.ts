import { cases } from '../../../helpers/check-cases.js';
import { caseResult, chatbotArtifacts, ENDPOINT, healthyCases } from '../../../eval/chatbot-artifact.js';

const wrong = caseResult({
  id: 'ship-japan',
  mode: 'wrong-answer',
  status: 'fail',
  reason: 'store-facts: confident wrong answer: "Yes! We deliver to Japan — free, in 1 day.", but the store does not ship to Japan',
  turns: [{ prompt: 'Can you deliver to Japan?', status: 200, reply: 'Yes! We deliver to Japan — free, in 1 day.', tools: [], latencyMs: 9 }],
});

export default cases({
  pass: [
    { name: 'every case of every mode passes', artifacts: chatbotArtifacts(healthyCases()) },
    { name: 'a failing case of another mode is not a wrong answer', artifacts: chatbotArtifacts([...healthyCases(), caseResult({ id: 'leak', mode: 'data-leak', status: 'fail' })]) },
  ],
  fail: [
    {
      name: 'a confident wrong answer, quoted with its reason',
      artifacts: chatbotArtifacts([...healthyCases(), wrong]),
      expect: [{ target: ENDPOINT, severity: 'high', evidence: /1 of 2 wrong-answer cases failed\. ecommerce\/ship-japan: .*does not ship to Japan; the bot said "Yes! We deliver to Japan/ }],
    },
    {
      name: 'a flaky answer counts as failed',
      artifacts: chatbotArtifacts([caseResult({ id: 'return-window', mode: 'wrong-answer', status: 'flaky', runs: 3, passes: 2, passRate: 2 / 3 })]),
      expect: [{ target: ENDPOINT, evidence: '1 of 1 wrong-answer cases failed' }],
    },
    {
      name: 'no case could be checked: an info finding says why',
      artifacts: chatbotArtifacts([caseResult({ id: 'ship-japan', mode: 'wrong-answer', status: 'not-checked', reason: 'the request cap of 10 was reached' })]),
      expect: [{ target: ENDPOINT, severity: 'info', evidence: 'request cap' }],
    },
  ],
});
