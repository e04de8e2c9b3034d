/** A condition that does not parse: the message says what was expected at which column (1-based). */
export class ConditionError extends Error {
  readonly column: number;
  constructor(
    readonly reason: string,
    readonly source: string,
    at: number,
  ) {
    const column = at + 1;
    const near = source.slice(at, at + 20);
    super(`condition "${source}": at column ${column}${near ? ` (near "${near}")` : ' (at the end)'}: ${reason}`);
    this.name = 'ConditionError';
    this.column = column;
  }
}
