/** Parsing of the human units the config accepts: durations ("500ms", "5s", "2m") and percentages ("1%"). */

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const MS_PER_UNIT = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Milliseconds for a number (already ms) or a string with a unit; undefined when unparsable or not positive. */
export function parseDuration(value: number | string): number | undefined {
  const match = typeof value === 'string' ? DURATION.exec(value.trim()) : null;
  const ms = typeof value === 'number' ? value : match ? Math.round(Number(match[1]) * MS_PER_UNIT[match[2] as keyof typeof MS_PER_UNIT]) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;

/** A percentage between 0 and 100 from "1%", "99.5%" or a bare number (read as a percentage). */
export function parsePercent(value: number | string): number | undefined {
  const n = typeof value === 'number' ? value : Number(PERCENT.exec(value.trim())?.[1] ?? NaN);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}
