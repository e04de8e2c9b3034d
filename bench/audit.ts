/**
 * bench/audit: wall time of the demo audit, then the same audit with 100 ms added to every
 * response. The work is concurrent, so the slow run must stay under 3x the first (a sequential
 * audit of ~100 requests would take 10 s more).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../src/audit.js';
import { loadConfig } from '../src/config/load.js';
import { networkFromConfig, planFromLoaded } from '../src/config/plan.js';
import { startWorld } from '../src/demo/world.js';
import { networkSettings } from '../src/cli/network-options.js';

async function timedAudit(delayMs: number): Promise<{ ms: number; requests: number; findings: number }> {
  const world = await startWorld({ responseDelayMs: delayMs });
  const dir = await mkdtemp(join(tmpdir(), 'lr-bench-'));
  try {
    await writeFile(join(dir, 'ca.pem'), world.caPem);
    await writeFile(join(dir, 'launch-ready.yaml'), world.configYaml('./ca.pem'));
    const loaded = await loadConfig(join(dir, 'launch-ready.yaml'));
    const settings = networkSettings({}, networkFromConfig(loaded));
    const started = performance.now();
    const { report, artifacts } = await runAudit({ plan: planFromLoaded(loaded, new Date()), settings, target: loaded.config.canonical });
    const ms = performance.now() - started;
    const requests =
      (artifacts.hosts ?? []).reduce((n, h) => n + (h.https?.exchanges.length ?? 0) + (h.http?.exchanges.length ?? 0) + (h.robots ? 1 : 0), 0) +
      (artifacts.routes ?? []).reduce((n, r) => n + r.chain.exchanges.length, 0) +
      (artifacts.versions?.length ?? 0) +
      (artifacts.health?.length ?? 0) +
      (artifacts.assets?.length ?? 0) +
      (artifacts.cors?.length ?? 0);
    return { ms, requests, findings: report.findings.length };
  } finally {
    await world.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchAudit(): Promise<void> {
  await timedAudit(0); // warm-up: module loading and JIT, not measured
  const fast = await timedAudit(0);
  const slow = await timedAudit(100);
  const ratio = slow.ms / fast.ms;
  const rows = [
    ['demo audit', `${fast.ms.toFixed(0)} ms`, `${fast.requests} requests`, `${fast.findings} findings`],
    ['+100 ms per response', `${slow.ms.toFixed(0)} ms`, `${slow.requests} requests`, `${slow.findings} findings`],
    ['ratio (goal < 3x)', `${ratio.toFixed(2)}x`, ratio < 3 ? 'met' : 'MISSED', `sequential would add ~${((slow.requests * 100) / 1000).toFixed(1)} s`],
  ];
  process.stdout.write('\nbench/audit — wall time of the demo audit\n');
  for (const r of rows) process.stdout.write(`  ${r[0].padEnd(22)} ${r[1].padStart(9)}  ${r[2].padEnd(14)} ${r[3]}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAudit();
