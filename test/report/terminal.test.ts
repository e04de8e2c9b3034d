import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import { renderTerminal } from '../../src/report/terminal.js';
import { fixedReport, repeatedReport } from './fixture.js';

// Any ANSI/VT escape sequence: CSI (ESC [ ... final byte) or a lone ESC.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b/;

describe('terminal report', () => {
  const plain = renderTerminal(fixedReport(), { color: false, width: 80 });
  const lines = plain.split('\n');

  it('has no escape sequence at all without colour, even with one in the evidence', () => {
    assert.doesNotMatch(plain, ANSI);
    assert.match(plain, /<script>alert\(1\)<\/script> \[31mred\[0m/);
  });

  it('colours severities and the verdict when asked', () => {
    const coloured = renderTerminal(fixedReport(), { color: true, width: 80 });
    assert.match(coloured, ANSI);
    assert.equal(stripVTControlCharacters(coloured), plain, 'colour adds escapes and nothing else');
  });

  it('puts the verdict first, then the minimum bar, findings, route map and not checked, in that order', () => {
    const at = (text: string) => {
      const i = plain.indexOf(text);
      assert.ok(i >= 0, `missing ${text}`);
      return i;
    };
    const order = [
      at('Not launch ready — 2 blockers, 1 to fix this week'),
      at('Minimum bar'),
      at('Findings by launch risk (4)'),
      at('Route map'),
      at('Not checked (1)'),
    ];
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(lines.findIndex((l) => l.includes('Not launch ready')) <= 2, 'verdict within the first lines');
  });

  it('shows each minimum bar item with its symbol', () => {
    assert.ok(lines.some((l) => /^ {2}✓ Domain and redirects +4 checks ran/.test(l)));
    assert.ok(lines.some((l) => /^ {2}✗ SSL everywhere +tls\.expired, hsts\.missing/.test(l)));
    assert.ok(lines.some((l) => /^ {2}– No hardcoded secrets +not checked yet — run `launch-ready secrets`/.test(l)));
  });

  it('lists findings by rank with evidence, impact and fix indented', () => {
    const heads = lines.filter((l) => /^#\d+ /.test(l));
    assert.deepEqual(
      heads.map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['#1 CRITICAL tls.expired', '#2 HIGH hsts.missing', '#3 MEDIUM cache.static-uncached', '#4 LOW headers.referrer-missing'],
    );
    assert.equal(heads[0], '#1 CRITICAL tls.expired  app.acme.test');
    const first = lines.indexOf(heads[0]);
    assert.match(lines[first + 1], /^ {3}The certificate has expired$/);
    assert.match(lines[first + 2], /^ {3}evidence {2}notAfter 2026-11-01/);
    assert.ok(lines.slice(first, first + 8).some((l) => /^ {3}impact {4}Every browser/.test(l)));
    assert.ok(lines.slice(first, first + 10).some((l) => /^ {3}fix {7}Renew the certificate/.test(l)));
    assert.match(heads[3], /— Referrer-Policy is missing$/, 'low findings take one line');
  });

  it('wraps every line to the width, continuation lines aligned under the text', () => {
    for (const width of [40, 60, 80]) {
      const out = renderTerminal(fixedReport(), { color: false, width });
      for (const l of out.split('\n')) assert.ok(l.length <= width, `${l.length} > ${width}: ${l}`);
    }
    const i = lines.findIndex((l) => l.includes('impact    Every browser'));
    assert.match(lines[i + 1], /^ {13}\S/);
  });

  it('draws the route map and names what was not checked and why', () => {
    assert.ok(lines.includes('  www.acme.test (production)'));
    assert.ok(lines.some((l) => l.startsWith('    -> CNAME shop.cdn.test -> 192.0.2.10, 192.0.2.11 -> edge: Cloudflare')));
    assert.ok(lines.some((l) => l.includes('-> no address -> FAILED DNS nxdomain')));
    assert.ok(lines.includes('  health.missing — health not collected'));
  });

  it('says so when there are no findings', () => {
    const out = renderTerminal(fixedReport({ findings: [], verdict: 'ready', headline: 'Launch ready — nothing above low' }), { color: false });
    assert.match(out, /Findings by launch risk \(0\)\n {2}none/);
  });

  it('spells out impact and fix once per check, pointing back to it from repeats', () => {
    const out = renderTerminal(repeatedReport(), { color: false, width: 100 }).split('\n');
    const second = out.indexOf('#2 CRITICAL tls.expired  www.acme.test');
    assert.ok(second > 0);
    assert.deepEqual(out.slice(second + 1, second + 4), ['   The certificate has expired', '   evidence  notAfter 2026-11-02T00:00:00Z', '   fix       as #1']);
    assert.equal(out.filter((l) => l.includes('Every browser blocks the site')).length, 1);
  });
});
