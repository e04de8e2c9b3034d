import { collected } from '../../../helpers/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { hangProbe } from '../../../latency/artifacts.js';

const CHAT = 'https://api.acme.test/api/chat';

export default cases({
  pass: [
    { name: 'a fallback answer in time', artifacts: collected({ hangProbes: [hangProbe({ status: 200, ms: 3100 })] }) },
    { name: 'an error answer in time', artifacts: collected({ hangProbes: [hangProbe({ status: 504, ms: 8000 })] }) },
  ],
  fail: [
    {
      name: 'no answer while the provider hangs',
      artifacts: collected({ hangProbes: [hangProbe('none')] }),
      expect: [{ target: CHAT, severity: 'high', evidence: 'POST https://api.acme.test/api/chat with x-demo-fault (model provider made to hang) got no answer within 10.0 s (gave up after 12.0 s: timeout)' }],
    },
    {
      name: 'an answer, but only after the budget',
      artifacts: collected({ hangProbes: [hangProbe({ status: 200, ms: 31_000 }, 5000)] }),
      expect: [{ target: CHAT, evidence: 'answered 200 only after 31.0 s, over its 5.0 s budget' }],
    },
  ],
});
