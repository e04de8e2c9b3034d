/**
 * /metrics in the Prometheus text format (https://prometheus.io/docs/instrumenting/exposition_formats/):
 * per monitor its state, a latency histogram, uptime ratios and certificate days left; alert
 * deliveries per channel; the scheduler's lateness; whether the monitor itself is offline.
 * Monitor names appear as labels; targets, URLs and evidence never do.
 */
import type { CheckResult } from './check/run-check.js';
import type { MonitorSpec } from './model.js';
import type { MonitorService } from './service.js';

const BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class MonitorMetrics {
  private readonly latency = new Map<string, Histogram>();
  private readonly certDays = new Map<string, number>();

  observe(spec: MonitorSpec, result: CheckResult): void {
    const h = this.latency.get(spec.id) ?? { counts: BUCKETS_S.map(() => 0), sum: 0, count: 0 };
    const s = result.latencyMs / 1000;
    BUCKETS_S.forEach((b, i) => {
      if (s <= b) h.counts[i]++;
    });
    h.sum += s;
    h.count++;
    this.latency.set(spec.id, h);
    if (result.certificate) this.certDays.set(spec.id, result.certificate.daysLeft);
  }

  async render(service: MonitorService): Promise<string> {
    const live = service.engine.monitors();
    const specs = live.map((l) => l.spec);
    const [d1, d30] = await Promise.all([service.uptime.last(86_400_000, specs), service.uptime.last(30 * 86_400_000, specs)]);
    const out: string[] = [];
    const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    const labels = (spec: MonitorSpec, extra = '') => `monitor="${label(spec.name)}",kind="${spec.kind}"${extra}`;

    family('launch_ready_monitor_up', 'gauge', '1 when the monitor is up, 0 when down; absent before its first confirmed state.');
    for (const l of live) if (l.state === 'up' || l.state === 'down') out.push(`launch_ready_monitor_up{${labels(l.spec)}} ${l.state === 'up' ? 1 : 0}`);
    family('launch_ready_monitor_state', 'gauge', 'The monitor state as a label (up, down, pending, nodata, paused, error).');
    for (const l of live) out.push(`launch_ready_monitor_state{${labels(l.spec, `,state="${l.error ? 'error' : l.state}"`)}} 1`);

    family('launch_ready_check_latency_seconds', 'histogram', 'Duration of checks since the monitor started.');
    for (const spec of specs) {
      const h = this.latency.get(spec.id);
      if (!h) continue;
      BUCKETS_S.forEach((b, i) => out.push(`launch_ready_check_latency_seconds_bucket{${labels(spec, `,le="${b}"`)}} ${h.counts[i]}`));
      out.push(`launch_ready_check_latency_seconds_bucket{${labels(spec, ',le="+Inf"')}} ${h.count}`);
      out.push(`launch_ready_check_latency_seconds_sum{${labels(spec)}} ${h.sum.toFixed(6)}`, `launch_ready_check_latency_seconds_count{${labels(spec)}} ${h.count}`);
    }

    family('launch_ready_uptime_ratio', 'gauge', 'Time-weighted uptime (maintenance and no-data time excluded).');
    for (const spec of specs) {
      for (const [window, book] of [['24h', d1], ['30d', d30]] as const) {
        const ratio = book.get(spec.id)?.ratio;
        if (ratio !== undefined) out.push(`launch_ready_uptime_ratio{${labels(spec, `,window="${window}"`)}} ${ratio}`);
      }
    }

    family('launch_ready_certificate_days_left', 'gauge', 'Whole days until the certificate a TLS monitor saw expires.');
    for (const spec of specs) {
      const days = this.certDays.get(spec.id);
      if (days !== undefined) out.push(`launch_ready_certificate_days_left{${labels(spec)}} ${days}`);
    }

    family('launch_ready_alert_deliveries_total', 'counter', 'Alert delivery attempts per channel and outcome.');
    for (const [channel, c] of service.outbox.attempts) {
      out.push(`launch_ready_alert_deliveries_total{channel="${label(channel)}",outcome="delivered"} ${c.delivered}`);
      out.push(`launch_ready_alert_deliveries_total{channel="${label(channel)}",outcome="failed"} ${c.failed}`);
    }

    const stats = service.engine.scheduler.stats;
    family('launch_ready_checks_total', 'counter', 'Checks run since the monitor started.');
    out.push(`launch_ready_checks_total ${service.engine.checks}`);
    family('launch_ready_schedule_lateness_seconds', 'gauge', 'How late checks started against their due time.');
    out.push(`launch_ready_schedule_lateness_seconds{quantile="0.99"} ${stats.lateness.quantile(0.99) / 1000}`, `launch_ready_schedule_lateness_seconds{quantile="1"} ${stats.lateness.max / 1000}`);
    family('launch_ready_monitor_offline', 'gauge', '1 while the monitor itself cannot reach the network (down alerts suppressed).');
    out.push(`launch_ready_monitor_offline ${service.selfCheck.current && !service.selfCheck.current.online ? 1 : 0}`);
    return `${out.join('\n')}\n`;
  }
}
