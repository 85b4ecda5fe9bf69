/**
 * Identities that hold full access on purpose and are not least-privilege findings: break-glass identities (see
 * `isBreakGlass`) and the roles AWS Organizations and Control Tower create in member accounts for the management
 * account's administrators — the documented emergency path into a member account.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html
 */
import type { Resource } from '../../core/index.js';
import { identityName, isBreakGlass } from './iam-identities.js';

const ACCOUNT_ACCESS_ROLES = new Set(['OrganizationAccountAccessRole', 'AWSControlTowerExecution']);

export type AdminExemption = 'break-glass' | 'organizations-access-role';

export function adminExemption(identity: Resource): AdminExemption | undefined {
  const name = identityName(identity);
  if (isBreakGlass(identity, name)) return 'break-glass';
  if (identity.type === 'AWS::IAM::Role' && ACCOUNT_ACCESS_ROLES.has(name)) return 'organizations-access-role';
  return undefined;
}

/** IAM Identity Center creates one role per permission set and account, named `AWSReservedSSO_<set>_<suffix>`. */
export function isIdentityCenterRole(identity: Resource): boolean {
  return identity.type === 'AWS::IAM::Role' && identityName(identity).startsWith('AWSReservedSSO_');
}
