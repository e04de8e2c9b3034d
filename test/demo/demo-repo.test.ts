import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoRepo } from '../../src/demo/demo-repo.js';
import { FaultState } from '../../src/demo/faults.js';
import { makeDemoKeys } from '../../src/demo/leaks.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

describe('the demo repository', () => {
  it('has real, dated commits that carry the repository faults, and none of them when fixed', async () => {
    const keys = makeDemoKeys();
    const [flawed, fixed] = await Promise.all([createDemoRepo(new FaultState(), keys), createDemoRepo(new FaultState({ fixed: true }), keys)]);
    try {
      assert.deepEqual(git(flawed.dir, 'log', '--format=%an %aI %s').trim().split('\n').reverse(), [
        'Dana Founder 2026-09-14T10:12:00+01:00 Start the Acme shop: Next.js, Postgres, Stripe, Firebase sign-in',
        'Sam Engineer 2026-10-02T16:40:00+01:00 Add the support assistant',
        'Sam Engineer 2026-10-03T09:05:00+01:00 Read the OpenAI key from the environment',
        'Dana Founder 2026-11-18T18:22:00+01:00 Add the production settings for the deploy',
      ]);
      assert.ok(git(flawed.dir, 'log', '-p').includes(keys.openaiEarlier), 'the pasted key is in the history');
      const assistant = git(flawed.dir, 'show', 'HEAD:src/components/assistant.ts');
      assert.match(assistant, /process\.env\.NEXT_PUBLIC_OPENAI_API_KEY/);
      assert.ok(!assistant.includes(keys.openaiEarlier), 'and no longer in the code');
      assert.match(git(flawed.dir, 'ls-files', '.env'), /^\.env$/m);
      assert.ok(existsSync(join(flawed.dir, '.env.local')));

      assert.equal(git(fixed.dir, 'log', '--format=%s').trim().split('\n').length, 2);
      assert.equal(git(fixed.dir, 'log', '--all', '-p', '-G', 'sk-|sk_live_|postgres://'), '');
      assert.equal(git(fixed.dir, 'ls-files', '.env'), '');
      assert.match(git(fixed.dir, 'show', 'HEAD:src/app/api/assistant/route.ts'), /process\.env\.OPENAI_API_KEY/);
    } finally {
      await Promise.all([flawed.close(), fixed.close()]);
    }
    assert.equal(existsSync(flawed.dir) || existsSync(fixed.dir), false, 'close() removes the folders');
  });

  it("removes the folders of worlds that were killed, never a running process's", async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const orphan = join(tmpdir(), `launch-ready-demo-repo-${dead}-test01`);
    const mine = join(tmpdir(), `launch-ready-demo-repo-${process.pid}-test02`);
    mkdirSync(orphan, { recursive: true });
    mkdirSync(mine, { recursive: true });
    const repo = await createDemoRepo(new FaultState({ fixed: true }), makeDemoKeys());
    try {
      assert.equal(existsSync(orphan), false);
      assert.equal(existsSync(mine), true);
    } finally {
      await repo.close();
      rmSync(mine, { recursive: true, force: true });
    }
  });
});
