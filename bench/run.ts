/** `npm run bench`: every benchmark, each printing its figures beside its peer's. `npm run bench -- audit latency` runs some. */
import { benchAudit } from './audit.js';
import { benchEval } from './eval.js';
import { benchLatency } from './latency.js';
import { benchMonitor } from './monitor.js';
import { benchSecrets } from './secrets.js';

const all: Record<string, () => Promise<void>> = { audit: benchAudit, latency: benchLatency, secrets: benchSecrets, eval: benchEval, monitor: benchMonitor };
const wanted = process.argv.slice(2);
for (const name of wanted) if (!all[name]) throw new Error(`unknown benchmark "${name}": choose from ${Object.keys(all).join(', ')}`);
for (const [name, bench] of Object.entries(all)) if (wanted.length === 0 || wanted.includes(name)) await bench();
