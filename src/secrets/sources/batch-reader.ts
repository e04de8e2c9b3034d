/**
 * Parses `git cat-file --batch` output as it streams: `<sha> <type> <size>\n<content>\n` per object,
 * `<sha> missing\n` for an absent one. Contents are handed over whole, one at a time, without
 * concatenating the stream into one buffer.
 */
export interface BatchObject {
  sha: string;
  type: string;
  content: Buffer;
}

export class BatchReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private header: { sha: string; type: string; size: number } | undefined;

  constructor(private readonly onObject: (o: BatchObject) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (!this.header) {
        const line = this.takeLine();
        if (line === undefined) return;
        const [sha, type, size] = line.split(' ');
        if (type === 'missing' || size === undefined) continue;
        this.header = { sha, type, size: Number(size) };
      }
      // The content is followed by one newline.
      if (this.buffered < this.header.size + 1) return;
      const content = this.take(this.header.size + 1).subarray(0, this.header.size);
      const { sha, type } = this.header;
      this.header = undefined;
      this.onObject({ sha, type, content });
    }
  }

  private takeLine(): string | undefined {
    let offset = 0;
    for (const c of this.chunks) {
      const nl = c.indexOf(10);
      if (nl !== -1) return this.take(offset + nl + 1).toString('utf8', 0, offset + nl);
      offset += c.length;
    }
    return undefined;
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0];
        const need = n - filled;
        if (c.length <= need) {
          c.copy(out, filled);
          filled += c.length;
          this.chunks.shift();
        } else {
          c.copy(out, filled, 0, need);
          this.chunks[0] = c.subarray(need);
          filled += need;
        }
      }
    }
    this.buffered -= n;
    return out;
  }
}
