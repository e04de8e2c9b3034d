/**
 * A monitor service for tests: a config written as YAML, a fresh database, a manual clock that
 * waits for checks and deliveries after every timer, stdout captured.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseConfig, type LoadedConfig } from '../../src/config/load.js';
import { MonitorService } from '../../src/monitor/service.js';
import type { SelfProbe } from '../../src/monitor/engine/self-check.js';
import { DEFAULT_NETWORK, type NetworkSettings } from '../../src/net/settings.js';
import { ManualClock } from './manual-clock.js';

export const BASE_CONFIG = `product: Test Shop
domain: acme.test
canonical: https://www.acme.test/
`;

export interface Harness {
  clock: ManualClock;
  service: MonitorService;
  dir: string;
  stdout: string[];
  /** Runs the clock for `ms` in steps of `step`. */
  run(ms: number, step?: number): Promise<void>;
  close(): Promise<void>;
}

export function loadedConfig(yaml: string, dir: string): LoadedConfig {
  const file = join(dir, 'launch-ready.yaml');
  return { file, dir, config: parseConfig(yaml, file) };
}

export const alwaysOnline: SelfProbe = async () => ({ online: true, reason: 'test' });

export async function startHarness(yaml: string, options: { env?: NodeJS.ProcessEnv; selfProbe?: SelfProbe; settings?: Partial<NetworkSettings>; start?: number } = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'lr-monitor-'));
  await writeFile(join(dir, 'launch-ready.yaml'), yaml);
  const clock = new ManualClock(options.start);
  const stdout: string[] = [];
  const service = await MonitorService.start({
    loaded: loadedConfig(yaml, dir),
    settings: { ...DEFAULT_NETWORK, userAgent: 'launch-ready-test', timeoutMs: 2000, ...options.settings },
    dataFile: join(dir, 'monitor.db'),
    clock,
    env: options.env ?? {},
    stdout: new Writable({
      write(chunk: Buffer, _enc, callback) {
        stdout.push(chunk.toString());
        callback();
      },
    }),
    selfProbe: options.selfProbe ?? alwaysOnline,
    dashboardUrl: 'http://127.0.0.1:4100/',
  });
  clock.settle = async () => {
    // A check may queue an alert, whose delivery may finish after the check: wait for both.
    for (let i = 0; i < 3; i++) await service.idle();
  };
  return {
    clock,
    service,
    dir,
    stdout,
    run: (ms, step = 1000) => clock.run(ms, step),
    close: async () => {
      await service.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
