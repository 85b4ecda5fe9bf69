import type { Resource, RuleContext } from '../../core/index.js';
import { asRecord, asString } from './shape.js';

/**
 * Where an account sits in AWS Organizations, from `AWS::Account` `Organization`. Billing-wide settings (budgets in
 * the payer, cost allocation tags, organization trails) live in the management account, so a member account's
 * answer may come from there — but only when the management account was scanned too.
 */
export type OrgPosition =
  | { kind: 'standalone' }
  | { kind: 'management' }
  | { kind: 'member'; managementId: string; management: Resource | undefined }
  | { kind: 'unknown'; reason: string };

export function organizationPosition(ctx: RuleContext, account: Resource): OrgPosition {
  const mark = ctx.unknownAt(account, '/Organization');
  if (mark) return { kind: 'unknown', reason: mark.reason };
  const org = ctx.get(account, '/Organization');
  if (org === null) return { kind: 'standalone' };
  const record = asRecord(org);
  if (!record) return { kind: 'unknown', reason: 'missing_data:Organization' };
  if (record['IsManagementAccount'] === true) return { kind: 'management' };
  const managementId = asString(record['ManagementAccountId']);
  if (managementId === undefined) return { kind: 'unknown', reason: 'missing_data:Organization.ManagementAccountId' };
  if (managementId === account.account) return { kind: 'management' };
  const management = ctx.resources('AWS::Account', { account: managementId, source: account.source })[0];
  return { kind: 'member', managementId, management };
}

/** The reason a member account's billing-wide fact is unknown when its management account was not scanned. */
export const MANAGEMENT_NOT_SCANNED = 'not_collected:management-account';
