/**
 * The environment inventory: every variable the code reads and every place one is defined, per
 * environment. Serialisable and value-free: a definition keeps a short hash (to compare
 * environments) and, for a secret-looking value, its redacted form.
 */

/** Where a definition applies. `staging` covers staging and preview deployments. */
export type EnvironmentName = 'local' | 'staging' | 'production' | 'ci';

export const ENVIRONMENTS: readonly EnvironmentName[] = ['local', 'staging', 'production', 'ci'];

export type DefinitionKind = 'dotenv' | 'example' | 'vercel' | 'netlify' | 'fly' | 'render' | 'docker-compose' | 'github-workflow';

export interface EnvSourceFile {
  /** Relative to the inventory root, with `/`. */
  file: string;
  kind: DefinitionKind;
  /** Environments it feeds; empty for an example file, which only declares. */
  environments: EnvironmentName[];
  /** Tracked by git (undefined outside a git work tree). */
  tracked?: boolean;
  variables: number;
}

export interface EnvRead {
  file: string;
  line: number;
  column: number;
  /** How it is read: `process.env`, `import.meta.env`, `os.environ`, `ENV[]`, `${VAR}`… */
  syntax: string;
}

export interface EnvDefinition {
  file: string;
  line: number;
  kind: DefinitionKind;
  /** The environment it sets, or `example` for a declaration in `.env.example`. */
  environment: EnvironmentName | 'example';
  empty: boolean;
  /** The value names a platform secret or another variable (`${{ secrets.X }}`, `${X}`, `@x`) instead of holding one. */
  reference: boolean;
  /** First 12 hex of SHA-256 of a literal, non-empty value: equal hashes are equal values. */
  valueHash?: string;
  /** What a secret-looking value looks like (a rule's title, or "high-entropy value"); unset for ordinary values. */
  secretLike?: string;
  /** The value redacted (prefix, length, hash), only when it looks like a secret. */
  redacted?: string;
}

export interface EnvVariable {
  name: string;
  /** `NEXT_PUBLIC_`, `VITE_`…: the build inlines it into the browser bundle. */
  publicPrefix?: string;
  /** The first reads (at most 10); `readCount` counts them all. */
  reads: EnvRead[];
  readCount: number;
  definitions: EnvDefinition[];
}

export interface EnvInventory {
  root: string;
  git: boolean;
  /** Code files searched for reads. */
  filesScanned: number;
  sources: EnvSourceFile[];
  variables: EnvVariable[];
}
