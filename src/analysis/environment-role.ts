/** What a host or a self-reported environment name is for: production, staging or preview. */
import type { AuditPlan, EnvironmentSpec } from '../core/plan.js';
import { environmentOf } from '../core/plan.js';

export type EnvironmentRole = EnvironmentSpec['role'];

/** The role of a host: its environment's role, by host list first, then by the name it was planned under. */
export function hostRole(plan: AuditPlan, host: string, environment?: string): EnvironmentRole | undefined {
  const env = environmentOf(plan, host) ?? plan.environments.find((e) => e.name === environment);
  if (env) return env.role;
  return environment === 'production' || environment === 'staging' || environment === 'preview' ? environment : undefined;
}

/**
 * The role behind a name a deployment reports about itself (`staging`, `prod`, `preview-42`):
 * a configured environment or recognise value first, then the conventional names. Undefined when unknown.
 */
export function reportedRole(plan: AuditPlan, name: string): EnvironmentRole | undefined {
  const n = name.trim().toLowerCase();
  const env = plan.environments.find((e) => e.name.toLowerCase() === n || e.recognise?.value?.toLowerCase() === n);
  if (env) return env.role;
  if (/^(prod|production|live)$/.test(n)) return 'production';
  if (/preview|^pr-?\d+$/.test(n)) return 'preview';
  if (/stag|^dev|development|^test|^qa$|^uat$|sandbox|^local/.test(n)) return 'staging';
  return undefined;
}
