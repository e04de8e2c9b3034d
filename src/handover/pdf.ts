/**
 * PDF through a headless Chromium already on the machine (Debian's `chromium` package): launch-ready
 * never downloads a browser. The HTML has no script and no remote load, so printing it needs no
 * network; Chromium's own background traffic is switched off too.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { UsageError } from '../core/errors.js';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The headless flags the tests use too: no sandbox (root in CI), no GPU, no background network, no first-run UI. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** `LAUNCH_READY_CHROMIUM` when set (even to a missing path: that is how to say "none"), else the first Chromium installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.LAUNCH_READY_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((c) => existsSync(c));
}

export async function printPdf(htmlFile: string, pdfFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const chromium = findChromium(env);
  if (!chromium) {
    throw new UsageError(
      'LR_NO_CHROMIUM',
      `--pdf needs Chromium and none was found (${env.LAUNCH_READY_CHROMIUM || CANDIDATES.join(', ')}). Install it (Debian/Ubuntu: \`apt-get install chromium\`) or point LAUNCH_READY_CHROMIUM at one; meanwhile open ${htmlFile} in a browser and print it.`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'lr-chromium-'));
  try {
    await run(chromium, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href], { timeout: 60_000 });
    if ((await stat(pdfFile)).size === 0) throw new Error('empty PDF');
  } catch (err) {
    throw new UsageError('LR_PDF_FAILED', `Chromium (${chromium}) could not print ${htmlFile}: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
