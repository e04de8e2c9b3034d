/**
 * docs/checks.md from the check registry: every public check id grouped by roadmap stage, with what
 * it looks at, why it matters, how to fix it and a reference. Output is deterministic (sorted, no
 * dates) so a test can fail when the committed copy drifts from the registry.
 */
import type { CheckMeta } from '../core/check.js';
import { STAGES, type Stage } from '../core/finding.js';

function anchor(id: string): string {
  return id.replace(/\./g, '');
}

function section(c: CheckMeta): string[] {
  return [
    `### \`${c.id}\``,
    '',
    `**${c.failureTitle}** · default severity: **${c.severity}** · passes when: ${c.title}`,
    '',
    `- **What it means:** ${c.description}`,
    `- **Why it matters:** ${c.impact}`,
    `- **How to fix:** ${c.remediation}`,
    `- **Reference:** <${c.reference}>`,
    '',
  ];
}

export function renderChecksDoc(checks: readonly CheckMeta[]): string {
  const out = [
    '# Checks',
    '',
    '<!-- Generated from the check registry (src/checks); edit the checks, not this file. -->',
    '',
    'Every check launch-ready runs, by roadmap stage. Ids are stable: they appear in every report format, in `--fail-on` decisions and in SARIF rule ids. A finding may raise or lower the default severity shown here (a certificate expiring in 10 days is more urgent than one expiring in 25).',
    '',
  ];
  const stages = (Object.keys(STAGES).map(Number) as Stage[]).filter((s) => checks.some((c) => c.stage === s));
  out.push('| Stage | Checks |', '|---|---|');
  for (const stage of stages) {
    const ids = checks.filter((c) => c.stage === stage).map((c) => c.id).sort();
    out.push(`| ${stage}. ${STAGES[stage]} | ${ids.map((id) => `[\`${id}\`](#${anchor(id)})`).join(', ')} |`);
  }
  out.push('');
  for (const stage of stages) {
    out.push(`## ${stage}. ${STAGES[stage].charAt(0).toUpperCase()}${STAGES[stage].slice(1)}`, '');
    for (const c of [...checks].filter((c) => c.stage === stage).sort((a, b) => a.id.localeCompare(b.id))) out.push(...section(c));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
