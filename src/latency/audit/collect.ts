/**
 * The audit's latency stage (roadmap stage 4): fills `readRepeats`, `historyGrowth`, `hangProbes`
 * and `latency`, or records in `artifacts.errors` why a part was not run, so its checks show as
 * not checked.
 *
 * Work on one endpoint runs in order (a read timed while a bench floods the same endpoint would
 * blame the wrong thing); different endpoints are worked side by side, so the stage takes as long
 * as its busiest endpoint rather than the sum. On each endpoint a bench runs before the single
 * requests, so the backlog it leaves has drained before they are timed, except a bench with a
 * sub-second budget, which runs last. Those benches and the timed single requests first wait for
 * the auditor itself to be calm (calm.ts), and such a bench that failed its budget only by the
 * auditor's own stalls during the run is run again (own-stalls.ts). The hang probe only waits for
 * an answer that may never come: it runs beside everything.
 */
import { randomBytes } from 'node:crypto';
import type { Artifacts } from '../../core/artifacts.js';
import type { CollectContext } from '../../collect/context.js';
import type { Outcome } from '../recorder.js';
import type { TargetRun } from '../result.js';
import { runTarget, type RunEnvironment } from '../run-target.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, type BenchTarget } from '../targets.js';
import { needsCalm, untilCalm } from './calm.js';
import { failureExplainedByStalls, StallMeter, stalledWithin } from './own-stalls.js';
import type { PerformancePart, PerformancePlan } from './plan.js';
import { probeHang, probeHistoryGrowth, probeReadRepeats } from './probes.js';
import { TimedFetcher } from './timed-fetch.js';

const PARTS: readonly PerformancePart[] = ['readRepeats', 'historyGrowth', 'hangProbes', 'latency'];
/** Runs of a sub-second-budget bench at most, while its failures are explained by the auditor's own stalls. */
const CALM_BENCH_RUNS = 3;

/** One request sequence of a part, on one endpoint. */
interface Job {
  endpoint: string;
  part: PerformancePart;
  /** Timed closely enough that the auditor's own delays would show: waits for calm first. */
  calm: boolean;
  /** `fetcher` is the lane's own: lanes never wait for each other's connections. */
  run(fetcher: TimedFetcher): Promise<void>;
}

/** Scheme, host and path: the query (an order id, an email) picks data, not a different endpoint. */
function endpointOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * A bench with a sub-second budget (short requests, so the stalls during one bound what they added
 * to it): run again after a calm wait while its failure is explained by the auditor's own stalls,
 * keeping the least stalled run. A target slower than its budget by more than the stalls during
 * its requests is not run again. Longer budgets absorb the stalls, and their slow requests (a
 * stalled model call) would be run again for stalls that did not delay them.
 */
async function benchCalmly(target: BenchTarget, env: RunEnvironment): Promise<TargetRun> {
  let kept: { run: TargetRun; stalledMs: number } | undefined;
  for (let attempt = 1; attempt <= CALM_BENCH_RUNS; attempt++) {
    if (attempt > 1) await untilCalm();
    const meter = new StallMeter();
    const outcomes: Outcome[] = [];
    meter.start();
    let run: TargetRun;
    try {
      run = await runTarget(target, { ...env, onOutcome: (o) => outcomes.push(o) });
    } finally {
      meter.stop();
    }
    const stalledMs = stalledWithin(meter.stalls, -Infinity, Infinity);
    if (!kept || stalledMs < kept.stalledMs) kept = { run, stalledMs };
    if (!failureExplainedByStalls(run, outcomes, meter.stalls)) return run;
  }
  return kept!.run;
}

/** `plan` is undefined when the audit has no config (discovery from a URL): nothing to time. */
export async function collectPerformance(ctx: CollectContext, plan: PerformancePlan | undefined, artifacts: Artifacts): Promise<void> {
  const notRun = (part: PerformancePart, why: string) => {
    artifacts.errors = { ...artifacts.errors, [part]: why };
  };
  const notChecked = (part: PerformancePart, why: string) => notRun(part, `not checked: ${why}`);
  if (!plan) {
    for (const part of PARTS) notChecked(part, 'the latency stage needs a config (routes, latency and chatbot sections)');
    return;
  }
  for (const [part, why] of Object.entries(plan.skipped) as Array<[PerformancePart, string]>) notChecked(part, why);
  const ua = ctx.settings.userAgent;
  const runId = randomBytes(4).toString('hex');

  // Results go in config order whatever order the lanes finish in.
  const latency: NonNullable<Artifacts['latency']> = new Array(plan.targets.length);
  const reads: NonNullable<Artifacts['readRepeats']> = new Array(plan.reads.length);
  const benches: Job[] = plan.targets.map((target, i) => {
    const calm = needsCalm(target);
    return {
      endpoint: endpointOf(target.url),
      part: 'latency',
      calm,
      run: async () => {
        ctx.progress.step(target.url, 'latency');
        const env: RunEnvironment = { dns: ctx.dns, settings: ctx.settings, timeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, runId };
        latency[i] = calm ? await benchCalmly(target, env) : await runTarget(target, env);
      },
    };
  });
  const probes: Job[] = plan.reads.map((read, i) => ({
    endpoint: endpointOf(read.url),
    part: 'readRepeats',
    calm: true,
    run: async (fetcher) => {
      ctx.progress.step(read.url, 'repeated reads');
      reads[i] = await probeReadRepeats(fetcher, read, ua);
    },
  }));
  const history = plan.history;
  if (history) {
    probes.push({
      endpoint: endpointOf(history.chat.url),
      part: 'historyGrowth',
      calm: true,
      run: async (fetcher) => {
        ctx.progress.step(history.chat.url, `conversation of ${Math.max(...history.turns)} turns`);
        artifacts.historyGrowth = [await probeHistoryGrowth(fetcher, history, ua)];
      },
    });
  }
  const hang = plan.hang;
  if (hang) {
    probes.push({
      endpoint: 'model provider hanging',
      part: 'hangProbes',
      calm: false,
      run: async (fetcher) => {
        ctx.progress.step(hang.chat.url, 'model provider hanging');
        artifacts.hangProbes = [await probeHang(fetcher, hang, ua)];
      },
    });
  }
  const jobs = [...benches.filter((b) => !b.calm), ...probes, ...benches.filter((b) => b.calm)];

  const failed = new Map<PerformancePart, string>();
  const lanes = new Map<string, Job[]>();
  for (const job of jobs) lanes.set(job.endpoint, [...(lanes.get(job.endpoint) ?? []), job]);
  await Promise.all(
    [...lanes.values()].map(async (lane) => {
      const fetcher = new TimedFetcher(ctx.settings, ctx.dns);
      try {
        for (const job of lane) {
          if (failed.has(job.part)) continue;
          try {
            if (job.calm) await untilCalm();
            await job.run(fetcher);
          } catch (err) {
            failed.set(job.part, `collector ${job.part} failed: ${(err as Error).message}`);
          }
        }
      } finally {
        await fetcher.close();
      }
    }),
  );
  for (const [part, why] of failed) notRun(part, why);
  if (plan.targets.length > 0 && !failed.has('latency')) artifacts.latency = latency;
  if (plan.reads.length > 0 && !failed.has('readRepeats')) artifacts.readRepeats = reads;
}
