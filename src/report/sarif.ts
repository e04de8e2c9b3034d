/**
 * SARIF 2.1.0 output for code-scanning dashboards (GitHub code scanning reads it). One rule per
 * check id, one result per finding. `security-severity` follows GitHub's bands (critical ≥ 9.0,
 * high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9); levels map critical/high → error, medium → warning,
 * low/info → note. Web findings are located by URL; a finding about a file (`src/app.ts:12`) by
 * path and line, so the same writer serves the secret scan.
 */
import { createHash } from 'node:crypto';
import type { CheckMeta } from '../core/check.js';
import { STAGES, type Finding, type Severity, type Stage } from '../core/finding.js';
import { mdLink } from './markdown-escape.js';
import { stripControl } from './plain-text.js';
import type { Report } from './types.js';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.1' };

type RuleText = Pick<CheckMeta, 'id' | 'severity' | 'stage' | 'failureTitle' | 'description' | 'impact' | 'remediation' | 'reference'>;

/** `TlsExpired` from `tls.expired`: SARIF's `name` is an identifier-like label. */
function ruleName(id: string): string {
  return id
    .split(/[.-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function rule(meta: RuleText) {
  const why = stripControl(meta.impact);
  const fix = stripControl(meta.remediation);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: stripControl(meta.failureTitle) },
    fullDescription: { text: stripControl(meta.description) },
    help: {
      text: `${why}\n\nHow to fix: ${fix}\n\nReference: ${meta.reference}`,
      // Check meta is written as Markdown (backticks around header names), so it goes in as is.
      markdown: `**Why it matters:** ${why}\n\n**How to fix:** ${fix}\n\nReference: ${mdLink(meta.reference)}`,
    },
    helpUri: meta.reference,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { 'security-severity': SECURITY_SEVERITY[meta.severity], tags: ['security', 'launch-ready', `stage ${meta.stage}: ${STAGES[meta.stage as Stage]}`] },
  };
}

/** A rule for a finding whose check was not passed in, from what the finding itself carries. */
function ruleFromFinding(f: Finding): RuleText {
  return { id: f.id, severity: f.severity, stage: f.stage, failureTitle: f.title, description: f.title, impact: f.impact, remediation: f.remediation, reference: f.reference };
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+\.?(?::\d+)?$|^\[[0-9a-f:.]+\](?::\d+)?$/i;

/** Where a finding points: its URL, `https://host/` for a host, or a repository path with an optional `:line[:column]`. */
export function locationOf(target: string) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      // A bundle finding names its line and column after the path (`…/app.js:5:419`).
      const at = /:(\d+)(?::(\d+))?$/.exec(url.pathname);
      if (!at) return { artifactLocation: { uri: url.href } };
      url.pathname = url.pathname.slice(0, at.index);
      return { artifactLocation: { uri: url.href }, region: { startLine: Number(at[1]), ...(at[2] ? { startColumn: Number(at[2]) } : {}) } };
    } catch {
      // an unparsable URL falls through to the path form
    }
  }
  if (HOST.test(target)) return { artifactLocation: { uri: new URL(`https://${target}/`).href } };
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(target);
  const path = (m ? m[1] : target).replace(/\\/g, '/').replace(/^\.\//, '');
  const region = m ? { region: { startLine: Number(m[2]), ...(m[3] ? { startColumn: Number(m[3]) } : {}) } } : {};
  return { artifactLocation: { uri: encodeURI(path) }, ...region };
}

function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.id}\n${f.target}`).digest('hex').slice(0, 32);
}

export function toSarif(report: Report, rules: readonly CheckMeta[]) {
  const byId = new Map<string, RuleText>();
  for (const meta of rules) if (!byId.has(meta.id)) byId.set(meta.id, meta);
  for (const f of report.findings) if (!byId.has(f.id)) byId.set(f.id, ruleFromFinding(f));
  const ruleList = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const notChecked = report.checks.filter((c) => c.status === 'error');
  const endedAt = new Date(new Date(report.startedAt).getTime() + report.durationMs).toISOString();

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: ruleList.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            endTimeUtc: endedAt,
            toolExecutionNotifications: notChecked.map((c) => ({
              level: 'warning' as const,
              message: { text: `${c.id} not checked: ${stripControl(c.error ?? 'could not run')}` },
              descriptor: { id: c.id },
            })),
          },
        ],
        results: report.findings.map((f) => ({
          ruleId: f.id,
          ruleIndex: index.get(f.id),
          level: LEVEL[f.severity],
          message: { text: `${stripControl(f.title)} (${f.target}): ${stripControl(f.evidence)}` },
          locations: [{ physicalLocation: locationOf(f.target) }],
          partialFingerprints: { 'launchReady/v1': fingerprint(f) },
          properties: { 'security-severity': SECURITY_SEVERITY[f.severity], severity: f.severity, rank: f.rank, stage: f.stage, target: f.target },
        })),
        properties: { target: report.target, verdict: report.verdict, headline: report.headline },
      },
    ],
  };
}

export function renderSarif(report: Report, rules: readonly CheckMeta[]): string {
  return `${JSON.stringify(toSarif(report, rules), null, 2)}\n`;
}
