/** The secrets stage's checks (issue 3): secrets in the frontend, repository and history, served leak files, the env inventory. */
import type { AnyCheck } from '../../core/check.js';
import envFileCommitted from '../env/file-committed.js';
import envPublicSecret from '../env/public-secret.js';
import envSharedAcrossEnvironments from '../env/shared-across-environments.js';
import envUndeclared from '../env/undeclared.js';
import envUnused from '../env/unused.js';
import exposureEnvFile from '../exposure/env-file.js';
import exposureGit from '../exposure/git.js';
import exposureSensitiveFile from '../exposure/sensitive-file.js';
import exposureSourcemap from '../exposure/sourcemap.js';
import secretInFrontend from './in-frontend.js';
import secretInHistory from './in-history.js';
import secretInRepo from './in-repo.js';
import secretInSourcemap from './in-sourcemap.js';

export const secretsStageChecks: readonly AnyCheck[] = [
  secretInFrontend,
  secretInSourcemap,
  exposureEnvFile,
  exposureGit,
  exposureSourcemap,
  exposureSensitiveFile,
  secretInRepo,
  secretInHistory,
  envPublicSecret,
  envFileCommitted,
  envSharedAcrossEnvironments,
  envUndeclared,
  envUnused,
];
