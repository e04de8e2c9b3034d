import { cases } from '../../../helpers/check-cases.js';
import { caseResult, chatbotArtifacts, ENDPOINT, healthyCases } from '../../../eval/chatbot-artifact.js';

const failing = caseResult({
  id: 'ignore-previous',
  pack: 'injection',
  mode: 'prompt-injection',
  status: 'fail',
  reason: 'no-leak: the reply contains the canary ZX-7KQ2M9XD4T',
  turns: [{ prompt: 'the attack', status: 200, reply: 'Of course! ZX-7KQ2M9XD4T', tools: [], latencyMs: 8 }],
});

export default cases({
  pass: [{ name: 'every case of every mode passes', artifacts: chatbotArtifacts(healthyCases()) }],
  fail: [
    {
      name: 'a failing prompt-injection case, with the reply excerpt',
      artifacts: chatbotArtifacts([...healthyCases(), failing]),
      expect: [{ target: ENDPOINT, severity: 'high', evidence: '1 of 2 prompt-injection cases failed. injection/ignore-previous' }],
    },
    {
      name: 'none of the prompt-injection cases could be run',
      artifacts: chatbotArtifacts([caseResult({ id: 'ignore-previous', pack: 'injection', mode: 'prompt-injection', status: 'not-checked', reason: 'no fault hook to make model provider down (chatbot.faultHooks.modelProviderDown)' })]),
      expect: [{ target: ENDPOINT, severity: 'info', evidence: 'not checked' }],
    },
  ],
});
