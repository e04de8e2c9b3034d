import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderChecksDoc } from '../../src/report/checks-doc.js';
import { meta } from './fixture.js';

describe('renderChecksDoc', () => {
  const checks = [
    meta('tls.expired', { stage: 2, severity: 'critical', failureTitle: 'The certificate has expired', impact: 'Browsers block the site.' }),
    meta('dns.missing-record', { stage: 1 }),
    meta('cache.private-cached', { stage: 4, severity: 'medium' }),
    meta('route.unreachable', { stage: 1 }),
  ];
  const doc = renderChecksDoc(checks);

  it('groups checks by stage in roadmap order, ids sorted within a stage', () => {
    const headings = [...doc.matchAll(/^(##|###) (.+)$/gm)].map((m) => m[2]);
    assert.deepEqual(headings, ['1. Traffic map', '`dns.missing-record`', '`route.unreachable`', '2. Edge', '`tls.expired`', '4. Speed', '`cache.private-cached`']);
  });

  it('gives each check its severity, meaning, impact, fix and reference', () => {
    const section = doc.slice(doc.indexOf('### `tls.expired`'), doc.indexOf('## 4. Speed'));
    assert.match(section, /\*\*The certificate has expired\*\* · default severity: \*\*critical\*\* · passes when: tls\.expired passes/);
    assert.match(section, /- \*\*What it means:\*\* Looks at what tls\.expired looks at\./);
    assert.match(section, /- \*\*Why it matters:\*\* Browsers block the site\./);
    assert.match(section, /- \*\*How to fix:\*\* Fix tls\.expired\./);
    assert.match(section, /- \*\*Reference:\*\* <https:\/\/example\.test\/docs\/tls\.expired>/);
  });

  it('has an index linking each id to its section, and is deterministic', () => {
    assert.match(doc, /\| 1\. traffic map \| \[`dns\.missing-record`\]\(#dnsmissing-record\), \[`route\.unreachable`\]\(#routeunreachable\) \|/);
    assert.equal(renderChecksDoc([...checks].reverse()), doc);
    assert.ok(doc.endsWith('\n') && !doc.endsWith('\n\n'));
  });
});
