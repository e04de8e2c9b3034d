import { reportedDependencies } from '../../analysis/health-report.js';
import { isSuccess } from '../../analysis/http-exchange.js';
import { parseJsonBody } from '../../analysis/json-path.js';
import { defineCheck, type FindingDraft } from '../../core/check.js';

const EXCERPT = 160;

export default defineCheck({
  id: 'health.shallow',
  severity: 'medium',
  stage: 5,
  title: 'The health endpoint reports its dependencies',
  failureTitle: 'The health endpoint says ok without checking its dependencies',
  description:
    'Reads each 2xx health response. It passes when the JSON reports the state of its dependencies: an object such as `checks`, ' +
    '`dependencies`, `services` or `components` whose entries carry a status, or top-level keys such as `db`, `database`, `redis`, ' +
    '`queue`, `model` or `provider` with a state. A bare "OK" or `{"status":"ok"}` fails.',
  impact:
    'The health check stays green while the database or the AI model provider is down, so monitors stay quiet and customers meet a broken chat and checkout.',
  remediation:
    'Make the health handler ping each dependency with a short timeout (database query, cache ping, a cheap model-provider call) and ' +
    'return each state, e.g. `{"status":"degraded","checks":{"db":{"status":"ok"},"model":{"status":"fail","error":"timeout"}}}`.',
  reference: 'https://datatracker.ietf.org/doc/html/draft-inadarei-api-health-check',
  requires: ['health'],
  run({ health }) {
    const drafts: FindingDraft[] = [];
    for (const { url, exchange } of health) {
      if (!isSuccess(exchange)) continue;
      const parsed = parseJsonBody(exchange.body);
      if (parsed.ok && reportedDependencies(parsed.value).length > 0) continue;
      const body = exchange.body.trim();
      const excerpt = body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body;
      const shape = parsed.ok ? 'names no dependency state' : 'is not JSON';
      drafts.push({ target: url, evidence: `GET ${url} -> ${exchange.status}, body ${shape}: ${JSON.stringify(excerpt)}` });
    }
    return drafts;
  },
});
