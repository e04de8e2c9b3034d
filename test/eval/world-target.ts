/** A demo world with its config written to a temp folder, and the eval's target and HTTP client for it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { networkSettings } from '../../src/cli/network-options.js';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import { networkFromConfig } from '../../src/config/plan.js';
import { startWorld, type World, type WorldOptions } from '../../src/demo/world.js';
import { chatTargetFromConfig, type ChatTarget } from '../../src/eval/target.js';
import { DnsClient } from '../../src/net/dns-client.js';
import { HttpClient } from '../../src/net/http-client.js';
import type { NetworkSettings } from '../../src/net/settings.js';

export interface WorldTarget {
  world: World;
  dir: string;
  loaded: LoadedConfig;
  settings: NetworkSettings;
  target: ChatTarget;
  http: HttpClient;
  close(): Promise<void>;
}

export async function worldTarget(options: WorldOptions = {}): Promise<WorldTarget> {
  const world = await startWorld(options);
  const dir = await mkdtemp(join(tmpdir(), 'lr-eval-'));
  await writeFile(join(dir, 'ca.pem'), world.caPem);
  for (const [name, text] of Object.entries(world.supportFiles())) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'launch-ready.yaml'), world.configYaml('./ca.pem'));
  const loaded = await loadConfig(join(dir, 'launch-ready.yaml'));
  const settings = networkSettings({}, networkFromConfig(loaded));
  const target = await chatTargetFromConfig(loaded, {});
  const http = new HttpClient(settings, new DnsClient(settings));
  return {
    world,
    dir,
    loaded,
    settings,
    target,
    http,
    close: async () => {
      await http.close();
      await world.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
