/** Collects time spent per component of one request for the `Server-Timing` header (W3C Server Timing). */
export class ServerTiming {
  private readonly started = performance.now();
  private readonly spent = new Map<string, number>();

  measure<T>(name: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.spent.set(name, (this.spent.get(name) ?? 0) + performance.now() - start);
    }
  }

  /** Time spent in an awaited call, which `measure` (synchronous) cannot see. */
  add(name: string, ms: number): void {
    this.spent.set(name, (this.spent.get(name) ?? 0) + ms);
  }

  /** e.g. `db;dur=0.12, model;dur=0.85, app;dur=1.40` (app: the whole request so far). */
  header(): string {
    const entries = [...this.spent, ['app', performance.now() - this.started] as const];
    return entries.map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', ');
  }
}
