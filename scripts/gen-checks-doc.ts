/** Regenerates docs/checks.md from the check registry: `npm run docs`. A test fails when it drifts. */
import { writeFileSync } from 'node:fs';
import { checks } from '../src/checks/index.js';
import { renderChecksDoc } from '../src/report/checks-doc.js';

writeFileSync(new URL('../docs/checks.md', import.meta.url), renderChecksDoc([...checks]));
process.stdout.write(`docs/checks.md: ${checks.length} checks\n`);
