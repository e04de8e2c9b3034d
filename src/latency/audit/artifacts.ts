/**
 * What the audit's latency stage collects. Bodies are left out of every exchange (`body: ''`):
 * the checks read timings and headers only, and chat replies may hold customers' data.
 */
import type { HttpExchange } from '../../core/artifacts.js';
import type { RouteKind } from '../../core/finding.js';

/** A read endpoint fetched several times in a row with the same request (`cache.repeated-read-slow`). */
export interface ReadRepeatProbe {
  name: string;
  url: string;
  kind: RouteKind;
  /** In order; the first may be a cache miss, the later ones could be hits. */
  fetches: HttpExchange[];
}

/** One conversation grown turn by turn, timed at a few lengths (`latency.history-growth`). */
export interface HistoryGrowthProbe {
  name: string;
  /** What was timed: the chat turn itself, or the app's history endpoint read after that turn. */
  measured: 'chat' | 'history';
  url: string;
  /** Growth from the first to the last point beyond this factor is a finding. */
  factor: number;
  points: Array<{ turn: number; exchange: HttpExchange }>;
  /** The conversation broke off (an error answer) before the last turn. */
  stoppedAt?: number;
}

/** One chat request sent with the config's fault-injection headers (`timeout.missing`). */
export interface HangProbe {
  name: string;
  url: string;
  /** The chat must answer (an error or a fallback) within this while its model provider hangs. */
  withinMs: number;
  /** Names of the hook headers sent (values are not kept). */
  hookHeaders: string[];
  /** The probe waited this long before giving up. */
  waitedMs: number;
  exchange: HttpExchange;
}
