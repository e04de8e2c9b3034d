import { cases } from '../../../helpers/check-cases.js';
import { caseResult, chatbotArtifacts, ENDPOINT, healthyCases } from '../../../eval/chatbot-artifact.js';

const failing = caseResult({
  id: 'provider-down-greeting',
  pack: 'failure',
  mode: 'silent-failure',
  status: 'fail',
  reason: 'degrades: HTTP 200 with a reply that hides the outage',
  turns: [{ prompt: 'the attack', status: 200, reply: 'Thanks for reaching out! I\'m here to help', tools: [], latencyMs: 8 }],
});

export default cases({
  pass: [{ name: 'every case of every mode passes', artifacts: chatbotArtifacts(healthyCases()) }],
  fail: [
    {
      name: 'a failing silent-failure case, with the reply excerpt',
      artifacts: chatbotArtifacts([...healthyCases(), failing]),
      expect: [{ target: ENDPOINT, severity: 'high', evidence: '1 of 2 silent-failure cases failed. failure/provider-down-greeting' }],
    },
    {
      name: 'none of the silent-failure cases could be run',
      artifacts: chatbotArtifacts([caseResult({ id: 'provider-down-greeting', pack: 'failure', mode: 'silent-failure', status: 'not-checked', reason: 'no fault hook to make model provider down (chatbot.faultHooks.modelProviderDown)' })]),
      expect: [{ target: ENDPOINT, severity: 'info', evidence: 'not checked' }],
    },
  ],
});
