/** Writes a handover or runbook document: to stdout in one format, or every format into a folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { HandoverDocument } from './document.js';
import { printPdf } from './pdf.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export interface WriteOptions {
  /** Folder for NAME.md and NAME.html (and NAME.pdf with `pdf`); stdout when absent. */
  out?: string;
  format: 'md' | 'html';
  pdf: boolean;
  quiet: boolean;
}

/** Returns the files written. */
export async function writeDocument(doc: HandoverDocument, name: string, opts: WriteOptions): Promise<string[]> {
  const md = renderMarkdown(doc);
  const html = renderHtml(doc);
  if (!opts.out && !opts.pdf) {
    process.stdout.write(opts.format === 'html' ? html : md);
    return [];
  }
  const dir = resolve(opts.out ?? '.');
  await mkdir(dir, { recursive: true });
  const written = [join(dir, `${name}.md`), join(dir, `${name}.html`)];
  await writeFile(written[0], md);
  await writeFile(written[1], html);
  if (opts.pdf) {
    const pdf = join(dir, `${name}.pdf`);
    await printPdf(written[1], pdf);
    written.push(pdf);
  }
  if (!opts.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
  return written;
}
