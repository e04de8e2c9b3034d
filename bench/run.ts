/** `npm run bench`: every benchmark, each printing its figures beside its peer's. */
import { benchAudit } from './audit.js';
import { benchLatency } from './latency.js';
import { benchEval } from './eval.js';

await benchAudit();
await benchLatency();
await benchEval();
