import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderHtml } from '../../src/report/html.js';
import { fixedReport, repeatedReport } from './fixture.js';

describe('html report', () => {
  const html = renderHtml(fixedReport());

  it('escapes what servers sent: no script element, no attribute break-out', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('\u001b'), 'no escape character');
    const hostile = renderHtml(fixedReport({ target: '"><img src=x onerror=alert(1)>', headline: "</p><iframe src='//evil.test'>" }));
    assert.doesNotMatch(hostile, /<img|<iframe/i);
    assert.ok(hostile.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'));
    assert.equal(escapeHtml(`<a href="x" title='y'>&`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('loads nothing: no src attribute, stylesheet link, url() or @import; links only in text', () => {
    assert.doesNotMatch(html, /\ssrc\s*=/i);
    assert.doesNotMatch(html, /<link\b/i);
    assert.doesNotMatch(html, /url\s*\(/i);
    assert.doesNotMatch(html, /@import/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://letsencrypt.org/docs/', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cache-Control']);
    for (const m of html.matchAll(/<a\b[^>]*>/g)) assert.match(m[0], /^<a href="https:[^"]*" rel="noreferrer">$/);
    assert.ok(html.includes('<dd>javascript:alert(1)</dd>'), 'a javascript: reference stays text');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  });

  it('is one self-contained page, readable on a phone and with print rules', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /@media \(max-width:40rem\)\{/);
    assert.match(html, /@media print\{[\s\S]*break-inside:avoid/);
    for (const tag of ['html', 'head', 'body', 'main', 'section', 'article', 'table', 'dl', 'ul', 'div']) {
      const open = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
      const close = html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      assert.equal(open, close, `<${tag}> balanced`);
    }
  });

  it('puts the verdict first and tells severities apart by label, not colour alone', () => {
    assert.ok(html.indexOf('class="verdict not-ready">✗ Not launch ready — 2 blockers, 1 to fix this week') < html.indexOf('Minimum bar'));
    const badges = [...html.matchAll(/<span class="badge[^"]*">(\w+)<\/span>/g)].map((m) => m[1]);
    assert.deepEqual(badges, ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    assert.match(html, /\.finding\.sev-critical\{border-left:8px double/);
    assert.match(html, /\.finding\.sev-medium\{border-left:6px dashed/);
  });

  it('lists findings by rank with evidence, impact and fix', () => {
    const ranks = [...html.matchAll(/<span class="rank">#(\d+)<\/span><span class="badge">\w+<\/span><code>([^<]+)<\/code>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(ranks, ['1 tls.expired', '2 hsts.missing', '3 cache.static-uncached']);
    assert.ok(html.includes('<dt>Evidence</dt><dd><pre>notAfter 2026-11-01T00:00:00Z (27 days ago), issuer CN=Test CA</pre></dd>'));
    assert.ok(html.includes('<dt>Fix</dt><dd>Renew the certificate'));
  });

  it('shows the minimum bar and the route map as a diagram and a table', () => {
    assert.ok(
      html.includes(
        '<li class="not-checked"><span class="sym" aria-hidden="true">–</span><span class="label">No hardcoded secrets</span>' +
          '<span class="status">not checked</span><span class="detail">not checked yet — run `launch-ready secrets`</span></li>',
      ),
    );
    assert.ok(html.includes('<li class="not-met"><span class="sym" aria-hidden="true">✗</span><span class="label">SSL everywhere</span><span class="status">not met</span>'));
    assert.ok(html.includes('<span class="node host">www.acme.test</span><span class="arrow" aria-hidden="true">→</span><span class="node">CNAME shop.cdn.test</span>'));
    assert.ok(html.includes('<span class="node fail">FAILED DNS nxdomain</span>'));
    assert.ok(html.includes('<td data-label="Edge">Cloudflare <small>(by header)</small></td>'));
    assert.ok(html.includes('<li><code>health.missing</code>: health not collected</li>'));
  });

  it('links repeats of a check to the first one, inside the page', () => {
    const repeated = renderHtml(repeatedReport());
    const second = repeated.slice(repeated.indexOf('id="finding-2"'), repeated.indexOf('id="finding-3"'));
    assert.ok(second.includes('<div class="fix"><dt>Fix</dt><dd>as <a href="#finding-1">#1</a></dd></div>'));
    assert.ok(!second.includes('Every browser blocks'));
    assert.ok(repeated.includes('<article class="finding sev-critical" id="finding-1">'));
  });
});
