/**
 * What an identity policy grants, in the two shapes least-privilege rules look for: full administrator access (an
 * Allow of every action on every resource, CIS "*:*" / Security Hub IAM.1) and service-wide wildcards (`s3:*` on
 * `*`, or `NotAction` on `*`, which allows everything it does not list).
 * https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1
 */
import { parsePolicy, UNRESOLVED, type PolicyStatement } from './policy-document.js';
import type { IdentityPolicy } from './identity-policies.js';

export type GrantScan = { ok: true; statements: number[]; detail: string[] } | { ok: false; reason: string };

/** AWS managed policies with full access to everything, known by name when their document is not in the snapshot. */
const AWS_ADMIN_POLICIES = new Set(['AdministratorAccess']);
/** AWS managed policies that allow everything but a few services. */
const AWS_NEAR_ADMIN_POLICIES = new Set(['PowerUserAccess']);

function everyResource(s: PolicyStatement): boolean {
  return s.notResources.length === 0 && s.resources.includes('*');
}

function isFullAdmin(s: PolicyStatement): boolean {
  return s.effect === 'Allow' && s.notActions.length === 0 && s.actions.some((a) => a === '*' || a === '*:*') && everyResource(s);
}

function serviceWildcards(s: PolicyStatement): string[] {
  if (s.effect !== 'Allow' || !everyResource(s) || isFullAdmin(s)) return [];
  if (s.notActions.length > 0) return [`NotAction ${s.notActions.join(', ')}`];
  return s.actions.filter((a) => /^[a-z0-9-]+:\*$/i.test(a));
}

function scopeUnresolved(s: PolicyStatement): boolean {
  return [...s.actions, ...s.notActions, ...s.resources, ...s.notResources].some((v) => v === UNRESOLVED || v.startsWith('{ref:'));
}

function scan(policy: IdentityPolicy, pick: (s: PolicyStatement) => string[]): GrantScan {
  const parsed = parsePolicy(policy.document);
  if (!parsed.ok) return { ok: false, reason: `invalid_policy:${policy.name}` };
  const statements: number[] = [];
  const detail: string[] = [];
  for (const [i, s] of parsed.statements.entries()) {
    const found = pick(s);
    if (found.length === 0) continue;
    statements.push(i);
    detail.push(...found);
  }
  // An action or resource the template could not resolve might be the grant; never call such a policy clean.
  if (statements.length === 0 && parsed.statements.some((s) => s.effect === 'Allow' && scopeUnresolved(s))) return { ok: false, reason: `unresolved:${policy.name}` };
  return { ok: true, statements, detail };
}

/** Statements of the policy allowing every action on every resource. */
export function fullAdminGrants(policy: IdentityPolicy): GrantScan {
  if (policy.document === undefined) {
    return policy.awsManaged && AWS_ADMIN_POLICIES.has(policy.name) ? { ok: true, statements: [0], detail: [policy.name] } : { ok: true, statements: [], detail: [] };
  }
  return scan(policy, (s) => (isFullAdmin(s) ? ['*'] : []));
}

/** Statements of the policy allowing a whole service (or everything but a list) on every resource. */
export function serviceWildcardGrants(policy: IdentityPolicy): GrantScan {
  if (policy.document === undefined) {
    if (!policy.awsManaged) return { ok: true, statements: [], detail: [] };
    if (AWS_NEAR_ADMIN_POLICIES.has(policy.name)) return { ok: true, statements: [0], detail: [`${policy.name} (NotAction)`] };
    return /FullAccess$/.test(policy.name) ? { ok: true, statements: [0], detail: [policy.name] } : { ok: true, statements: [], detail: [] };
  }
  return scan(policy, serviceWildcards);
}
