/** `npm run bench`: every benchmark, each printing its figures beside its peer's. */
import { benchAudit } from './audit.js';

await benchAudit();
