/** A demo world started in-process with its config, CA and support files written to a temp folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startWorld, type World, type WorldOptions } from '../../src/demo/world.js';

export interface WorldDir {
  world: World;
  dir: string;
  config: string;
  close(): Promise<void>;
}

/**
 * `withoutLatency`: the config without the latency benches and the hang probe, which take seconds.
 * The rest of the section stays: without its short history plan the audit would grow conversations
 * to the default 50 turns.
 */
export async function worldDir(options: WorldOptions = {}, opts: { withoutLatency?: boolean } = {}): Promise<WorldDir> {
  const world = await startWorld(options);
  const dir = await mkdtemp(join(tmpdir(), 'lr-world-'));
  await writeFile(join(dir, 'ca.pem'), world.caPem);
  for (const [name, text] of Object.entries(world.supportFiles())) await writeFile(join(dir, name), text);
  const file = join(dir, 'launch-ready.yaml');
  const yaml = world.configYaml('./ca.pem');
  const parsed = parse(yaml) as { latency?: { targets?: Array<Record<string, unknown>>; hangHook?: unknown } };
  // A target without a budget is not benched.
  for (const target of parsed.latency?.targets ?? []) delete target.budget;
  delete parsed.latency?.hangHook;
  await writeFile(file, opts.withoutLatency ? stringify(parsed, { lineWidth: 0 }) : yaml);
  return {
    world,
    dir,
    config: file,
    close: async () => {
      await world.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
