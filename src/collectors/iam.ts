/**
 * IAM (global): the root user and account-wide settings on `AWS::Account` (`Root`, `PasswordPolicy`,
 * `CentralizedRootAccess`), and the identities — `AWS::IAM::User`, `Group`, `Role`, `ManagedPolicy`, `AccessKey`.
 *
 * - Identities, their inline and attached policies, boundaries and (mostly) role last use come from one paginated
 *   GetAccountAuthorizationDetails; GetRole is called only for roles whose details lack `RoleLastUsed`. If the details
 *   cannot be read, ListUsers still gives the user inventory (their policies and tags marked unknown): the users'
 *   listing is the details' when they succeed, else ListUsers' (the collectors' one dynamic listing, `ctx.listed`).
 * - The credential report (GenerateCredentialReport polled until COMPLETE, then GetCredentialReport) gives root and
 *   user sign-in facts. Users without a report row get GetLoginProfile + ListMFADevices instead.
 * - GetAccountSummary is the live word on root MFA and root keys; the report fills in when it is denied.
 * - Access keys: ListAccessKeys per user, GetAccessKeyLastUsed per key.
 */
import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOrganizationsFeaturesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
  type AttachedPolicy,
  type GetAccountAuthorizationDetailsResponse,
  type PasswordPolicy,
  type PolicyDetail,
  type RoleLastUsed,
  type Tag,
} from '@aws-sdk/client-iam';
import type { UnknownMark } from '../core/index.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { parseCredentialReport, reportBool, reportTime, ROOT_ROW, type ReportRow } from './framework/credential-report.js';
import { rootFacts, type Outcome } from './framework/root-facts.js';
import { decodePolicyDocument } from './framework/policy-document.js';
import { isoTime } from './framework/time.js';

const OPERATIONS = {
  GenerateCredentialReport: 'iam:GenerateCredentialReport',
  GetCredentialReport: 'iam:GetCredentialReport',
  GetAccountSummary: 'iam:GetAccountSummary',
  ListVirtualMFADevices: 'iam:ListVirtualMFADevices',
  GetAccountPasswordPolicy: 'iam:GetAccountPasswordPolicy',
  GetAccountAuthorizationDetails: 'iam:GetAccountAuthorizationDetails',
  ListUsers: 'iam:ListUsers',
  GetLoginProfile: 'iam:GetLoginProfile',
  ListMFADevices: 'iam:ListMFADevices',
  ListAccessKeys: 'iam:ListAccessKeys',
  GetAccessKeyLastUsed: 'iam:GetAccessKeyLastUsed',
  GetRole: 'iam:GetRole',
  ListOrganizationsFeatures: 'iam:ListOrganizationsFeatures',
} as const;
type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'];
/** ListOrganizationsFeatures answers that mean "centralized root access is not enabled here". */
const NO_ROOT_ACCESS_FEATURES = [
  'OrganizationNotFoundException',
  'OrganizationNotFound',
  'OrganizationNotInAllFeaturesModeException',
  'OrganizationNotInAllFeaturesMode',
  'ServiceAccessNotEnabledException',
  'ServiceAccessNotEnabled',
];
/** The inventories a complete user listing gives: the users, and through them their access keys. */
const USERS_LISTED = ['AWS::IAM::User', 'AWS::IAM::AccessKey'];
/** Milliseconds between GenerateCredentialReport polls (about 20 s in all); the report usually completes within seconds. */
const REPORT_POLL_MS = [500, 1000, 2000, 3000, 4000, 5000, 5000];

