/** Number formats shared by the bench's outputs. */

/** `0.84 ms`, `12.3 ms`, `2450 ms`: three significant figures or so, always in milliseconds so columns compare at a glance. */
export function formatMs(ms: number): string {
  const digits = ms < 10 ? 2 : ms < 1000 ? 1 : 0;
  return `${ms.toFixed(digits)} ms`;
}

export function formatPercent(p: number): string {
  return `${p < 10 ? Number(p.toFixed(2)) : Number(p.toFixed(1))} %`;
}

export function formatRate(perSecond: number): string {
  return `${perSecond < 100 ? perSecond.toFixed(1) : Math.round(perSecond).toLocaleString('en-US')}/s`;
}
