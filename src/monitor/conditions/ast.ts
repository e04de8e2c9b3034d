/** The parsed form of a condition; `text` is the source slice, used to explain a failure. */

export type Literal = string | number | boolean | null;

export type Operand =
  | { type: 'literal'; value: Literal; text: string }
  /** A value of the check: `status`, `header.content-type`, `json.order.id`, `cert.daysLeft`. */
  | { type: 'path'; root: string; segments: Array<string | number>; text: string }
  | { type: 'list'; items: Operand[]; text: string };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'not contains' | 'matches' | 'in';

export type Condition =
  | { type: 'and' | 'or'; left: Condition; right: Condition; text: string }
  | { type: 'not'; operand: Condition; text: string }
  | { type: 'compare'; op: CompareOp; left: Operand; right: Operand; text: string; pattern?: RegExp }
  | { type: 'exists'; operand: Operand; text: string }
  /** A bare value: true when it is true, a non-zero number or non-empty text (`connected`, `cert.valid`). */
  | { type: 'truthy'; operand: Operand; text: string };