export default defineCollector({
  service: 'iam',
  scope: 'global',
  operations: OPERATIONS,
  listings: {
    // Users (and so their access keys) too, named once the details succeed (USERS_LISTED): when they fail, ListUsers
    // lists the users instead.
    GetAccountAuthorizationDetails: ['AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::ManagedPolicy'],
    ListUsers: USERS_LISTED,
    // Per user: a failure also marks the user `@AWS::IAM::AccessKey`. An account without users has no keys.
    ListAccessKeys: ['AWS::IAM::AccessKey'],
  },
  produces: ['AWS::Account', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::AccessKey'],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const [report, summary, virtualMfa, details] = await Promise.all([
      credentialReport(ctx, iam),
      ctx.call('GetAccountSummary', (o) => iam.send(new GetAccountSummaryCommand({}), o)),
      ctx.pages(
        'ListVirtualMFADevices',
        (Marker, o) => iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned', Marker }), o),
        (p) => (p.IsTruncated ? p.Marker : undefined),
        (p) => p.VirtualMFADevices,
      ),
      ctx.pages(
        'GetAccountAuthorizationDetails',
        (Marker, o) => iam.send(new GetAccountAuthorizationDetailsCommand({ Marker }), o),
        (p) => (p.IsTruncated ? p.Marker : undefined),
        (p) => [p],
      ),
      accountSettings(ctx, iam),
    ]);

    const root = rootFacts(ctx.account, {
      report: report.ok ? { ok: true, value: report.value.get(ROOT_ROW) } : report,
      summary: summary.ok ? { ok: true, value: summary.value.SummaryMap ?? {} } : summary,
      virtualMfa: virtualMfa.ok ? { ok: true, value: virtualMfa.value.map((d) => ({ serial: d.SerialNumber ?? '', user: d.User?.Arn ?? '' })) } : virtualMfa,
    });
    ctx.accountFacts({ Root: root.value }, root.unknown);

    if (details.ok) {
      // The one dynamic listing of the collectors: the users are complete here, or else from the ListUsers fallback.
      ctx.listed('GetAccountAuthorizationDetails', USERS_LISTED);
      await identitiesFromDetails(ctx, iam, mergePages(details.value), report);
    } else await usersFromList(ctx, iam, details.reason, report);
  },
});

async function accountSettings(ctx: Ctx, iam: IAMClient): Promise<void> {
  const [policy, features] = await Promise.all([
    ctx.call('GetAccountPasswordPolicy', (o) => iam.send(new GetAccountPasswordPolicyCommand({}), o), { absent: NO_SUCH_ENTITY }),
    ctx.call('ListOrganizationsFeatures', (o) => iam.send(new ListOrganizationsFeaturesCommand({}), o), { absent: NO_ROOT_ACCESS_FEATURES }),
  ]);
  const facts: Record<string, unknown> = {};
  const unknown: UnknownMark[] = [];
  if (!policy.ok) unknown.push({ path: '/PasswordPolicy', reason: policy.reason });
  else facts['PasswordPolicy'] = policy.absent || !policy.value.PasswordPolicy ? null : passwordPolicy(policy.value.PasswordPolicy);
  if (!features.ok) unknown.push({ path: '/CentralizedRootAccess', reason: features.reason });
  else {
    const enabled = features.absent ? undefined : (features.value.EnabledFeatures ?? []);
    facts['CentralizedRootAccess'] = enabled ? { RootCredentialsManagement: enabled.includes('RootCredentialsManagement'), RootSessions: enabled.includes('RootSessions') } : null;
  }
  ctx.accountFacts(facts, unknown);
}

function passwordPolicy(p: PasswordPolicy): Record<string, unknown> {
  return {
    MinimumPasswordLength: p.MinimumPasswordLength ?? null,
    RequireSymbols: p.RequireSymbols ?? false,
    RequireNumbers: p.RequireNumbers ?? false,
    RequireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
    ExpirePasswords: p.ExpirePasswords ?? false,
    HardExpiry: p.HardExpiry ?? false,
    // IAM omits these two when they are not set (so does the model); their smallest real value is 1.
    ...(p.MaxPasswordAge ? { MaxPasswordAge: p.MaxPasswordAge } : {}),
    ...(p.PasswordReusePrevention ? { PasswordReusePrevention: p.PasswordReusePrevention } : {}),
  };
}

async function credentialReport(ctx: Ctx, iam: IAMClient): Promise<Outcome<Map<string, ReportRow>>> {
  for (const wait of [...REPORT_POLL_MS, undefined]) {
    const generated = await ctx.call('GenerateCredentialReport', (o) => iam.send(new GenerateCredentialReportCommand({}), o));
    if (!generated.ok) return generated;
    if (generated.value.State === 'COMPLETE' || wait === undefined) break;
    await new Promise((done) => setTimeout(done, wait));
  }
  // Still generating after the last poll: GetCredentialReport then fails (ReportInProgress) and that is recorded.
  const got = await ctx.call('GetCredentialReport', (o) => iam.send(new GetCredentialReportCommand({}), o));
  return got.ok ? { ok: true, value: parseCredentialReport(got.value.Content) } : got;
}

