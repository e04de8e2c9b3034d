/**
 * One SARIF file for the whole `ci` run: the audit's results and the secret scan's in a single run
 * of one tool. GitHub code scanning rejects an upload holding several runs of the same tool and
 * category, and one run lets a rule shared by both (`exposure.env-file`) be declared once. Rules
 * are merged by id (the first declaration wins) and every result's `ruleIndex` is renumbered
 * against the merged list; invocations are kept side by side.
 */

interface SarifRule {
  id: string;
  [key: string]: unknown;
}

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  [key: string]: unknown;
}

interface SarifRun {
  tool: { driver: { name: string; rules?: SarifRule[]; [key: string]: unknown } };
  invocations?: unknown[];
  results?: SarifResult[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SarifLog {
  $schema?: string;
  version: '2.1.0';
  runs: SarifRun[];
}

/** The logs' runs merged into one; undefined when there is nothing to merge. */
export function mergeSarif(logs: readonly SarifLog[]): SarifLog | undefined {
  const runs = logs.flatMap((l) => l.runs);
  const first = runs[0];
  if (!first) return undefined;
  const rules = new Map<string, SarifRule>();
  for (const run of runs) for (const rule of run.tool.driver.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  const ruleList = [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const results = runs.flatMap((run) =>
    (run.results ?? []).map((r) => {
      const { ruleIndex: _stale, ...rest } = r;
      const at = r.ruleId !== undefined ? index.get(r.ruleId) : undefined;
      return at !== undefined ? { ...rest, ruleIndex: at } : rest;
    }),
  );
  const invocations = runs.flatMap((run) => run.invocations ?? []);
  const merged: SarifRun = {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules: ruleList } },
    ...(invocations.length > 0 ? { invocations } : {}),
    results,
  };
  return { ...(logs[0].$schema ? { $schema: logs[0].$schema } : {}), version: '2.1.0', runs: [merged] };
}
