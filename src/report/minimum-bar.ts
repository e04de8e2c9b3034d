/**
 * The roadmap's minimum bar: ten things a shop needs before paid traffic, and chat latency. Each
 * item is judged from the checks that map to it, so a later issue that adds `email.*` or `secret.*`
 * checks fills its item with no change here.
 */
import type { CheckResult } from '../core/check.js';
import { severityAtLeast, type Finding } from '../core/finding.js';
import type { AuditPlan } from '../core/plan.js';
import { plural } from './plain-text.js';
import type { MinimumBarItem, MinimumBarStatus } from './types.js';

/** How every format marks an item: met, not met, not checked. */
export const BAR_SYMBOL: Record<MinimumBarStatus, string> = { met: '✓', 'not-met': '✗', 'not-checked': '–' };
export const BAR_WORD: Record<MinimumBarStatus, string> = { met: 'met', 'not-met': 'not met', 'not-checked': 'not checked' };

interface MinimumBarRule {
  id: string;
  label: string;
  /** Check ids (`route.unreachable`) or prefixes (`tls.*`). A check counts for one item only: an exact id beats a prefix, a longer prefix a shorter one. */
  checks: string[];
  /** What fills the item when none of its checks ran (the command to run, or what is missing); `{domain}` is the audited domain. */
  whenNotChecked: string;
}

export const MINIMUM_BAR: readonly MinimumBarRule[] = [
  { id: 'domain', label: 'Domain and redirects', checks: ['dns.*', 'redirect.*', 'route.unreachable'], whenNotChecked: 'no DNS, redirect or route check ran' },
  { id: 'ssl', label: 'SSL everywhere', checks: ['tls.*', 'https.not-enforced', 'hsts.*'], whenNotChecked: 'no TLS, HTTPS or HSTS check ran' },
  { id: 'edge', label: 'Edge protection', checks: ['edge.*'], whenNotChecked: 'no edge check ran' },
  {
    id: 'environments',
    label: 'Production separated from preview',
    checks: ['env.*', 'deploy.*'],
    whenNotChecked: 'no environment or deploy check ran',
  },
  {
    id: 'env-vars',
    label: 'Env vars outside code',
    checks: ['env.public-secret', 'env.file-committed', 'env.undeclared', 'env.unused'],
    whenNotChecked: 'run `launch-ready env`',
  },
  { id: 'secrets', label: 'No hardcoded secrets', checks: ['secret.*', 'exposure.*'], whenNotChecked: 'run `launch-ready secrets`' },
  { id: 'email', label: 'SPF, DKIM and DMARC', checks: ['email.*'], whenNotChecked: 'run `launch-ready email {domain}`' },
  { id: 'monitoring', label: 'Uptime monitoring with alerts', checks: ['monitor.*'], whenNotChecked: 'set up `launch-ready monitor`' },
  { id: 'caching', label: 'Caching', checks: ['cache.*', 'http.uncompressed'], whenNotChecked: 'no caching or compression check ran' },
  // Issue 5 adds this one to the roadmap's ten: the stall a founder fears most (p95 under 2 s for chat).
  { id: 'chat-latency', label: 'Chat latency', checks: ['latency.*', 'timeout.*'], whenNotChecked: 'declare latency budgets (latency.targets) or run `launch-ready bench`' },
  { id: 'logs', label: 'Readable logs', checks: ['tracing.*', 'health.*'], whenNotChecked: 'no health or tracing check ran' },
];

/** How closely a pattern matches an id: exact beats any prefix, longer prefixes beat shorter; 0 for no match. */
function specificity(pattern: string, id: string): number {
  if (pattern === id) return Number.MAX_SAFE_INTEGER;
  if (pattern.endsWith('.*') && id.startsWith(pattern.slice(0, -1))) return pattern.length;
  return 0;
}

/** The bar item a check id counts for, or undefined when it counts for none (e.g. `headers.*`). */
export function barItemOf(checkId: string): MinimumBarRule | undefined {
  let best: MinimumBarRule | undefined;
  let bestScore = 0;
  for (const rule of MINIMUM_BAR) {
    for (const pattern of rule.checks) {
      const score = specificity(pattern, checkId);
      if (score > bestScore) [best, bestScore] = [rule, score];
    }
  }
  return best;
}

/** Judges every item: `not-met` on a finding of medium or worse, `not-checked` when none of its checks ran, else `met`. */
export function buildMinimumBar(plan: AuditPlan, results: readonly CheckResult[], findings: readonly Finding[]): MinimumBarItem[] {
  return MINIMUM_BAR.map((rule): MinimumBarItem => {
    const mine = results.filter((r) => barItemOf(r.id) === rule);
    const ran = mine.filter((r) => r.status !== 'error');
    const errored = mine.filter((r) => r.status === 'error');
    const blocking = findings.filter((f) => barItemOf(f.id) === rule && severityAtLeast(f.severity, 'medium'));
    const base = { id: rule.id, label: rule.label };
    if (blocking.length > 0) {
      const findingIds = [...new Set(blocking.map((f) => f.id))];
      const targets = new Set(blocking.map((f) => f.target));
      return { ...base, status: 'not-met', findingIds, detail: `${findingIds.join(', ')} on ${plural(targets.size, 'target')}` };
    }
    if (ran.length === 0) {
      const hint = rule.whenNotChecked.replace('{domain}', plan.domain);
      // A stage left out on purpose says why as "not checked: …" (see collect-all.ts); a failure says what failed.
      const why = errored[0]?.error ?? 'check failed';
      const detail = errored.length === 0 ? `not checked yet — ${hint}` : why.startsWith('not checked: ') ? `not checked — ${why.slice('not checked: '.length)}` : `could not check: ${why}`;
      return { ...base, status: 'not-checked', findingIds: [], detail };
    }
    const minor = findings.filter((f) => barItemOf(f.id) === rule).length;
    let detail = `${plural(ran.length, 'check')} ran, nothing above low`;
    if (minor > 0) detail += ` (${plural(minor, 'low/info finding')})`;
    if (errored.length > 0) detail += `; ${errored.length} could not run`;
    return { ...base, status: 'met', findingIds: [], detail };
  });
}
