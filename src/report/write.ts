/** One entry point for every report format, and `--out DIR` writing all the file formats at once. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckMeta } from '../core/check.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';
import type { Report } from './types.js';

export type ReportFormat = 'terminal' | 'md' | 'html' | 'json' | 'sarif';

export interface RenderOptions {
  /** Terminal only: ANSI colours. Off unless asked, so output is deterministic. */
  color?: boolean;
  /** Terminal only: columns to wrap to. */
  width?: number;
  /** SARIF only: the registered checks, for rule descriptions. */
  rules?: readonly CheckMeta[];
}

export function renderReport(report: Report, format: ReportFormat, opts: RenderOptions = {}): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(report, { color: opts.color ?? false, width: opts.width });
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, opts.rules ?? []);
  }
}

/** The files `--out DIR` writes, by format. */
export const REPORT_FILES = { md: 'report.md', html: 'report.html', json: 'report.json', sarif: 'report.sarif' } as const;

/**
 * Writes report.md, report.html, report.json and report.sarif into `dir` (created if missing),
 * replacing only those four files; anything else in the folder is left alone. Returns the paths written.
 */
export async function writeReportDir(report: Report, dir: string, rules: readonly CheckMeta[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [format, name] of Object.entries(REPORT_FILES) as Array<[keyof typeof REPORT_FILES, string]>) {
    const path = join(dir, name);
    await writeFile(path, renderReport(report, format, { rules }), 'utf8');
    written.push(path);
  }
  return written;
}
