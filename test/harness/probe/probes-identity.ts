// Test-only: coverage probes for identity and account-level services (IAM, STS, Organizations, Account, CloudTrail).
import { GetAlternateContactCommand, GetContactInformationCommand, GetPrimaryEmailCommand, AccountClient } from '@aws-sdk/client-account';
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOrganizationsFeaturesCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { DescribeAccountCommand, DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { probe, type Probe } from './probe.js';

const iam = (ctx: Parameters<Probe['call']>[0]) => ctx.client(IAMClient);

export const identityProbes: Probe[] = [
  probe('IAM', 'GenerateCredentialReport', (ctx) => iam(ctx).send(new GenerateCredentialReportCommand({}))),
  probe('IAM', 'GetCredentialReport', (ctx) => iam(ctx).send(new GetCredentialReportCommand({})), {
    check: (out) => {
      const csv = Buffer.from(out.Content ?? new Uint8Array()).toString('utf8');
      return csv.split('\n').some((line) => line.startsWith('<root_account>,')) ? undefined : 'no <root_account> row (users only)';
    },
  }),
  probe('IAM', 'GetAccountSummary', (ctx) => iam(ctx).send(new GetAccountSummaryCommand({})), {
    // The probe's proxy scenario sets root MFA on; moto alone cannot model the root user.
    check: (out) => (out.SummaryMap?.AccountMFAEnabled === 1 ? undefined : 'AccountMFAEnabled/AccountAccessKeysPresent fixed at 0 (root not modelled)'),
  }),
  probe('IAM', 'GetAccountPasswordPolicy', (ctx) => iam(ctx).send(new GetAccountPasswordPolicyCommand({})), { expectedErrors: ['NoSuchEntityException', 'NoSuchEntity'] }),
  probe('IAM', 'GetAccountAuthorizationDetails', (ctx) => iam(ctx).send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1 })), {
    check: (out) => {
      const problems: string[] = [];
      if (!out.IsTruncated && (out.UserDetailList?.length ?? 0) > 1) problems.push('ignores MaxItems (no pagination)');
      const doc = out.RoleDetailList?.[0]?.AssumeRolePolicyDocument;
      if (doc?.startsWith('{')) problems.push('policy documents not URL-encoded');
      return problems.join('; ') || undefined;
    },
  }),
  probe('IAM', 'ListUsers', (ctx) => iam(ctx).send(new ListUsersCommand({ MaxItems: 1 })), {
    check: (out) => (!out.IsTruncated && (out.Users?.length ?? 0) > 1 ? 'ignores MaxItems/Marker (no pagination)' : undefined),
  }),
  probe('IAM', 'ListMFADevices', (ctx) => iam(ctx).send(new ListMFADevicesCommand({ UserName: 'alice' }))),
  probe('IAM', 'ListMFADevices (no UserName)', (ctx) => iam(ctx).send(new ListMFADevicesCommand({})), {
    expectedErrors: [],
  }),
  probe('IAM', 'ListVirtualMFADevices', (ctx) => iam(ctx).send(new ListVirtualMFADevicesCommand({}))),
  probe('IAM', 'ListAccessKeys', (ctx) => iam(ctx).send(new ListAccessKeysCommand({ UserName: 'alice' }))),
  probe('IAM', 'GetAccessKeyLastUsed', (ctx) => iam(ctx).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: ctx.seeds.accessKeyId }))),
  probe('IAM', 'ListRoles', (ctx) => iam(ctx).send(new ListRolesCommand({}))),
  probe('IAM', 'GetRole', (ctx) => iam(ctx).send(new GetRoleCommand({ RoleName: 'probe-role' }))),
  probe('IAM', 'ListOrganizationsFeatures', (ctx) => iam(ctx).send(new ListOrganizationsFeaturesCommand({}))),
  probe('IAM', 'ListPolicies', (ctx) => iam(ctx).send(new ListPoliciesCommand({ Scope: 'Local' }))),
  probe('IAM', 'ListPolicies (Scope=AWS)', (ctx) => iam(ctx).send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 5 })), {
    check: (out) => ((out.Policies?.length ?? 0) === 0 ? 'no AWS-managed policies unless MOTO_IAM_LOAD_MANAGED_POLICIES=true' : undefined),
  }),
  probe('IAM', 'GetPolicyVersion', (ctx) => iam(ctx).send(new GetPolicyVersionCommand({ PolicyArn: ctx.seeds.policyArn, VersionId: 'v1' })), {
    check: (out) => (out.PolicyVersion?.Document?.startsWith('{') ? 'Document not URL-encoded (AWS encodes it)' : undefined),
  }),
  probe('STS', 'GetCallerIdentity', (ctx) => ctx.client(STSClient).send(new GetCallerIdentityCommand({}))),
  probe('Organizations', 'DescribeOrganization', (ctx) => ctx.client(OrganizationsClient).send(new DescribeOrganizationCommand({}))),
  probe('Organizations', 'ListAccounts', (ctx) => ctx.client(OrganizationsClient).send(new ListAccountsCommand({}))),
  probe('Organizations', 'DescribeAccount', (ctx) => ctx.client(OrganizationsClient).send(new DescribeAccountCommand({ AccountId: ctx.accountId }))),
  probe('Account', 'GetAlternateContact', (ctx) => ctx.client(AccountClient).send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })), {
    expectedErrors: ['ResourceNotFoundException'],
  }),
  probe('Account', 'GetContactInformation', (ctx) => ctx.client(AccountClient).send(new GetContactInformationCommand({})), {
    expectedErrors: ['ResourceNotFoundException'],
  }),
  probe('Account', 'GetPrimaryEmail', (ctx) => ctx.client(AccountClient).send(new GetPrimaryEmailCommand({ AccountId: ctx.accountId }))),
  probe('CloudTrail', 'LookupEvents', (ctx) => ctx.client(CloudTrailClient).send(new LookupEventsCommand({ MaxResults: 5 }))),
  probe('CloudTrail', 'DescribeTrails', (ctx) => ctx.client(CloudTrailClient).send(new DescribeTrailsCommand({}))),
  probe('CloudTrail', 'GetTrailStatus', (ctx) => ctx.client(CloudTrailClient).send(new GetTrailStatusCommand({ Name: ctx.seeds.trailArn }))),
  probe('CloudTrail', 'GetEventSelectors', (ctx) => ctx.client(CloudTrailClient).send(new GetEventSelectorsCommand({ TrailName: ctx.seeds.trailArn })), {
    check: (out) =>
      (out.EventSelectors?.length ?? 0) === 0 && (out.AdvancedEventSelectors?.length ?? 0) === 0
        ? 'no selectors by default (AWS: one management-events selector)'
        : undefined,
  }),
];
