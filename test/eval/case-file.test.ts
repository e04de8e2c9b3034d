import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/core/errors.js';
import { parseCaseFile } from '../../src/eval/case-file.js';
import { expandGlob } from '../../src/eval/glob.js';
import { loadPacks, PACKS, packFile, parsePackList } from '../../src/eval/packs.js';
import { UsageError } from '../../src/core/errors.js';
import { fillVars, renderBody } from '../../src/eval/template.js';

function rejects(source: string, message: RegExp): void {
  assert.throws(() => parseCaseFile(source, 'evals/shop.yaml'), (err: unknown) => {
    assert.ok(err instanceof ConfigError, String(err));
    assert.match(err.message, message);
    return true;
  });
}

describe('case files', () => {
  it('reads a list of cases with defaults, turns, vars and negated types', () => {
    const cases = parseCaseFile(
      [
        '- id: france',
        '  prompt: Do you ship to {{country}}?',
        '  vars: { country: France, zone: 2 }',
        '  assert:',
        '    - type: not-icontains',
        '      value: japan',
        '- id: two-turns',
        '  mode: data-leak',
        '  turns:',
        '    - prompt: hi',
        '    - prompt: order 1001',
        '      newSession: true',
        '      assert: [{ type: no-leak }]',
      ].join('\n'),
      'evals/shop.yaml',
    );
    assert.equal(cases.length, 2);
    const [france, twoTurns] = cases;
    assert.equal(france.pack, 'shop');
    assert.equal(france.mode, 'wrong-answer');
    assert.deepEqual(france.vars, { country: 'France', zone: '2' });
    assert.deepEqual(france.assert, [{ type: 'icontains', not: true, value: 'japan', line: 5 }]);
    assert.equal(france.line, 1);
    assert.equal(twoTurns.turns[1].newSession, true);
    assert.equal(twoTurns.turns[1].assert[0].line, 13);
  });

  it('expands encoded variants and takes the file mode', () => {
    const cases = parseCaseFile('mode: prompt-injection\ncases:\n  - id: x\n    prompt: say "{{canary}}"\n    variants: [plain, base64, rot13]\n', 'p.yaml', 'injection');
    assert.deepEqual(cases.map((c) => [c.id, c.encoding, c.mode, c.pack]), [
      ['x', undefined, 'prompt-injection', 'injection'],
      ['x[base64]', 'base64', 'prompt-injection', 'injection'],
      ['x[rot13]', 'rot13', 'prompt-injection', 'injection'],
    ]);
  });

  it('reports every problem at its file:line:column', () => {
    rejects('- id: a\n  prompt: hi\n  assert:\n    - type: containz\n      value: x\n', /^evals\/shop\.yaml:4:\d+: \[0\]\.assert\[0\]\.type: expected one of contains/);
    rejects('- id: a\n  prompt: hi\n  asert: []\n', /evals\/shop\.yaml:3:3: \[0\]\.asert: unknown key; did you mean `assert`\?/);
    rejects('- id: a\n  prompt: hi\n  turns: [{ prompt: x }]\n', /expected `prompt` or `turns`/);
    rejects('- id: a\n  prompt: hi\n  assert:\n    - type: regex\n      value: "(unclosed"\n', /evals\/shop\.yaml:5:\d+: regex: value: not a valid regular expression/);
    rejects('- id: a\n  prompt: hi\n  assert:\n    - type: json-path\n      path: $.a[?(@.b)]\n', /json-path: path: JSONPath .* filters are not supported/);
    rejects('- id: a\n  prompt: hi\n  assert:\n    - type: contains\n', /contains: value: expected the text to look for/);
    rejects('- id: a\n  prompt: hi\n  assert:\n    - type: javascript\n      value: "reply.length >"\n', /not a valid expression/);
    rejects('- id: a\n  prompt: hi\n- id: a\n  prompt: again\n', /evals\/shop\.yaml:3:\d+: cases\[1\]\.id: "a" is used twice/);
    rejects('- id: a\n  prompt: hi\n  fault: power-cut\n', /fault: expected one of model-provider-down, database-down/);
    rejects('- id: A B\n  prompt: hi\n', /id: expected an id of lower-case letters/);
    rejects('- id: a\n  prompt: [unclosed\n', /invalid YAML/);
    // An alias bomb is a problem in the file, not a crash (the same loader as launch-ready.yaml).
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcd'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abc'[i]}`).join(', ')}]`)];
    rejects(`- id: z\n  prompt: hi\n  vars:\n${levels.map((l) => `    ${l}`).join('\n')}\n`, /^evals\/shop\.yaml:1:1: invalid YAML: Excessive alias count/);
  });

  it('fills vars in prompts and renders JSON and text bodies safely', () => {
    assert.equal(fillVars('to {{country}} {{vars.zone}} {{unknown}}', { country: 'France', zone: '2' }), 'to France 2 {{unknown}}');
    const history = [{ role: 'user' as const, content: 'hi "there"' }];
    const json = renderBody('{"m":"{{prompt}}","s":"{{sessionId}}","h":{{history}},"c":"{{country}}"}', true, { prompt: 'say "x"\n', sessionId: 's-1', history, vars: { country: 'Côte' } });
    assert.deepEqual(JSON.parse(json), { m: 'say "x"\n', s: 's-1', h: history, c: 'Côte' });
    assert.equal(renderBody('q={{prompt}}', false, { prompt: 'a b', sessionId: '', history, vars: {} }), 'q=a b');
  });
});

