/**
 * AWS Organizations (global): where the account sits — `AWS::Account.Organization` = `{ Id, ManagementAccountId,
 * IsManagementAccount, AccountIds? }`, or `null` outside an organization — and the account's root email
 * (`PrimaryEmail`), which only an organization can show.
 *
 * - ListAccounts answers only in the management account (or a delegated administrator, which cannot be told apart
 *   beforehand without a denied call); it is called from the management account only, so `AccountIds` is written
 *   there alone.
 * - Root email: the management account reads its own with DescribeAccount (Account Management's GetPrimaryEmail
 *   refuses the management account's own id). A member account can read its own only as the Account Management
 *   delegated administrator, so GetPrimaryEmail is tried there (any other member is denied, and the email stays
 *   unknown with that reason). A standalone account has no API that shows it: `PrimaryEmail` is marked
 *   `not_collected:PrimaryEmail` rather than guessed. https://docs.aws.amazon.com/accounts/latest/reference/API_GetPrimaryEmail.html
 * GetPrimaryEmail is the Account Management API; it lives here because only the organization decides where it can
 * answer, and so that one collector owns `PrimaryEmail`.
 */
import { AccountClient, GetPrimaryEmailCommand } from '@aws-sdk/client-account';
import { DescribeAccountCommand, DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import type { UnknownMark } from '../core/index.js';
import { defineCollector } from './framework/collector.js';

const NOT_IN_ORGANIZATION = ['AWSOrganizationsNotInUseException'];
const PRIMARY_EMAIL_NOT_READABLE = 'not_collected:PrimaryEmail';

export default defineCollector({
  service: 'organizations',
  scope: 'global',
  operations: {
    DescribeOrganization: 'organizations:DescribeOrganization',
    ListAccounts: 'organizations:ListAccounts',
    DescribeAccount: 'organizations:DescribeAccount',
    GetPrimaryEmail: 'account:GetPrimaryEmail',
  },
  produces: ['AWS::Account'],
  async collect(ctx) {
    const client = ctx.client(OrganizationsClient);
    const described = await ctx.call('DescribeOrganization', (o) => client.send(new DescribeOrganizationCommand({}), o), { absent: NOT_IN_ORGANIZATION });
    if (!described.ok) {
      return ctx.accountFacts({}, [
        { path: '/Organization', reason: described.reason },
        { path: '/PrimaryEmail', reason: described.reason },
      ]);
    }
    const org = described.absent ? undefined : described.value.Organization;
    if (!org) return ctx.accountFacts({ Organization: null }, [{ path: '/PrimaryEmail', reason: PRIMARY_EMAIL_NOT_READABLE }]);

    const managementId = org.MasterAccountId ?? null;
    const isManagement = managementId === ctx.account;
    const organization: Record<string, unknown> = { Id: org.Id ?? null, ManagementAccountId: managementId, IsManagementAccount: isManagement };
    const unknown: UnknownMark[] = [];
    const facts: Record<string, unknown> = {};
    if (!isManagement) {
      const account = ctx.client(AccountClient);
      const email = await ctx.call('GetPrimaryEmail', (o) => account.send(new GetPrimaryEmailCommand({ AccountId: ctx.account }), o), { resource: `account:${ctx.account}` });
      if (email.ok && email.value.PrimaryEmail) facts['PrimaryEmail'] = email.value.PrimaryEmail;
      else unknown.push({ path: '/PrimaryEmail', reason: email.ok ? 'missing_data:PrimaryEmail' : email.reason });
    } else {
      const [accounts, self] = await Promise.all([
        ctx.pages(
          'ListAccounts',
          (NextToken, o) => client.send(new ListAccountsCommand({ NextToken }), o),
          (p) => p.NextToken,
          (p) => p.Accounts,
        ),
        ctx.call('DescribeAccount', (o) => client.send(new DescribeAccountCommand({ AccountId: ctx.account }), o)),
      ]);
      if (accounts.ok) organization['AccountIds'] = accounts.value.map((a) => a.Id ?? '').filter(Boolean).sort();
      else unknown.push({ path: '/Organization/AccountIds', reason: accounts.reason });
      const email = self.ok ? self.value.Account?.Email : undefined;
      if (email) facts['PrimaryEmail'] = email;
      else unknown.push({ path: '/PrimaryEmail', reason: self.ok ? 'missing_data:PrimaryEmail' : self.reason });
    }
    ctx.accountFacts({ Organization: organization, ...facts }, unknown);
  },
});
