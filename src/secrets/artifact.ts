/**
 * The secrets stage's artifacts: serialisable, saved and replayed like every other artifact, and
 * free of secrets (matches carry a redacted form and a short hash only; bodies are never kept).
 */
import type { SecretMatch } from './types.js';

export type FrontendDocumentKind = 'page' | 'script' | 'stylesheet' | 'sourcemap' | 'manifest';

export interface FrontendDocument {
  url: string;
  kind: FrontendDocumentKind;
  status?: number;
  bytes: number;
  /** Cut at the body cap: the end of the document was not scanned. */
  truncated: boolean;
  error?: string;
  /** The page or script that led here. */
  referrer?: string;
  /** Source maps: named by a `sourceMappingURL` comment, a `SourceMap` header, found at `<script>.map`, or inline in the script. */
  via?: 'comment' | 'header' | 'guess' | 'inline';
  /** Source maps: original files listed, and how many carry their full text (`sourcesContent`). */
  sources?: number;
  sourcesWithContent?: number;
}

/** What a well-known leak path is: each category has its own finding. */
export type LeakCategory = 'env-file' | 'git' | 'frontend-config' | 'sensitive-file';

export interface LeakProbe {
  url: string;
  path: string;
  category: LeakCategory;
  status?: number;
  /**
   * `exposed`: a success whose content has the file's signature and differs from what a random
   * path returns. `soft-404`: a success that is the site's catch-all page. `absent`: anything else.
   */
  verdict: 'exposed' | 'absent' | 'soft-404' | 'error';
  /** What was recognised (`6 variables: DATABASE_URL, STRIPE_SECRET_KEY, …`); never the values. */
  evidence?: string;
  bytes: number;
  error?: string;
}

export interface FrontendSecretScan {
  /** Pages the crawl started from. */
  startUrls: string[];
  /** Origins probed for leak paths. */
  origins: string[];
  documents: FrontendDocument[];
  leakPaths: LeakProbe[];
  matches: SecretMatch[];
  suppressed: Suppressed;
  /** Limits the crawl reached (`pages: 20`), so a reader knows the scan stopped short. */
  capped: string[];
}

export interface RepoRootScan {
  /** The path as given (`.`, `../shop`); locations are relative to it. */
  root: string;
  git: boolean;
  files: number;
  bytes: number;
  skipped: { vendored: number; binary: number; tooLarge: number; unreadable: number };
}

/** Suppressed matches, counted so a report can say how many were set aside and why. */
export interface Suppressed {
  inline: number;
  ignoreFile: number;
  baseline: number;
}

export interface RepoSecretScan {
  roots: RepoRootScan[];
  matches: SecretMatch[];
  suppressed: Suppressed;
}

export interface HistorySecretScan {
  /** The repository's top folder, as given or found from the scanned path. */
  repository: string;
  commits: number;
  blobs: number;
  bytes: number;
  matches: SecretMatch[];
  suppressed: Suppressed;
}