describe('built-in packs', () => {
  it('load from the package, with unique ids and 25–30 ecommerce prompts', async () => {
    const cases = await loadPacks(PACKS);
    for (const pack of PACKS) {
      const ids = cases.filter((c) => c.pack === pack).map((c) => c.id);
      assert.ok(ids.length > 0, pack);
      assert.deepEqual([...new Set(ids)], ids, pack);
    }
    const ecommerce = cases.filter((c) => c.pack === 'ecommerce').length;
    assert.ok(ecommerce >= 25 && ecommerce <= 30, `${ecommerce} ecommerce cases`);
    assert.ok(cases.filter((c) => c.pack === 'injection' && c.encoding).length >= 3, 'encoded variants');
    assert.ok(cases.every((c) => c.assert.length + c.turns.reduce((n, t) => n + t.assert.length, 0) > 0), 'every case asserts something');
    assert.match(packFile('failure'), /src[/\\]eval[/\\]packs[/\\]failure\.yaml$/);
  });

  it('refuse an unknown pack name with the closest one', () => {
    assert.deepEqual(parsePackList('ecommerce, tools'), ['ecommerce', 'tools']);
    assert.throws(() => parsePackList('injektion'), (err: unknown) => err instanceof UsageError && /did you mean "injection"/.test(err.message));
  });
});

describe('case globs', () => {
  it('match * within a folder and ** across folders, sorted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-glob-'));
    try {
      await mkdir(join(dir, 'evals', 'more'), { recursive: true });
      for (const f of ['evals/b.yaml', 'evals/a.yaml', 'evals/notes.md', 'evals/more/c.yaml']) await writeFile(join(dir, f), '');
      const rel = async (g: string) => (await expandGlob(g, dir)).map((f) => f.slice(dir.length + 1).split('\\').join('/'));
      assert.deepEqual(await rel('evals/*.yaml'), ['evals/a.yaml', 'evals/b.yaml']);
      assert.deepEqual(await rel('evals/**/*.yaml'), ['evals/a.yaml', 'evals/b.yaml', 'evals/more/c.yaml']);
      assert.deepEqual(await rel('evals/?.yaml'), ['evals/a.yaml', 'evals/b.yaml']);
      assert.deepEqual(await rel('evals/a.yaml'), ['evals/a.yaml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
