/**
 * Evaluates a parsed condition against one check's values. A value the check does not have
 * (`json.order.id` on a non-JSON body, `status` after a refused connection) is "missing": every
 * test on it fails except `!=` and `not contains`. The result lists each failing test with what
 * was actually seen, which is the evidence an alert shows.
 */
import type { Condition, Literal, Operand } from './ast.js';

/** Reads a value of the check; undefined when the check has no such value. */
export type ValueLookup = (root: string, segments: ReadonlyArray<string | number>) => unknown;

export interface Verdict {
  ok: boolean;
  /** The failing tests, each with the value seen: `status == 200 (status: 502)`. */
  failed: string[];
}

const SHOWN_CHARS = 80;

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

function valueOf(operand: Operand, lookup: ValueLookup): unknown {
  if (operand.type === 'literal') return operand.value;
  if (operand.type === 'list') return operand.items.map((i) => (i as { value: Literal }).value);
  return lookup(operand.root, operand.segments);
}

const NUMERIC = /^\s*-?\d+(?:\.\d+)?\s*$/;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/** JSON gives "1001" where a condition writes 1001 (and the reverse): compare those as numbers. */
function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    if (x !== undefined && y !== undefined) return x === y;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
  const text = typeof haystack === 'string' ? haystack : JSON.stringify(haystack);
  return text.includes(String(needle));
}

function compare(node: Extract<Condition, { type: 'compare' }>, left: unknown, right: unknown): boolean {
  if (left === undefined) return node.op === '!=' || node.op === 'not contains';
  switch (node.op) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case 'contains':
      return contains(left, right);
    case 'not contains':
      return !contains(left, right);
    case 'matches':
      return node.pattern!.test(typeof left === 'string' ? left : JSON.stringify(left));
    case 'in':
      return (right as unknown[]).some((item) => equal(left, item));
    default: {
      const x = asNumber(left);
      const y = asNumber(right);
      if (x === undefined || y === undefined) return false;
      return node.op === '<' ? x < y : node.op === '<=' ? x <= y : node.op === '>' ? x > y : x >= y;
    }
  }
}

function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0) || (typeof value === 'string' && value !== '');
}

/** What was seen, for each value of the check a test names. */
function seen(operands: Operand[], lookup: ValueLookup): string {
  return operands
    .filter((o): o is Extract<Operand, { type: 'path' }> => o.type === 'path')
    .map((o) => `${o.text}: ${show(lookup(o.root, o.segments))}`)
    .join(', ');
}

export function evaluate(node: Condition, lookup: ValueLookup): Verdict {
  switch (node.type) {
    case 'and': {
      const left = evaluate(node.left, lookup);
      if (!left.ok) return left;
      return evaluate(node.right, lookup);
    }
    case 'or': {
      const left = evaluate(node.left, lookup);
      if (left.ok) return left;
      const right = evaluate(node.right, lookup);
      return right.ok ? right : { ok: false, failed: [...left.failed, ...right.failed] };
    }
    case 'not': {
      const inner = evaluate(node.operand, lookup);
      return inner.ok ? { ok: false, failed: [`${node.text} (it holds)`] } : { ok: true, failed: [] };
    }
    case 'exists': {
      const ok = valueOf(node.operand, lookup) !== undefined;
      return ok ? { ok, failed: [] } : { ok, failed: [`${node.text} (${node.operand.text}: missing)`] };
    }
    case 'truthy': {
      const ok = truthy(valueOf(node.operand, lookup));
      return ok ? { ok, failed: [] } : { ok, failed: [`${node.text} (${seen([node.operand], lookup)})`] };
    }
    case 'compare': {
      const ok = compare(node, valueOf(node.left, lookup), valueOf(node.right, lookup));
      return ok ? { ok, failed: [] } : { ok, failed: [`${node.text} (${seen([node.left, node.right], lookup)})`] };
    }
  }
}
