import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import type { Finding } from '../../src/core/finding.js';
import { publishText, recordLine, type DnsRecordLine } from '../../src/email/record-line.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { fixParts } from '../../src/report/verbatim-lines.js';
import { fixedReport } from './fixture.js';

// A 2048-bit key's TXT value is longer than any terminal line; cut to exactly 300 characters.
const KEY = 'v=DKIM1; k=rsa; p=' + 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0'.repeat(3);
const DKIM: DnsRecordLine = { name: 'sel1._domainkey.acme.test', type: 'TXT', value: KEY.slice(0, 300) };
const MX: DnsRecordLine = { name: 'acme.test', type: 'MX', value: '10 mx1.mail.acme.test' };
/** The record as pasted into a provider's form: name, type and value with their double spaces. */
const RECORD = recordLine(DKIM).trimStart();

const finding: Finding = {
  id: 'email.dkim-missing',
  severity: 'high',
  stage: 3,
  target: 'acme.test',
  title: 'No DKIM key is published',
  evidence: 'sel1._domainkey.acme.test: no TXT record',
  impact: 'Receivers cannot verify the shop signed its order mail, so it lands in spam.',
  remediation: `${publishText('Publish the key your mail provider gives you, and keep mail routed to it', [DKIM, MX])}\nThen turn on signing in the provider's dashboard and send a test order confirmation.`,
  reference: 'https://www.rfc-editor.org/rfc/rfc6376',
  rank: 1,
};
const report = fixedReport({ findings: [finding] });

function decodeHtml(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
}

describe('verbatim lines in a fix', () => {
  it('splits a fix into prose and runs of two-space-indented lines, without the mark', () => {
    assert.equal(DKIM.value.length, 300);
    assert.deepEqual(fixParts('Publish:\n  a  TXT  "x"\n  b  MX  10 m\n\n  c  A  192.0.2.1\nThen wait.\u001b[2J'), [
      { kind: 'prose', text: 'Publish:' },
      { kind: 'verbatim', lines: ['a  TXT  "x"', 'b  MX  10 m'] },
      { kind: 'verbatim', lines: ['c  A  192.0.2.1'] },
      { kind: 'prose', text: 'Then wait.[2J' },
    ]);
    assert.deepEqual(fixParts('Just prose\nover two lines.'), [{ kind: 'prose', text: 'Just prose\nover two lines.' }]);
  });

  it('prints each record whole on its own line in the terminal, the prose still wrapped', () => {
    for (const color of [false, true]) {
      const lines = renderTerminal(report, { color, width: 80 }).split('\n');
      const at = lines.findIndex((l) => l.includes(RECORD));
      assert.ok(at > 0, 'the DKIM record is on one line');
      assert.equal(lines[at], `${' '.repeat(13)}  ${RECORD}`);
      assert.equal(lines[at + 1], `${' '.repeat(13)}${recordLine(MX)}`);
      assert.match(lines[at - 1], /^ {13}\S.*it:$/, 'the prose before it wrapped as usual');
      assert.ok(lines.slice(0, at).some((l) => /^ {3}fix {7}Publish the key/.test(l)));
      assert.match(lines[at + 2], /^ {13}Then turn on signing/);
      for (const l of lines.filter((l) => !l.includes(RECORD))) assert.ok(stripVTControlCharacters(l).length <= 80, l);
    }
  });

  it('puts the records in a code block inside the fix item in Markdown', () => {
    const md = renderMarkdown(report);
    const expected = [
      '- **Fix:** Publish the key your mail provider gives you, and keep mail routed to it:',
      '',
      '  ```text',
      `  ${RECORD}`,
      `  ${recordLine(MX).trimStart()}`,
      '  ```',
      '',
      "  Then turn on signing in the provider's dashboard and send a test order confirmation.",
      '- **Reference:** <https://www.rfc-editor.org/rfc/rfc6376>',
    ].join('\n');
    assert.ok(md.includes(expected), md);
  });

  it('keeps the records as preformatted text in HTML', () => {
    const html = renderHtml(report);
    const fix = /<div class="fix"><dt>Fix<\/dt><dd>(.*?)<\/dd><\/div>/s.exec(html)?.[1] ?? '';
    const pre = [...fix.matchAll(/<pre>(.*?)<\/pre>/gs)].map((m) => decodeHtml(m[1]));
    assert.deepEqual(pre, [`${RECORD}\n${recordLine(MX).trimStart()}`]);
    assert.match(fix, /^Publish the key [^<]*:<pre>[^<]*<\/pre>Then turn on signing [^<]*$/);
  });
});
