/** The audit's chatbot stage: the collector on the demo world, then the chatbot checks on what it collected. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chatbotChecks } from '../../src/checks/chatbot/index.js';
import { createContext } from '../../src/collect/context.js';
import { planFromLoaded } from '../../src/config/plan.js';
import { runChecks } from '../../src/core/runner.js';
import { artifactsForSaving } from '../../src/core/saved-artifacts.js';
import { collectChatbot } from '../../src/eval/audit/collect.js';
import { worldTarget, type WorldTarget } from './world-target.js';

let world: WorldTarget;
before(async () => {
  world = await worldTarget();
});
after(() => world.close());

async function audit() {
  const plan = planFromLoaded(world.loaded, new Date());
  assert.ok(plan.stages?.chatbot, 'the plan carries the chatbot section');
  const ctx = createContext(plan, world.settings);
  try {
    const started = performance.now();
    const chatbot = await collectChatbot(ctx, plan.stages.chatbot);
    return { plan, chatbot, ms: performance.now() - started, run: runChecks(chatbotChecks, { plan, chatbot }) };
  } finally {
    await ctx.http.close();
  }
}

describe('audit chatbot stage', () => {
  it('fires every chatbot check on the flawed world, on the chat endpoint, within about two seconds', async (t) => {
    const { run, ms } = await audit();
    t.diagnostic(`chatbot stage took ${Math.round(ms)} ms`);
    assert.deepEqual(run.results.filter((r) => r.status !== 'fail'), []);
    assert.ok(run.findings.every((f) => f.target === 'https://api.acme.test/api/chat' && f.routeKind === 'chat'));
    assert.ok(ms < 4000, `${Math.round(ms)} ms`);
  });

  it('fires none on the fixed world', async () => {
    for (const f of world.world.faults.list()) if (f.on) world.world.setFault(f.name, false);
    try {
      const { run } = await audit();
      assert.deepEqual(run.findings, []);
      assert.ok(run.results.every((r) => r.status === 'pass'));
    } finally {
      for (const f of world.world.faults.list()) world.world.setFault(f.name, f.enabledByDefault);
    }
  });

  it('keeps secrets out of the plan it saves: the section is kept as written, ${ENV} unexpanded', () => {
    const plan = planFromLoaded({ ...world.loaded, config: { ...world.loaded.config, chatbot: { ...world.loaded.config.chatbot!, headers: { authorization: 'Bearer ${CHAT_TOKEN}' } } } }, new Date(), { CHAT_TOKEN: 'tok_live_0123456789abcdef0123' });
    const saved = JSON.stringify(artifactsForSaving({ plan }));
    assert.ok(!saved.includes('tok_live_0123456789abcdef0123'));
  });
});
