/**
 * The accounts and organizations that belong to the company, as far as the assessment can tell: the scanned
 * accounts, the production accounts named in ftr.yaml, and the organization (id, management account and, when the
 * management account was scanned, every member) of each scanned account. Anything else is a third party.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { isRecord, stringArray } from './values.js';

export interface OwnAccounts {
  accounts: Set<string>;
  organizations: Set<string>;
}

export function ownAccounts(ctx: RuleContext, resource: Resource): OwnAccounts {
  const accounts = new Set<string>([...ctx.scope.accounts, ...ctx.facts.productionAccounts]);
  if (resource.account) accounts.add(resource.account);
  const organizations = new Set<string>();
  for (const account of ctx.resources('AWS::Account')) {
    if (account.physicalId) accounts.add(account.physicalId);
    // An organization the scan could not read only narrows what counts as "own"; it never makes a role pass.
    if (ctx.unknownAt(account, '/Organization')) continue;
    const org = account.properties['Organization'];
    if (!isRecord(org)) continue;
    if (typeof org['Id'] === 'string') organizations.add(org['Id']);
    if (typeof org['ManagementAccountId'] === 'string') accounts.add(org['ManagementAccountId']);
    for (const id of stringArray(org['AccountIds']) ?? []) accounts.add(id);
  }
  return { accounts, organizations };
}

/** The name ftr.yaml gives a trusted third-party account, if it lists it. */
export function trustedAccountName(ctx: RuleContext, account: string): string | undefined {
  return ctx.facts.trustedAccounts.find((t) => t.id === account)?.name;
}
