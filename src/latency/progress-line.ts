/** The live line on a terminal during a run: elapsed, sent, achieved rate, current p95, errors. */
import type { LiveStats } from './run-target.js';
import { formatMs, formatRate } from './format.js';

export interface ProgressLine {
  update(stats: LiveStats): void;
  /** Clears the line so the next output starts clean. */
  clear(): void;
}

export function formatLiveStats(s: LiveStats): string {
  const p95 = s.currentP95 === null ? 'p95 —' : `p95 ${formatMs(s.currentP95)}`;
  return `${s.target} · ${(s.elapsedMs / 1000).toFixed(0)} s · sent ${s.sent} · ${formatRate(s.achievedRate)} · ${p95} · errors ${s.errors}`;
}

/** Redraws one line on stderr; silent when stderr is not a terminal or when quiet, so pipes and logs stay clean. */
export function stderrProgressLine(quiet: boolean, stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'> = process.stderr): ProgressLine {
  if (quiet || !stream.isTTY) return { update: () => undefined, clear: () => undefined };
  return {
    update(stats) {
      stream.write(`\r\x1b[K${formatLiveStats(stats).slice(0, (stream.columns || 80) - 1)}`);
    },
    clear() {
      stream.write('\r\x1b[K');
    },
  };
}
