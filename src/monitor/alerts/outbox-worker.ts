/**
 * Delivers the outbox (issue 7 §2): alerts are committed to the store before anyone tries to send
 * them, so none is lost across a restart; each attempt is recorded (the dashboard shows them);
 * failures are retried with exponential back-off up to a day, then marked failed. Deliveries run
 * apart from the checks with their own concurrency and a deadline each, so a hung Slack or SMTP
 * server never delays a check.
 */
import type { Clock, TimerHandle } from '../clock.js';
import type { MonitorStore } from '../store/store.js';
import type { Channel } from './channels/channel.js';
import type { AlertMessage } from './message.js';

const POLL_MS = 5_000;
const SEND_TIMEOUT_MS = 15_000;
const PARALLEL = 4;
/** 10 s, 20 s, 40 s … capped at 15 min; given up a day after the alert was queued. */
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 15 * 60_000;
const GIVE_UP_AFTER_MS = 24 * 3_600_000;

function retryDelay(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export class OutboxWorker {
  private timer: TimerHandle | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** Attempts per channel, for /metrics. */
  readonly attempts = new Map<string, { delivered: number; failed: number }>();

  constructor(
    private readonly store: MonitorStore,
    private readonly clock: Clock,
    private channels: Map<string, Channel>,
  ) {}

  setChannels(channels: Map<string, Channel>): void {
    this.channels = channels;
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Delivers what is due now (called when alerts are queued, and on a timer). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      } else if (!this.stopped) this.timer = this.clock.setTimer(() => this.wake(), POLL_MS);
    });
  }

  /** Resolves once the current delivery round is over (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.clock.clearTimer(this.timer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = await this.store.dueAlerts(this.clock.now(), PARALLEL);
      if (due.length === 0 || this.stopped) return;
      await Promise.all(due.map((entry) => this.deliver(entry.id, entry.channel, entry.payload as AlertMessage, entry.attempts, entry.createdAt)));
    }
  }

  private async deliver(id: number, channelName: string, message: AlertMessage, attempts: number, createdAt: number): Promise<void> {
    const channel = this.channels.get(channelName);
    const started = this.clock.now();
    let detail: string;
    let ok = false;
    if (!channel) detail = `no channel named "${channelName}" in the current config`;
    else {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
      try {
        await channel.send(message, controller.signal);
        ok = true;
        detail = `delivered by ${channel.describe}`;
      } catch (err) {
        detail = controller.signal.aborted ? `no answer within ${SEND_TIMEOUT_MS / 1000} s` : (err as Error).message;
      } finally {
        clearTimeout(timer);
      }
    }
    const at = this.clock.now();
    const counts = this.attempts.get(channelName) ?? { delivered: 0, failed: 0 };
    counts[ok ? 'delivered' : 'failed']++;
    this.attempts.set(channelName, counts);
    const nextAt = ok || at - createdAt >= GIVE_UP_AFTER_MS ? undefined : Math.max(at, started) + retryDelay(attempts + 1);
    await this.store.recordAttempt(id, { at, ok, detail, ...(nextAt !== undefined ? { nextAt } : {}) });
  }
}