function mergePages(pages: GetAccountAuthorizationDetailsResponse[]) {
  return {
    users: pages.flatMap((p) => p.UserDetailList ?? []),
    groups: pages.flatMap((p) => p.GroupDetailList ?? []),
    roles: pages.flatMap((p) => p.RoleDetailList ?? []),
    policies: pages.flatMap((p) => p.Policies ?? []),
  };
}

const arns = (attached: AttachedPolicy[] | undefined) => (attached ?? []).map((a) => a.PolicyArn ?? '').filter(Boolean);
const inline = (list: PolicyDetail[] | undefined) => (list ?? []).map((p) => ({ PolicyName: p.PolicyName ?? '', PolicyDocument: decodePolicyDocument(p.PolicyDocument) }));
const tagsOf = (tags: Tag[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

interface UserRef {
  name: string;
  arn: string;
}

/** Emits every identity. */
async function identitiesFromDetails(ctx: Ctx, iam: IAMClient, details: ReturnType<typeof mergePages>, report: Outcome<Map<string, ReportRow>>): Promise<void> {
  const attachments = new Map<string, { Users: string[]; Roles: string[]; Groups: string[] }>();
  const attach = (list: AttachedPolicy[] | undefined, kind: 'Users' | 'Roles' | 'Groups', name: string) => {
    for (const arn of arns(list)) {
      const entry = attachments.get(arn) ?? { Users: [], Roles: [], Groups: [] };
      entry[kind].push(name);
      attachments.set(arn, entry);
    }
  };
  const members = new Map<string, string[]>();

  await Promise.all(
    details.users.map(async (u) => {
      const name = u.UserName ?? '';
      const arn = u.Arn ?? `arn:aws:iam::${ctx.account}:user/${name}`;
      attach(u.AttachedManagedPolicies, 'Users', name);
      for (const group of u.GroupList ?? []) members.set(group, [...(members.get(group) ?? []), name]);
      const extras = await userExtras(ctx, iam, { name, arn }, report);
      ctx.emit({
        uid: arn,
        type: 'AWS::IAM::User',
        name,
        physicalId: name,
        properties: {
          UserName: name,
          Path: u.Path ?? '/',
          Groups: u.GroupList ?? [],
          ManagedPolicyArns: arns(u.AttachedManagedPolicies),
          Policies: inline(u.UserPolicyList),
          PermissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
          CreateDate: isoTime(u.CreateDate),
          ...extras.properties,
        },
        tags: tagsOf(u.Tags),
        unknown: extras.unknown,
      });
    }),
  );

  for (const g of details.groups) {
    const name = g.GroupName ?? '';
    attach(g.AttachedManagedPolicies, 'Groups', name);
    ctx.emit({
      uid: g.Arn ?? `arn:aws:iam::${ctx.account}:group/${name}`,
      type: 'AWS::IAM::Group',
      name,
      physicalId: name,
      properties: { GroupName: name, Path: g.Path ?? '/', ManagedPolicyArns: arns(g.AttachedManagedPolicies), Policies: inline(g.GroupPolicyList), Users: (members.get(name) ?? []).sort() },
    });
  }

  await Promise.all(
    details.roles.map(async (r) => {
      const name = r.RoleName ?? '';
      attach(r.AttachedManagedPolicies, 'Roles', name);
      const lastUsed = await roleLastUsed(ctx, iam, name, r.RoleLastUsed);
      const path = r.Path ?? '/';
      ctx.emit({
        uid: r.Arn ?? `arn:aws:iam::${ctx.account}:role/${name}`,
        type: 'AWS::IAM::Role',
        name,
        physicalId: name,
        properties: {
          RoleName: name,
          Path: path,
          AssumeRolePolicyDocument: decodePolicyDocument(r.AssumeRolePolicyDocument),
          ManagedPolicyArns: arns(r.AttachedManagedPolicies),
          Policies: inline(r.RolePolicyList),
          PermissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
          CreateDate: isoTime(r.CreateDate),
          ServiceLinked: path.startsWith('/aws-service-role/'),
          ...(lastUsed.ok ? { RoleLastUsed: lastUsed.value } : {}),
        },
        tags: tagsOf(r.Tags),
        unknown: lastUsed.ok ? [] : [{ path: '/RoleLastUsed', reason: lastUsed.reason }],
      });
    }),
  );

  for (const p of details.policies) {
    const arn = p.Arn ?? '';
    const name = p.PolicyName || arn.slice(arn.lastIndexOf('/') + 1);
    const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
    const attached = attachments.get(arn) ?? { Users: [], Roles: [], Groups: [] };
    ctx.emit({
      uid: arn,
      type: 'AWS::IAM::ManagedPolicy',
      name,
      physicalId: arn,
      properties: {
        ManagedPolicyName: name,
        Path: p.Path ?? '/',
        Arn: arn,
        AwsManaged: /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn),
        AttachmentCount: p.AttachmentCount ?? 0,
        ...(version?.Document !== undefined ? { PolicyDocument: decodePolicyDocument(version.Document) } : {}),
        Users: attached.Users.sort(),
        Roles: attached.Roles.sort(),
        Groups: attached.Groups.sort(),
      },
      unknown: version?.Document !== undefined ? [] : [{ path: '/PolicyDocument', reason: 'missing_data:PolicyVersionList' }],
    });
  }
}

/** Without the authorization details, ListUsers still gives the users; what only the details show is unknown. */
async function usersFromList(ctx: Ctx, iam: IAMClient, reason: string, report: Outcome<Map<string, ReportRow>>): Promise<void> {
  const listed = await ctx.pages(
    'ListUsers',
    (Marker, o) => iam.send(new ListUsersCommand({ Marker }), o),
    (p) => (p.IsTruncated ? p.Marker : undefined),
    (p) => p.Users,
  );
  if (!listed.ok) return;
  await Promise.all(
    listed.value.map(async (u) => {
      const name = u.UserName ?? '';
      const arn = u.Arn ?? `arn:aws:iam::${ctx.account}:user/${name}`;
      const extras = await userExtras(ctx, iam, { name, arn }, report);
      ctx.emit({
        uid: arn,
        type: 'AWS::IAM::User',
        name,
        physicalId: name,
        properties: { UserName: name, Path: u.Path ?? '/', CreateDate: isoTime(u.CreateDate), ...extras.properties },
        tags: tagsOf(u.Tags),
        // IAM's ListUsers leaves tags out (the authorization details carry them): then they are not known.
        unknown: [...['/Groups', '/ManagedPolicyArns', '/Policies', '/PermissionsBoundary', ...(u.Tags === undefined ? ['@tags'] : [])].map((path) => ({ path, reason })), ...extras.unknown],
      });
    }),
  );
}

/** What a user carries beyond the listing: sign-in facts, and its access keys (emitted here). */
async function userExtras(ctx: Ctx, iam: IAMClient, user: UserRef, report: Outcome<Map<string, ReportRow>>): Promise<{ properties: Record<string, unknown>; unknown: UnknownMark[] }> {
  const [signIn, keys] = await Promise.all([userSignIn(ctx, iam, user, report), accessKeys(ctx, iam, user)]);
  return { properties: signIn.properties, unknown: keys.ok ? signIn.unknown : [...signIn.unknown, { path: '@AWS::IAM::AccessKey', reason: keys.reason }] };
}

/**
 * The user's credential-report row; for a user the report does not show (it failed, or is older than the user),
 * the login profile and MFA devices instead, so console and MFA rules can still judge.
 */
async function userSignIn(ctx: Ctx, iam: IAMClient, user: UserRef, report: Outcome<Map<string, ReportRow>>): Promise<{ properties: Record<string, unknown>; unknown: UnknownMark[] }> {
  const row = report.ok ? report.value.get(user.name) : undefined;
  if (row && (row['arn'] === undefined || row['arn'] === user.arn)) {
    return {
      properties: {
        CredentialReport: {
          PasswordEnabled: reportBool(row, 'password_enabled') ?? false,
          PasswordLastUsed: reportTime(row, 'password_last_used'),
          PasswordLastChanged: reportTime(row, 'password_last_changed'),
          MfaActive: reportBool(row, 'mfa_active') ?? false,
          UserCreationTime: reportTime(row, 'user_creation_time'),
        },
      },
      unknown: [],
    };
  }
  const unknown: UnknownMark[] = report.ok ? [] : [{ path: '/CredentialReport', reason: report.reason }];
  const properties: Record<string, unknown> = {};
  const [profile, devices] = await Promise.all([
    ctx.call('GetLoginProfile', (o) => iam.send(new GetLoginProfileCommand({ UserName: user.name }), o), { resource: user.arn, absent: NO_SUCH_ENTITY }),
    ctx.pages(
      'ListMFADevices',
      (Marker, o) => iam.send(new ListMFADevicesCommand({ UserName: user.name, Marker }), o),
      (p) => (p.IsTruncated ? p.Marker : undefined),
      (p) => p.MFADevices,
      { resource: user.arn },
    ),
  ]);
  if (!profile.ok) unknown.push({ path: '/LoginProfile', reason: profile.reason });
  else properties['LoginProfile'] = profile.absent || !profile.value.LoginProfile ? null : { PasswordResetRequired: profile.value.LoginProfile.PasswordResetRequired ?? false, CreateDate: isoTime(profile.value.LoginProfile.CreateDate) };
  if (!devices.ok) unknown.push({ path: '/MfaDevices', reason: devices.reason });
  else properties['MfaDevices'] = devices.value.map((d) => ({ SerialNumber: d.SerialNumber ?? '', Virtual: /:mfa\//.test(d.SerialNumber ?? '') }));
  return { properties, unknown };
}

/** `{ LastUsedDate, Region }`, or null when IAM recorded no use (its window is 400 days). */
async function roleLastUsed(ctx: Ctx, iam: IAMClient, name: string, fromDetails: RoleLastUsed | undefined): Promise<Outcome<{ LastUsedDate: string | null; Region: string | null } | null>> {
  let record = fromDetails;
  if (record === undefined) {
    const role = await ctx.call('GetRole', (o) => iam.send(new GetRoleCommand({ RoleName: name }), o), { resource: `arn:aws:iam::${ctx.account}:role/${name}` });
    if (!role.ok) return role;
    record = role.value.Role?.RoleLastUsed ?? {};
  }
  const date = isoTime(record.LastUsedDate);
  return { ok: true, value: date ? { LastUsedDate: date, Region: record.Region ?? null } : null };
}

/** Emits the user's access keys with their last use; whether the listing completed. */
async function accessKeys(ctx: Ctx, iam: IAMClient, user: UserRef): Promise<Outcome<true>> {
  const listed = await ctx.pages(
    'ListAccessKeys',
    (Marker, o) => iam.send(new ListAccessKeysCommand({ UserName: user.name, Marker }), o),
    (p) => (p.IsTruncated ? p.Marker : undefined),
    (p) => p.AccessKeyMetadata,
    { resource: user.arn },
  );
  if (!listed.ok) return listed;
  await Promise.all(
    listed.value.map(async (key) => {
      const id = key.AccessKeyId ?? '';
      const uid = `${user.arn}/accesskey/${id}`;
      const used = await ctx.call('GetAccessKeyLastUsed', (o) => iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }), o), { resource: uid });
      const last = used.ok ? used.value.AccessKeyLastUsed : undefined;
      const known = (value: string | undefined) => (value && value !== 'N/A' ? value : null);
      ctx.emit({
        uid,
        type: 'AWS::IAM::AccessKey',
        name: `${user.name}/${id}`,
        physicalId: id,
        properties: {
          UserName: user.name,
          AccessKeyId: id,
          Status: key.Status ?? null,
          CreateDate: isoTime(key.CreateDate),
          ...(used.ok ? { LastUsedDate: isoTime(last?.LastUsedDate), LastUsedService: known(last?.ServiceName), LastUsedRegion: known(last?.Region) } : {}),
        },
        unknown: used.ok ? [] : ['/LastUsedDate', '/LastUsedService', '/LastUsedRegion'].map((path) => ({ path, reason: used.reason })),
      });
    }),
  );
  return { ok: true, value: true };
}
