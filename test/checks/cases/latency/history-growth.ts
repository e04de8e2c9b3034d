import { collected } from '../../../helpers/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { historyProbe } from '../../../latency/artifacts.js';

const CHAT = 'https://api.acme.test/api/chat';
const HISTORY = 'https://api.acme.test/api/chat/history?session=lr-audit-1';

export default cases({
  pass: [
    { name: 'flat', artifacts: collected({ historyGrowth: [historyProbe([[1, 400], [10, 420], [50, 450]])] }) },
    { name: 'a large factor on a fast endpoint is noise', artifacts: collected({ historyGrowth: [historyProbe([[1, 2], [10, 5], [50, 40]])] }) },
    { name: 'growth within the factor', artifacts: collected({ historyGrowth: [historyProbe([[1, 300], [10, 500], [50, 850]])] }) },
    {
      name: 'the conversation broke off after one point: nothing to compare',
      artifacts: collected({ historyGrowth: [{ ...historyProbe([[1, 300]]), stoppedAt: 4 }] }),
    },
  ],
  fail: [
    {
      name: 'chat turns grow linearly with the conversation',
      artifacts: collected({ historyGrowth: [historyProbe([[1, 120], [10, 480], [50, 2100]])] }),
      expect: [{ target: CHAT, severity: 'medium', evidence: 'chat turns in one conversation — turn 1: 120.0 ms, turn 10: 480.0 ms, turn 50: 2100 ms: 17.5x slower at turn 50 than at turn 1 (limit 3x)' }],
    },
    {
      name: 'the history endpoint scans linearly',
      artifacts: collected({ historyGrowth: [historyProbe([[1, 8], [10, 60], [50, 310]], { measured: 'history', url: HISTORY })] }),
      expect: [{ target: HISTORY, evidence: /^reading .* after each point in one conversation/ }],
    },
  ],
});
