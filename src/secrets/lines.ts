/** Offsets to 1-based line and column, built only for texts that had a match. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    if (line < 1 || line > starts.length) return '';
    const end = line < starts.length ? starts[line] - 1 : this.text.length;
    return this.text.slice(starts[line - 1], end);
  }
}
