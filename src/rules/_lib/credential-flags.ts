/**
 * The collectors never store a secret: they keep the names of environment variables and a "looks like a credential"
 * flag (docs/resource-model.md). These helpers read those flags for the IAM-009 rules.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { isRecord, stringArray } from './values.js';

/** At most `max` names, then "and N more": messages stay short whatever the account holds. */
export function nameList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** Whether a value holds any user data / variables at all (an empty object or list is none). */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** Reads a string-list flag (`EnvironmentFlags/LooksLikeCredential`); undefined when it was not written. */
export function flaggedNames(ctx: RuleContext, resource: Resource, pointer: string): string[] | undefined {
  return stringArray(ctx.get(resource, pointer));
}
