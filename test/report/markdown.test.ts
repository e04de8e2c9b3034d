import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mdBlock, mdCode, mdLink, mdParagraph, mdText } from '../../src/report/markdown-escape.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fixedReport, repeatedReport } from './fixture.js';

describe('markdown escaping', () => {
  it('turns markup from a server into literal text', () => {
    assert.equal(mdText('<img src=x onerror=alert(1)> *bold* [a](b) | c'), '\\<img src=x onerror=alert(1)\\> \\*bold\\* \\[a\\](b) \\| c');
    assert.equal(mdText('two\nlines\u001b[2J'), 'two lines\\[2J');
  });

  it('keeps a paragraph of server text from opening a list or a rule', () => {
    assert.equal(mdParagraph('- a'), '\\- a');
    assert.equal(mdParagraph('+ a'), '\\+ a');
    assert.equal(mdParagraph('---'), '\\---');
    assert.equal(mdParagraph('12) a'), '12\\) a');
    assert.equal(mdParagraph('1 - 2'), '1 - 2');
  });

  it('fences code so that no backtick inside can close it', () => {
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdCode('`x`'), '`` `x` ``');
    assert.equal(mdCode('a|b', true), '`a\\|b`');
    assert.equal(mdBlock('x\n```\ny'), '````text\nx\n```\ny\n````');
  });

  it('links only http(s) URLs', () => {
    assert.equal(mdLink('https://example.test/a b'), '<https://example.test/a%20b>');
    assert.equal(mdLink('javascript:alert(1)'), 'javascript:alert(1)');
  });
});

describe('markdown report', () => {
  const md = renderMarkdown(fixedReport());

  it('leads with the verdict and the severity counts', () => {
    const lines = md.split('\n');
    assert.equal(lines[0], '# Launch readiness: https://acme.test/');
    assert.equal(lines[2], '> **✗ Not launch ready — 2 blockers, 1 to fix this week**');
    assert.ok(md.includes('| critical | high | medium | low | info |\n|---|---|---|---|---|\n| 1 | 1 | 1 | 1 | 0 |'));
  });

  it('has the minimum bar as a table with every status', () => {
    assert.match(md, /\| ✓ \| Domain and redirects \| met \| 4 checks ran, nothing above low \|/);
    assert.match(md, /\| ✗ \| SSL everywhere \| not met \| tls\.expired, hsts\.missing on 2 targets \|/);
    assert.match(md, /\| – \| No hardcoded secrets \| not checked \| not checked yet/);
  });

  it('lists findings in rank order with evidence fenced and impact, fix and reference', () => {
    const heads = [...md.matchAll(/^### #(\d+) (\w+) · `([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    assert.deepEqual(heads, ['1 CRITICAL tls.expired', '2 HIGH hsts.missing', '3 MEDIUM cache.static-uncached']);
    assert.ok(md.includes('```text\n<script>alert(1)</script> [31mred[0m `tick` | pipe\n```'), 'hostile evidence stays inside a code block');
    assert.ok(md.includes('- **Reference:** <https://letsencrypt.org/docs/>'));
    assert.ok(md.includes('- **Reference:** javascript:alert(1)'), 'a non-http reference is not a link');
    assert.match(md, /\| 4 \| low \| `headers\.referrer-missing` \| www\.acme\.test \| Referrer-Policy is missing \|/);
    assert.ok(md.indexOf('tls.expired') < md.indexOf('hsts.missing'));
  });

  it('has no raw HTML outside code', () => {
    const outsideCode = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/`+[^`\n]*`+/g, '');
    assert.doesNotMatch(outsideCode, /<(?!https?:\/\/)[a-z/]/i);
  });

  it('has the route map as a table and a diagram, and what was not checked', () => {
    assert.match(md, /\| www\.acme\.test \(production\) \| shop\.cdn\.test \| 192\.0\.2\.10, 192\.0\.2\.11 \| Cloudflare \| 200 https:\/\/www\.acme\.test\/ \| 1\.4\.2 \(3f2a9c1\) \/ 1\.4\.1 \(77aa001\) \| Let's Encrypt \(R3\), until 2027-02-01 \|/);
    assert.ok(md.includes('  -> CNAME shop.cdn.test -> 192.0.2.10, 192.0.2.11 -> edge: Cloudflare'));
    assert.ok(md.includes('## Not checked (1)\n\n- `health.missing`: health not collected'));
  });

  it('points repeats of a check back to the first one for impact and fix', () => {
    const repeated = renderMarkdown(repeatedReport());
    const second = repeated.slice(repeated.indexOf('### #2 CRITICAL'), repeated.indexOf('### #3'));
    assert.match(second, /- \*\*Impact and fix:\*\* as #1\n/);
    assert.doesNotMatch(second, /Every browser blocks/);
  });
});
