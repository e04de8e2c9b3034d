/**
 * Recursive-descent parser of the condition language:
 *
 *   expression = and { "||" and }
 *   and        = unary { "&&" unary }
 *   unary      = "!" unary | "(" expression ")" | test
 *   test       = operand [ ("==" | "!=" | "<" | "<=" | ">" | ">=" | "contains" | "not" "contains") operand
 *                        | "matches" text | "in" list | "exists" ]
 *   operand    = number [unit] | text | true | false | null | list | name { "." field | "[" (text | number) "]" }
 *
 * Names are checked against the monitor kind's values (names.ts), so errors point at the typo.
 */
import { didYouMean } from '../../config/did-you-mean.js';
import type { CompareOp, Condition, Operand } from './ast.js';
import { ConditionError } from './error.js';
import { ALIASES, CONDITION_NAMES, type ConditionKind, type NameSpec } from './names.js';
import { tokenize, type Token } from './tokens.js';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const WORD_OPERATORS = ['contains', 'matches', 'in', 'exists', 'not'];
const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

class Parser {
  private i = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly names: Record<string, NameSpec>,
  ) {}

  private get token(): Token {
    return this.tokens[this.i];
  }

  private fail(reason: string, at = this.token.at): never {
    throw new ConditionError(reason, this.source, at);
  }

  private atEnd(): boolean {
    return this.token.kind === 'end';
  }

  private isOp(value: string): boolean {
    return this.token.kind === 'op' && this.token.value === value;
  }

  private isWord(value: string): boolean {
    return this.token.kind === 'name' && this.token.value === value;
  }

  private expectOp(value: string, what: string): void {
    if (!this.isOp(value)) this.fail(`expected ${what}, found ${this.describe(this.token)}`);
    this.i++;
  }

  private describe(t: Token): string {
    return t.kind === 'end' ? 'the end of the condition' : `"${t.text}"`;
  }

  private text(from: number): string {
    return this.source.slice(from, this.token.at).trim();
  }

  parse(): Condition {
    if (this.token.kind === 'end') this.fail('the condition is empty; write a test such as status == 200');
    const node = this.expression();
    if (!this.atEnd()) {
      const word = this.token.kind === 'name' ? this.token.value : '';
      const hint = word === 'and' ? '&&' : word === 'or' ? '||' : word ? didYouMean(word, WORD_OPERATORS) : undefined;
      this.fail(`expected && or || between tests, found ${this.describe(this.token)}${hint ? `; did you mean "${hint}"?` : ''}`);
    }
    return node;
  }

  private expression(): Condition {
    const from = this.token.at;
    let left = this.and();
    while (this.isOp('||')) {
      this.i++;
      const right = this.and();
      left = { type: 'or', left, right, text: this.text(from) };
    }
    return left;
  }

  private and(): Condition {
    const from = this.token.at;
    let left = this.unary();
    while (this.isOp('&&')) {
      this.i++;
      const right = this.unary();
      left = { type: 'and', left, right, text: this.text(from) };
    }
    return left;
  }

  private unary(): Condition {
    const from = this.token.at;
    if (this.isOp('!')) {
      this.i++;
      const operand = this.unary();
      return { type: 'not', operand, text: this.text(from) };
    }
    if (this.isOp('(')) {
      this.i++;
      const inner = this.expression();
      this.expectOp(')', 'a closing ")"');
      return inner;
    }
    return this.test();
  }

  private test(): Condition {
    const from = this.token.at;
    const left = this.operand();
    const t = this.token;
    if (t.kind === 'op' && COMPARISONS.has(t.value)) {
      this.i++;
      const right = this.operand();
      this.refuseConstant(left, right, from);
      return { type: 'compare', op: t.value as CompareOp, left, right, text: this.text(from) };
    }
    if (t.kind === 'name' && t.value === 'contains') {
      this.i++;
      return { type: 'compare', op: 'contains', left, right: this.operand(), text: this.text(from) };
    }
    if (t.kind === 'name' && t.value === 'not') {
      this.i++;
      if (!this.isWord('contains')) this.fail(`expected "contains" after "not" (write !(…) to negate a test), found ${this.describe(this.token)}`);
      this.i++;
      return { type: 'compare', op: 'not contains', left, right: this.operand(), text: this.text(from) };
    }
    if (t.kind === 'name' && t.value === 'matches') {
      this.i++;
      const at = this.token.at;
      const right = this.operand();
      if (right.type !== 'literal' || typeof right.value !== 'string') this.fail('expected a regular expression in quotes after "matches", e.g. body matches "order [0-9]+"', at);
      let pattern: RegExp;
      try {
        pattern = new RegExp(right.value);
      } catch (err) {
        this.fail(`invalid regular expression: ${(err as Error).message}`, at);
      }
      return { type: 'compare', op: 'matches', left, right, pattern, text: this.text(from) };
    }
    if (t.kind === 'name' && t.value === 'in') {
      this.i++;
      const at = this.token.at;
      const right = this.operand();
      if (right.type !== 'list') this.fail('expected a list after "in", e.g. status in [200, 204]', at);
      return { type: 'compare', op: 'in', left, right, text: this.text(from) };
    }
    if (t.kind === 'name' && t.value === 'exists') {
      this.i++;
      if (left.type !== 'path') this.fail('"exists" applies to a value of the check, such as json.order.id', from);
      return { type: 'exists', operand: left, text: this.text(from) };
    }
    if (t.kind === 'name') {
      const hint = didYouMean(t.value, WORD_OPERATORS);
      this.fail(`expected an operator (==, !=, <, <=, >, >=, contains, not contains, matches, in, exists) or && / ||, found ${this.describe(t)}${hint ? `; did you mean "${hint}"?` : ''}`);
    }
    if (t.kind === 'number' || t.kind === 'string') this.fail(`expected an operator such as == before ${this.describe(t)}`);
    if (left.type !== 'path') this.fail(`a constant alone is not a test; compare a value of the check with it, e.g. status == ${left.text}`, from);
    return { type: 'truthy', operand: left, text: this.text(from) };
  }

  /** `200 == 200` is always true or always false: certainly a mistake. */
  private refuseConstant(left: Operand, right: Operand, at: number): void {
    if (left.type !== 'path' && right.type !== 'path') this.fail('both sides are constants; one side must be a value of the check, such as status', at);
  }

  private operand(): Operand {
    const t = this.token;
    const from = t.at;
    if (t.kind === 'number' || t.kind === 'string') {
      this.i++;
      return { type: 'literal', value: t.value, text: t.text };
    }
    if (this.isOp('[')) {
      this.i++;
      const items: Operand[] = [];
      while (!this.isOp(']')) {
        const item = this.operand();
        if (item.type !== 'literal') this.fail('a list holds constants only, e.g. [200, 204]', item.type === 'path' ? from : undefined);
        items.push(item);
        if (this.isOp(',')) this.i++;
        else if (!this.isOp(']')) this.fail(`expected "," or "]" in the list, found ${this.describe(this.token)}`);
      }
      this.i++;
      if (items.length === 0) this.fail('the list is empty', from);
      return { type: 'list', items, text: this.text(from) };
    }
    if (t.kind === 'name' && t.value in KEYWORDS) {
      this.i++;
      return { type: 'literal', value: KEYWORDS[t.value], text: t.text };
    }
    if (t.kind === 'name' || this.isOp('$')) return this.path();
    return this.fail(`expected a value (a name such as status, a number, "text" or a list), found ${this.describe(t)}`);
  }

  private path(): Operand {
    const t = this.token;
    const from = t.at;
    const written = String(t.value);
    const root = ALIASES[written] ?? written;
    const spec = this.names[root];
    if (!spec) {
      const known = Object.keys(this.names);
      const hint = didYouMean(written, [...known, ...WORD_OPERATORS]);
      this.fail(`unknown name "${written}"${hint ? `; did you mean "${hint}"?` : ''} (this monitor kind has: ${known.join(', ')})`);
    }
    this.i++;
    const segments: Array<string | number> = [];
    for (;;) {
      if (this.isOp('.')) {
        this.i++;
        const seg = this.token;
        if (seg.kind === 'name') segments.push(seg.value);
        else if (seg.kind === 'number' && Number.isInteger(seg.value) && /^\d+$/.test(seg.text)) segments.push(seg.value);
        else this.fail(`expected a field name after "."`);
        this.i++;
      } else if (this.isOp('[')) {
        this.i++;
        const seg = this.token;
        if (seg.kind !== 'string' && !(seg.kind === 'number' && Number.isInteger(seg.value))) this.fail('expected "name" or an index inside [ ]');
        segments.push(seg.value);
        this.i++;
        this.expectOp(']', 'a closing "]"');
      } else break;
    }
    if (spec.segments === 'none' && segments.length > 0) this.fail(`"${written}" has no fields`, from);
    if (spec.segments === 'path' && segments.length === 0) this.fail(`"${written}" needs a field, e.g. ${written}.name`, from);
    if (Array.isArray(spec.segments)) {
      const fields = spec.segments as readonly string[];
      const field = segments[0];
      if (segments.length !== 1 || typeof field !== 'string' || !fields.includes(field)) {
        const hint = typeof field === 'string' ? didYouMean(field, fields) : undefined;
        this.fail(`"${written}" has the fields ${fields.join(', ')}${hint ? `; did you mean "${written}.${hint}"?` : ''}`, from);
      }
    }
    return { type: 'path', root, segments, text: this.text(from) };
  }
}

/** Parses a condition for a monitor kind; throws ConditionError with the column of the problem. */
export function parseCondition(source: string, kind: ConditionKind): Condition {
  return new Parser(source, tokenize(source), CONDITION_NAMES[kind]).parse();
}
