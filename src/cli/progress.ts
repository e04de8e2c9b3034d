import type { Progress } from '../collect/context.js';

/**
 * A single status line on stderr ("[12] app.acme.test · tls"), redrawn in place at most every 50 ms.
 * Silent when quiet or when stderr is not a terminal, so logs and pipes stay clean.
 */
export function stderrProgress(opts: { quiet: boolean; label: string }): Progress {
  const stream = process.stderr;
  if (opts.quiet || !stream.isTTY) return { step: () => undefined, done: () => undefined };
  let steps = 0;
  let last = 0;
  return {
    step(target, phase) {
      steps++;
      const now = Date.now();
      if (now - last < 50) return;
      last = now;
      const line = `${opts.label} [${steps}] ${target} · ${phase}`;
      stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 80) - 1)}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
