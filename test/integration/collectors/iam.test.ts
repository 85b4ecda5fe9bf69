// The IAM collector against moto + the fault proxy: identities, root facts, account settings, access keys; pagination
// to the end; every operation denied; persistent throttling; the credential-report and account-summary patches and
// the ListOrganizationsFeatures stand-in.
import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  IAMClient,
  PutGroupPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import iam from '../../../src/collectors/iam.js';
import organizations from '../../../src/collectors/organizations.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, ACCOUNT, byUid, expectFailedRecord, expectUnknown, marks, ofType, record, statuses } from './governance-helpers.js';
import { scanWith } from './scan-helpers.js';

let h: AwsHarness;
let client: IAMClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new IAMClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  client?.destroy();
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const USER = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/app-read`;
const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const ANY_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/**
 * alice: console password + virtual MFA, in group `admins` (inline s3:*); ci-bot: one access key, no password;
 * role `app` (EC2 trust, boundary and attachment `app-read`); a password policy. The credential report is generated
 * once here, so the collector's first GenerateCredentialReport already finds it COMPLETE (moto answers STARTED first).
 */
async function seedIdentities(): Promise<string> {
  await client.send(new CreateUserCommand({ UserName: 'alice' }));
  await client.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'a-Long-passw0rd!' }));
  const mfa = await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }));
  await client.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: mfa.VirtualMFADevice?.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await client.send(new CreateUserCommand({ UserName: 'ci-bot' }));
  const key = await client.send(new CreateAccessKeyCommand({ UserName: 'ci-bot' }));
  await client.send(new CreateGroupCommand({ GroupName: 'admins' }));
  await client.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'alice' }));
  await client.send(new PutGroupPolicyCommand({ GroupName: 'admins', PolicyName: 's3-all', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }));
  await client.send(new CreatePolicyCommand({ PolicyName: 'app-read', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) }));
  await client.send(
    new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), PermissionsBoundary: POLICY }),
  );
  await client.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: POLICY }));
  await client.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, PasswordReusePrevention: 24 }));
  await client.send(new GenerateCredentialReportCommand({}));
  h.proxy.state.account().root.mfaEnabled = true;
  return key.AccessKey?.AccessKeyId ?? '';
}

describe('iam collector', () => {
  it('collects identities, root facts and account settings in the shape the rules read', async () => {
    const keyId = await seedIdentities();
    const snapshot = await scanWith(h, [iam]);

    const report = { PasswordLastUsed: null, PasswordLastChanged: ANY_TIME, UserCreationTime: ANY_TIME };
    expect(byUid(snapshot, USER('alice')).properties).toEqual({
      UserName: 'alice',
      Path: '/',
      Groups: ['admins'],
      ManagedPolicyArns: [],
      Policies: [],
      PermissionsBoundary: null,
      CreateDate: ANY_TIME,
      CredentialReport: { PasswordEnabled: true, MfaActive: true, ...report },
    });
    expect(byUid(snapshot, USER('ci-bot')).properties['CredentialReport']).toEqual({ PasswordEnabled: false, MfaActive: false, ...report });
    const key = byUid(snapshot, `${USER('ci-bot')}/accesskey/${keyId}`);
    expect(key).toMatchObject({ type: 'AWS::IAM::AccessKey', physicalId: keyId, region: 'global' });
    expect(key.properties).toEqual({ UserName: 'ci-bot', AccessKeyId: keyId, Status: 'Active', CreateDate: ANY_TIME, LastUsedDate: null, LastUsedService: null, LastUsedRegion: null });

    expect(byUid(snapshot, `arn:aws:iam::${ACCOUNT}:group/admins`).properties).toEqual({
      GroupName: 'admins',
      Path: '/',
      ManagedPolicyArns: [],
      Policies: [{ PolicyName: 's3-all', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }],
      Users: ['alice'],
    });
    expect(byUid(snapshot, ROLE)).toMatchObject({ physicalId: 'app', unknown: [] });
    expect(byUid(snapshot, ROLE).properties).toEqual({
      RoleName: 'app',
      Path: '/',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      ManagedPolicyArns: [POLICY],
      Policies: [],
      PermissionsBoundary: POLICY,
      CreateDate: ANY_TIME,
      ServiceLinked: false,
      RoleLastUsed: null,
    });
    expect(byUid(snapshot, POLICY)).toMatchObject({ type: 'AWS::IAM::ManagedPolicy', physicalId: POLICY, name: 'app-read' });
    expect(byUid(snapshot, POLICY).properties).toEqual({
      ManagedPolicyName: 'app-read',
      Path: '/',
      Arn: POLICY,
      AwsManaged: false,
      AttachmentCount: 1,
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] },
      Users: [],
      Roles: ['app'],
      Groups: [],
    });

    const facts = account(snapshot);
    expect(facts.unknown).toEqual([]);
    expect(facts.properties['Root']).toEqual({
      MfaActive: true,
      HardwareMfa: true,
      AccessKeysPresent: false,
      AccessKey1Active: false,
      AccessKey2Active: false,
      PasswordLastUsed: null,
      AccessKey1LastUsed: null,
      AccessKey2LastUsed: null,
    });
    expect(facts.properties['PasswordPolicy']).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
      HardExpiry: false,
      PasswordReusePrevention: 24,
    });
    expect(facts.properties['CentralizedRootAccess']).toBeNull();

    for (const action of ['iam:GetAccountAuthorizationDetails', 'iam:GetCredentialReport', 'iam:GetAccountSummary', 'iam:ListAccessKeys']) {
      expect(record(snapshot, action).outcome, action).toBe('ok');
    }
    expect(record(snapshot, 'iam:GetAccountAuthorizationDetails').lists).toEqual(['AWS::IAM::AccessKey', 'AWS::IAM::Group', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User']);
    expect(record(snapshot, 'iam:ListAccessKeys').lists).toEqual(['AWS::IAM::AccessKey']);
    // Users with a report row need neither their login profile nor their MFA devices; roles whose details carry
    // RoleLastUsed need no GetRole.
    expect(h.proxy.callsTo('iam', 'GetRole')).toEqual([]);
    expect(h.proxy.callsTo('iam', 'GetLoginProfile')).toEqual([]);
    expect(h.proxy.callsTo('iam', 'ListMFADevices')).toEqual([]);

    expect(
      statuses(snapshot, [
        'root-mfa-enabled',
        'root-no-access-keys',
        'root-used-only-by-exception',
        'password-policy-length-and-reuse',
        'password-policy-complexity',
        'iam-user-console-mfa',
        'iam-no-service-wildcard-grants',
        'iam-no-full-admin-grants',
        'iam-role-used-recently',
        'iam-role-trust-known-accounts',
        'access-key-rotated-90-days',
        'access-key-unused-90-days',
        'iam-user-one-active-key',
        'iam-user-no-workload-keys',
        'iam-user-active-recently',
      ]),
    ).toEqual({
      'root-mfa-enabled': 'pass',
      'root-no-access-keys': 'pass',
      'root-used-only-by-exception': 'pass',
      'password-policy-length-and-reuse': 'pass',
      'password-policy-complexity': 'fail',
      'iam-user-console-mfa': 'pass',
      'iam-no-service-wildcard-grants': 'fail',
      'iam-no-full-admin-grants': 'pass',
      'iam-role-used-recently': 'pass',
      'iam-role-trust-known-accounts': 'pass',
      'access-key-rotated-90-days': 'pass',
      'access-key-unused-90-days': 'pass',
      'iam-user-one-active-key': 'pass',
      'iam-user-no-workload-keys': 'fail',
      'iam-user-active-recently': 'pass',
    });
  });

  it('reads root keys and their use from the credential report, and MFA from the live account summary', async () => {
    await seedIdentities();
    const used = new Date(Date.now() - 3 * 86_400_000);
    Object.assign(h.proxy.state.account().root, { mfaEnabled: false, accessKeysPresent: true, accessKey1LastUsed: used, passwordLastUsed: used });
    const snapshot = await scanWith(h, [iam]);
    expect(account(snapshot).properties['Root']).toEqual({
      MfaActive: false,
      HardwareMfa: null,
      AccessKeysPresent: true,
      AccessKey1Active: true,
      AccessKey2Active: false,
      PasswordLastUsed: new Date(Math.floor(used.getTime() / 1000) * 1000).toISOString(),
      AccessKey1LastUsed: new Date(Math.floor(used.getTime() / 1000) * 1000).toISOString(),
      AccessKey2LastUsed: null,
    });
    expect(statuses(snapshot, ['root-mfa-enabled', 'root-no-access-keys', 'root-used-only-by-exception'])).toEqual({
      'root-mfa-enabled': 'fail',
      'root-no-access-keys': 'fail',
      'root-used-only-by-exception': 'fail',
    });
  });

  it('follows every page of the authorization details, access keys and virtual MFA devices', async () => {
    await seedIdentities();
    for (const name of ['dana', 'eve']) await client.send(new CreateUserCommand({ UserName: name }));
    await client.send(new CreateAccessKeyCommand({ UserName: 'ci-bot' }));
    const bob = await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'spare' }));
    await client.send(new EnableMFADeviceCommand({ UserName: 'dana', SerialNumber: bob.VirtualMFADevice?.SerialNumber, AuthenticationCode1: '111111', AuthenticationCode2: '222222' }));
    for (const operation of ['GetAccountAuthorizationDetails', 'ListAccessKeys', 'ListVirtualMFADevices']) h.proxy.paginate({ service: 'iam', operation }, { pageSize: 1 });

    const snapshot = await scanWith(h, [iam]);
    expect(ofType(snapshot, 'AWS::IAM::User').map((u) => u.name).sort()).toEqual(['alice', 'ci-bot', 'dana', 'eve']);
    expect(ofType(snapshot, 'AWS::IAM::Group').map((g) => g.name)).toEqual(['admins']);
    expect(ofType(snapshot, 'AWS::IAM::Role').map((r) => r.name)).toEqual(['app']);
    expect(ofType(snapshot, 'AWS::IAM::ManagedPolicy').map((p) => p.name)).toEqual(['app-read']);
    expect(ofType(snapshot, 'AWS::IAM::AccessKey').filter((k) => k.properties['UserName'] === 'ci-bot')).toHaveLength(2);
    for (const operation of ['GetAccountAuthorizationDetails', 'ListAccessKeys', 'ListVirtualMFADevices']) {
      expect(h.proxy.callsTo('iam', operation).some((c) => c.answeredBy === 'page'), operation).toBe(true);
    }
    expect(h.proxy.callsTo('iam', 'GetAccountAuthorizationDetails').length).toBeGreaterThanOrEqual(4);
    expect(account(snapshot).properties['Root']).toMatchObject({ HardwareMfa: true });
    expect(record(snapshot, 'iam:ListAccessKeys').lists).toEqual(['AWS::IAM::AccessKey']);
  });

  it('a pagination that fails part way completes no inventory', async () => {
    await seedIdentities();
    h.proxy.paginate({ service: 'iam', operation: 'GetAccountAuthorizationDetails' }, { pageSize: 1, failAfterPages: 1, failWith: { kind: 'access_denied' } });
    const snapshot = await scanWith(h, [iam]);
    expectFailedRecord(snapshot, 'iam:GetAccountAuthorizationDetails', 'access_denied');
    expect(ofType(snapshot, 'AWS::IAM::Role')).toEqual([]);
    expectUnknown(snapshot, ['iam-role-used-recently', 'iam-no-full-admin-grants', 'iam-role-trust-external-id'], 'GAAD failed on page 2');
  });

  describe('an operation that is denied leaves what it reads unknown', () => {
    const REPORT_RULES = ['root-used-only-by-exception', 'iam-user-active-recently'];
    const cases: Array<{ deny: string[]; rules: string[]; check?: (s: Awaited<ReturnType<typeof scanWith>>) => void }> = [
      {
        deny: ['GenerateCredentialReport'],
        rules: REPORT_RULES,
        check: (s) => {
          expect(marks(byUid(s, USER('alice')))).toEqual({ '/CredentialReport': 'collection_failed:iam:GenerateCredentialReport' });
          // Without the report, the login profile and MFA devices still judge console MFA.
          expect(byUid(s, USER('alice')).properties).toMatchObject({ LoginProfile: { PasswordResetRequired: false }, MfaDevices: [{ Virtual: true }] });
          expect(statuses(s, ['iam-user-console-mfa', 'root-mfa-enabled'])).toEqual({ 'iam-user-console-mfa': 'pass', 'root-mfa-enabled': 'pass' });
          expect(marks(account(s))).toMatchObject({ '/Root/PasswordLastUsed': 'collection_failed:iam:GenerateCredentialReport' });
        },
      },
      { deny: ['GetCredentialReport'], rules: REPORT_RULES },
      { deny: ['GetCredentialReport', 'GetLoginProfile'], rules: ['iam-user-console-mfa', 'iam-user-name-not-shared', 'iam-user-no-workload-keys'] },
      { deny: ['GetCredentialReport', 'ListMFADevices'], rules: ['iam-user-console-mfa'] },
      { deny: ['GetCredentialReport', 'GetAccountSummary'], rules: ['root-mfa-enabled', 'root-no-access-keys', 'root-used-only-by-exception'] },
      {
        deny: ['GetAccountSummary'],
        rules: [],
        check: (s) => {
          // The credential report answers for root MFA and keys when the summary is denied.
          expect(account(s).properties['Root']).toMatchObject({ MfaActive: true, AccessKeysPresent: false });
          expect(statuses(s, ['root-mfa-enabled', 'root-no-access-keys'])).toEqual({ 'root-mfa-enabled': 'pass', 'root-no-access-keys': 'pass' });
        },
      },
      {
        deny: ['ListVirtualMFADevices'],
        rules: [],
        check: (s) => {
          expect(marks(account(s))).toEqual({ '/Root/HardwareMfa': 'collection_failed:iam:ListVirtualMFADevices' });
          expect(statuses(s, ['root-mfa-enabled'])).toEqual({ 'root-mfa-enabled': 'pass' });
        },
      },
      { deny: ['GetAccountPasswordPolicy'], rules: ['password-policy-complexity', 'password-policy-length-and-reuse'] },
      {
        deny: ['GetAccountAuthorizationDetails'],
        rules: ['iam-no-full-admin-grants', 'iam-no-service-wildcard-grants', 'iam-role-trust-external-id', 'iam-role-trust-known-accounts', 'iam-role-used-recently'],
        check: (s) => {
          // ListUsers still lists the users (and so their keys); what only the details show is marked.
          expect(record(s, 'iam:ListUsers')).toMatchObject({ outcome: 'ok', lists: ['AWS::IAM::AccessKey', 'AWS::IAM::User'] });
          expect(record(s, 'iam:GetAccountAuthorizationDetails').lists).toEqual(['AWS::IAM::Group', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role']);
          // ListUsers answers without tags: they are marked unread, not empty.
          expect(Object.keys(marks(byUid(s, USER('alice')))).sort()).toEqual(['/Groups', '/ManagedPolicyArns', '/PermissionsBoundary', '/Policies', '@tags']);
          expect(statuses(s, ['iam-user-console-mfa'])).toEqual({ 'iam-user-console-mfa': 'pass' });
        },
      },
      {
        deny: ['GetAccountAuthorizationDetails', 'ListUsers'],
        rules: ['iam-user-console-mfa', 'iam-user-active-recently', 'iam-user-one-active-key', 'access-key-rotated-90-days', 'access-key-unused-90-days', 'iam-user-no-workload-keys'],
      },
      {
        deny: ['ListAccessKeys'],
        rules: ['iam-user-one-active-key', 'iam-user-no-workload-keys', 'access-key-rotated-90-days', 'access-key-unused-90-days', 'iam-user-active-recently'],
        check: (s) => expect(record(s, 'iam:ListAccessKeys').affected).toEqual([USER('alice'), USER('ci-bot')]),
      },
      { deny: ['GetAccessKeyLastUsed'], rules: ['access-key-unused-90-days', 'iam-user-active-recently'] },
    ];

    it.each(cases)('denied $deny', async ({ deny, rules, check }) => {
      await seedIdentities();
      for (const operation of deny) h.proxy.fault({ service: 'iam', operation }, { kind: 'access_denied' });
      const snapshot = await scanWith(h, [iam]);
      for (const operation of deny) expectFailedRecord(snapshot, `iam:${operation}`, 'access_denied');
      if (rules.length > 0) expectUnknown(snapshot, rules, `denied ${deny.join(' + ')}`);
      check?.(snapshot);
    });

    it('denied ListOrganizationsFeatures: centralized root access is unknown, not "not enabled"', async () => {
      await seedIdentities();
      await new OrganizationsClient(clientConfig(h.endpoint)).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      h.proxy.fault({ service: 'iam', operation: 'ListOrganizationsFeatures' }, { kind: 'access_denied' });
      const snapshot = await scanWith(h, [iam, organizations]);
      expectFailedRecord(snapshot, 'iam:ListOrganizationsFeatures', 'access_denied');
      expect(marks(account(snapshot))).toMatchObject({ '/CentralizedRootAccess': 'collection_failed:iam:ListOrganizationsFeatures' });
      expectUnknown(snapshot, ['root-credentials-centrally-managed'], 'ListOrganizationsFeatures denied');
    });
  });

  it('reads centralized root access from ListOrganizationsFeatures (stand-in), and its absence as not enabled', async () => {
    await seedIdentities();
    const org = await new OrganizationsClient(clientConfig(h.endpoint)).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const notEnabled = await scanWith(h, [iam, organizations]);
    expect(account(notEnabled).properties['CentralizedRootAccess']).toBeNull();
    expect(statuses(notEnabled, ['root-credentials-centrally-managed'])).toEqual({ 'root-credentials-centrally-managed': 'fail' });

    h.proxy.state.account().organizationsFeatures = { organizationId: org.Organization?.Id ?? '', enabledFeatures: ['RootCredentialsManagement', 'RootSessions'] };
    const enabled = await scanWith(h, [iam, organizations]);
    expect(account(enabled).properties['CentralizedRootAccess']).toEqual({ RootCredentialsManagement: true, RootSessions: true });
    expect(statuses(enabled, ['root-credentials-centrally-managed'])).toEqual({ 'root-credentials-centrally-managed': 'pass' });
  });

  it('persistent throttling is recorded as such and leaves the rules unknown', async () => {
    await seedIdentities();
    const throttled = ['GetAccountAuthorizationDetails', 'ListUsers', 'GetCredentialReport', 'GetAccountPasswordPolicy'];
    for (const operation of throttled) h.proxy.fault({ service: 'iam', operation }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [iam], { maxAttempts: 1 });
    for (const operation of throttled) expectFailedRecord(snapshot, `iam:${operation}`, 'throttled');
    expect(h.proxy.callsTo('iam', 'GetAccountPasswordPolicy').map((c) => c.status)).toEqual([400]);
    expectUnknown(
      snapshot,
      ['password-policy-complexity', 'password-policy-length-and-reuse', 'root-used-only-by-exception', 'iam-no-full-admin-grants', 'iam-role-used-recently', 'iam-user-console-mfa', 'iam-user-one-active-key', 'access-key-rotated-90-days'],
      'throttled',
    );
  });
});
