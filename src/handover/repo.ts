/**
 * What the repository itself tells the handover: platform files, the runtime dependencies in its
 * package manifest, and the variable names `.env.example` declares (names only, never values).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectFromRepo, type PlatformDetection } from './platform.js';

export interface RepoFacts {
  dir: string;
  platforms: PlatformDetection[];
  /** `name@range` of package.json dependencies (not devDependencies: they never reach production). */
  packages: string[];
  /** Variable names declared in .env.example. */
  envExample: string[];
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function repoFacts(dir: string): Promise<RepoFacts> {
  const [manifest, example] = await Promise.all([readText(join(dir, 'package.json')), readText(join(dir, '.env.example'))]);
  let packages: string[] = [];
  if (manifest) {
    try {
      const deps = (JSON.parse(manifest) as { dependencies?: Record<string, string> }).dependencies ?? {};
      packages = Object.entries(deps).map(([name, range]) => `${name}@${range}`);
    } catch {
      packages = [];
    }
  }
  const envExample = [...(example ?? '').matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]);
  return { dir, platforms: detectFromRepo(dir), packages, envExample: [...new Set(envExample)] };
}
