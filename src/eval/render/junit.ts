/**
 * The eval as JUnit XML for CI test reporters: a testsuite per pack, a testcase per case (class
 * name `pack.mode`), `<failure>` with the reason and the conversation, `<skipped>` when not checked.
 */
import type { EvalReport } from '../types.js';
import { transcript } from './labels.js';

/** XML 1.0 §2.2 allows tab, line feed, carriage return and U+0020 on (less surrogates, U+FFFE, U+FFFF); the rest are dropped. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function renderEvalJunit(report: EvalReport): string {
  const packs = [...new Set(report.cases.map((c) => c.pack))];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="launch-ready eval" tests="${report.summary.cases}" failures="${report.summary.failed}" skipped="${report.summary.notChecked}" time="${seconds(report.summary.durationMs)}">`,
  ];
  for (const pack of packs) {
    const cases = report.cases.filter((c) => c.pack === pack);
    const failures = cases.filter((c) => c.status === 'fail' || c.status === 'flaky').length;
    const skipped = cases.filter((c) => c.status === 'not-checked').length;
    const time = cases.reduce((sum, c) => sum + c.turns.reduce((t, turn) => t + turn.latencyMs, 0), 0);
    out.push(`  <testsuite name="${xml(pack)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${seconds(time)}">`);
    for (const c of cases) {
      const attrs = `classname="${xml(`${c.pack}.${c.mode}`)}" name="${xml(c.id)}" time="${seconds(c.turns.reduce((t, turn) => t + turn.latencyMs, 0))}"${c.file ? ` file="${xml(c.file)}" line="${c.line ?? 0}"` : ''}`;
      if (c.status === 'pass') {
        out.push(`    <testcase ${attrs}/>`);
      } else if (c.status === 'not-checked') {
        out.push(`    <testcase ${attrs}>`, `      <skipped message="${xml(c.reason)}"/>`, '    </testcase>');
      } else {
        const flaky = c.status === 'flaky' ? ` (passed ${c.passes} of ${c.runs} runs)` : '';
        out.push(`    <testcase ${attrs}>`, `      <failure message="${xml(c.reason + flaky)}" type="${xml(c.mode)}">${xml(transcript(c).join('\n'))}</failure>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
