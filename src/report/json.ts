/**
 * The JSON report: the stable, documented shape (docs/report-json.md). Keys are listed explicitly,
 * in a fixed order, so an internal field added to the report never leaks into the public format
 * by accident.
 */
import type { CheckResult } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import type { MinimumBarItem, Report, RouteMapEntry } from './types.js';

/** The JSON document's version; raised only on a breaking change to its shape. */
export const REPORT_SCHEMA_VERSION = 1;

function finding(f: Finding) {
  return {
    id: f.id,
    severity: f.severity,
    stage: f.stage,
    target: f.target,
    title: f.title,
    evidence: f.evidence,
    impact: f.impact,
    remediation: f.remediation,
    reference: f.reference,
    rank: f.rank,
    routeKind: f.routeKind,
  };
}

function barItem(i: MinimumBarItem) {
  return { id: i.id, label: i.label, status: i.status, detail: i.detail, findingIds: i.findingIds };
}

function route(r: RouteMapEntry) {
  return {
    host: r.host,
    environment: r.environment,
    cnames: r.cnames,
    addresses: r.addresses,
    edge: r.edge,
    edgeVia: r.edgeVia,
    edgeEvidence: r.edgeEvidence,
    finalUrl: r.finalUrl,
    status: r.status,
    versions: r.versions,
    tls: r.tls ? { issuer: r.tls.issuer, validTo: r.tls.validTo, protocol: r.tls.protocol } : undefined,
    error: r.error,
  };
}

function check(c: CheckResult) {
  return { id: c.id, status: c.status, error: c.error };
}

export function toJsonReport(report: Report) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    target: report.target,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    verdict: report.verdict,
    headline: report.headline,
    summary: { critical: report.summary.critical, high: report.summary.high, medium: report.summary.medium, low: report.summary.low, info: report.summary.info },
    minimumBar: report.minimumBar.map(barItem),
    findings: report.findings.map(finding),
    routes: report.routes.map(route),
    checks: report.checks.map(check),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;

/** Pretty-printed with two spaces; optional fields that are absent are left out (JSON.stringify drops undefined). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
