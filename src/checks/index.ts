/** The registry of audit checks. Each stage folder exports its checks from its own index. */
import type { AnyCheck } from '../core/check.js';

export const checks: readonly AnyCheck[] = [];
