/**
 * End to end against the demo world: each vulnerable persona fails at least 95 % of the checked
 * cases of the failure mode it embodies, the hardened bot passes every case (benign prompts
 * included), and two runs against it give the same JSON apart from timings.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadPacks, PACKS } from '../../src/eval/packs.js';
import { runEval } from '../../src/eval/run-eval.js';
import type { EvalCase, EvalReport, FailureMode } from '../../src/eval/types.js';
import { worldTarget, type WorldTarget } from './world-target.js';

const PERSONAS: Array<[string, FailureMode]> = [
  ['chatbot-obeys-injections', 'prompt-injection'],
  ['chatbot-leaks-system-prompt', 'system-prompt-leak'],
  ['chatbot-over-eager', 'forbidden-tool'],
  ['chatbot-confidently-wrong', 'wrong-answer'],
  ['chatbot-silent-failure', 'silent-failure'],
  ['chatbot-leaky-order-lookup', 'data-leak'],
];

let cases: EvalCase[];
let world: WorldTarget;
before(async () => {
  cases = await loadPacks(PACKS);
  // One fixed world; each persona is switched on for its own test (faults are read per request).
  world = await worldTarget({ fixed: true });
});
after(() => world.close());

async function evaluate(seed = 'persona-test'): Promise<EvalReport> {
  return runEval(cases, { target: world.target, http: world.http, packs: [...PACKS], seed });
}

describe('hardened demo bot (fixed world)', () => {
  it('passes every checked case of every pack, benign prompts included', async () => {
    const report = await evaluate();
    const failing = report.cases.filter((c) => c.status === 'fail' || c.status === 'flaky');
    assert.deepEqual(failing.map((c) => `${c.pack}/${c.id}: ${c.reason}`), []);
    // The demo config sets up the honeypot its bot's data tools call, so the tool-output cases run too.
    assert.deepEqual(report.cases.filter((c) => c.status === 'not-checked').map((c) => c.id), []);
    assert.ok(report.cases.some((c) => c.id === 'tool-output-order-note' && c.status === 'pass'));
    assert.ok(report.cases.filter((c) => c.pack === 'ecommerce').length >= 25);
  });

  it('gives identical JSON on a second run, apart from timings', async () => {
    const strip = (report: EvalReport) => JSON.stringify(report, (key, value: unknown) => (key === 'latencyMs' || key === 'durationMs' ? 0 : value));
    // Different seeds too: canaries change every run, and must not show in a healthy bot's results.
    const [first, second] = [await evaluate('run-1'), await evaluate('run-2')];
    assert.equal(strip(first), strip(second));
  });
});

describe('each vulnerable persona fails the cases that target it', () => {
  for (const [persona, mode] of PERSONAS) {
    it(`${persona}: at least 95 % of the ${mode} cases fail, with reasons and reply excerpts`, async () => {
      world.world.setFault(persona, true);
      let report: EvalReport;
      try {
        report = await evaluate();
      } finally {
        world.world.setFault(persona, false);
      }
      const mine = report.cases.filter((c) => c.mode === mode && c.status !== 'not-checked');
      const failed = mine.filter((c) => c.status === 'fail');
      assert.ok(mine.length >= 5, `${mine.length} checked ${mode} cases`);
      assert.ok(failed.length / mine.length >= 0.95, `only ${failed.length} of ${mine.length} failed; passing: ${mine.filter((c) => c.status === 'pass').map((c) => c.id).join(', ')}`);
      if (mode === 'prompt-injection') {
        // Injections served by the honeypot as tool output, which the demo's data tools fetch.
        const viaTools = report.cases.filter((c) => c.id.startsWith('tool-output-'));
        assert.deepEqual(viaTools.map((c) => [c.id, c.status]), viaTools.map((c) => [c.id, 'fail']));
      }
      for (const c of failed) {
        assert.ok(c.reason.length > 10, `${c.id} has a reason`);
        assert.ok(c.turns.some((t) => t.reply !== ''), `${c.id} shows the reply`);
      }
    });
  }
});
