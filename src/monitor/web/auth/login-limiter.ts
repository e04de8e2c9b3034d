/**
 * Login rate limiting: after 5 failed logins from one address within 15 minutes, that address must
 * wait; after 50 failures from anywhere, every address must (a distributed guess). A success
 * clears the address's count.
 */
const WINDOW_MS = 15 * 60_000;
const PER_ADDRESS = 5;
const OVERALL = 50;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private overall: number[] = [];

  constructor(private readonly now: () => number) {}

  /** Milliseconds to wait before trying again, or 0. */
  retryAfter(address: string): number {
    const now = this.now();
    const mine = this.recent(this.failures.get(address) ?? [], now);
    this.overall = this.recent(this.overall, now);
    const waits: number[] = [];
    if (mine.length >= PER_ADDRESS) waits.push(mine[mine.length - PER_ADDRESS] + WINDOW_MS - now);
    if (this.overall.length >= OVERALL) waits.push(this.overall[this.overall.length - OVERALL] + WINDOW_MS - now);
    return Math.max(0, ...waits);
  }

  failed(address: string): void {
    const now = this.now();
    this.failures.set(address, [...this.recent(this.failures.get(address) ?? [], now), now]);
    this.overall.push(now);
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }

  private recent(times: number[], now: number): number[] {
    return times.filter((t) => now - t < WINDOW_MS);
  }
}
