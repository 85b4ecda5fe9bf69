/**
 * The grants no least-privilege policy has, for judging the roles and users a template creates: full administrator
 * access ("*:*", AdministratorAccess), PowerUserAccess (everything but IAM and Organizations), and wildcards that
 * reach IAM or STS write actions (`iam:*`, `iam:Put*`, `sts:*`, an Allow with NotAction), with which an identity can
 * give itself or another principal more access. Read-only AWS managed policies (ReadOnlyAccess, SecurityAudit,
 * ViewOnlyAccess) and scoped actions are not flagged.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { identityPolicies, type IdentityPolicy } from './identity-policies.js';
import { fullAdminGrants } from './policy-grants.js';
import { parsePolicy, statementCoversAction, UNRESOLVED, type PolicyStatement } from './policy-document.js';

export interface ExcessiveGrant {
  kind: 'full_admin' | 'power_user' | 'iam_write';
  /** "policy AdministratorAccess", "inline policy vendor-read". */
  policy: string;
  /** What was granted: `*`, `iam:*`, `NotAction ec2:*` … */
  detail: string;
  path: string;
}

export type PrivilegeScan = { ok: true; grants: ExcessiveGrant[] } | { ok: false; reason: string; path: string };

/** IAM and STS actions that let an identity grant access, create credentials or become another principal. */
const ESCALATING_ACTIONS = [
  'iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:AddUserToGroup',
  'iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:AttachRolePolicy', 'iam:PutUserPolicy', 'iam:PutGroupPolicy',
  'iam:PutRolePolicy', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:CreateRole', 'iam:UpdateAssumeRolePolicy',
  'iam:PassRole', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary', 'sts:AssumeRole',
];
const POWER_USER = new Set(['PowerUserAccess']);
const IAM_FULL = new Set(['IAMFullAccess']);

function label(policy: IdentityPolicy): string {
  // A policy resource without a name is known by its uid; its logical id or address after `#` reads better.
  const name = /^(cfn|tf):/.test(policy.name) ? policy.name.slice(policy.name.indexOf('#') + 1) : policy.name;
  return `${policy.kind === 'inline' ? 'inline policy' : 'policy'} ${name}`;
}

/** Wildcard action patterns (or a NotAction list) of an Allow statement that reach IAM/STS write actions. */
function escalatingWildcards(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow') return [];
  if (statement.notActions.length > 0) return ESCALATING_ACTIONS.some((a) => statementCoversAction(statement, a)) ? [`NotAction ${statement.notActions.join(', ')}`] : [];
  return statement.actions.filter((pattern) => /[*?]/.test(pattern) && pattern !== '*' && pattern !== '*:*' && ESCALATING_ACTIONS.some((a) => statementCoversAction({ ...statement, actions: [pattern] }, a)));
}

function scopeUnresolved(statement: PolicyStatement): boolean {
  return [...statement.actions, ...statement.notActions].some((v) => v === UNRESOLVED || v.startsWith('{ref:'));
}

function scanPolicy(policy: IdentityPolicy): { ok: true; grants: ExcessiveGrant[] } | { ok: false; reason: string } {
  const grants: ExcessiveGrant[] = [];
  const admin = fullAdminGrants(policy);
  if (!admin.ok) return admin;
  if (admin.statements.length > 0) grants.push({ kind: 'full_admin', policy: label(policy), detail: 'full access (*:*)', path: policy.path });
  if (policy.document === undefined) {
    if (policy.awsManaged && POWER_USER.has(policy.name)) grants.push({ kind: 'power_user', policy: label(policy), detail: 'every action but IAM and Organizations', path: policy.path });
    if (policy.awsManaged && IAM_FULL.has(policy.name)) grants.push({ kind: 'iam_write', policy: label(policy), detail: 'iam:*', path: policy.path });
    return { ok: true, grants };
  }
  const parsed = parsePolicy(policy.document);
  if (!parsed.ok) return { ok: false, reason: `invalid_policy:${policy.name}` };
  for (const statement of parsed.statements) {
    if (statement.effect === 'Allow' && scopeUnresolved(statement)) return { ok: false, reason: `unresolved:${policy.name}` };
    for (const detail of escalatingWildcards(statement)) grants.push({ kind: 'iam_write', policy: label(policy), detail, path: policy.path });
  }
  return { ok: true, grants };
}

/** Every excessive grant of a user, role or group, through its inline, attached and (in templates) policy resources. */
export function excessivePrivileges(ctx: RuleContext, identity: Resource): PrivilegeScan {
  const found = identityPolicies(ctx, identity);
  if (!found.ok) return found;
  const grants: ExcessiveGrant[] = [];
  for (const policy of found.policies) {
    const scan = scanPolicy(policy);
    if (!scan.ok) return { ok: false, reason: scan.reason, path: policy.path };
    grants.push(...scan.grants);
  }
  return { ok: true, grants };
}

/** "inline policy x grants iam:*; policy AdministratorAccess grants *" — for messages. */
export function describeGrants(grants: readonly ExcessiveGrant[]): string {
  return grants.map((g) => `${g.policy} grants ${g.detail}`).join('; ');
}
