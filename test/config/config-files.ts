/** Temporary config files for the config tests, and a reader for ConfigError's one-problem-per-line message. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/core/errors.js';
import { loadConfig } from '../../src/config/load.js';

export interface Located {
  line: number;
  column: number;
  message: string;
}

export class ConfigDir {
  private constructor(readonly path: string) {}

  static async create(): Promise<ConfigDir> {
    return new ConfigDir(await mkdtemp(join(tmpdir(), 'lr-config-')));
  }

  async write(name: string, text: string): Promise<string> {
    const file = join(this.path, name);
    await writeFile(file, text);
    return file;
  }

  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }

  /** Loads `text` and returns every problem reported, asserting the error's shape on the way. */
  async problems(text: string, name = 'launch-ready.yaml'): Promise<{ error: ConfigError; problems: Located[]; summary?: string }> {
    const file = await this.write(name, text);
    const error = await loadConfig(file).then(
      () => assert.fail('expected a ConfigError'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.code, 'LR_CONFIG_INVALID');
    assert.equal(error.file, file);
    const lines = error.message.split('\n');
    const summary = lines.at(-1)?.startsWith('… and ') ? lines.pop() : undefined;
    const problems = lines.map((line) => {
      const prefix = `${file}:`;
      assert.ok(line.startsWith(prefix), `every line names the file: ${line}`);
      const m = /^(\d+):(\d+): (.*)$/.exec(line.slice(prefix.length));
      assert.ok(m, `every line has line:column: ${line}`);
      return { line: Number(m[1]), column: Number(m[2]), message: m[3] };
    });
    assert.deepEqual([error.line, error.column], [problems[0].line, problems[0].column], 'the error carries the first position');
    return { error, problems, summary };
  }
}

/** The smallest valid config, to which a test adds the lines under test. */
export const MINIMAL = 'product: Acme\ndomain: acme.test\ncanonical: https://www.acme.test/\n';
