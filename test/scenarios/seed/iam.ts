// Test-only: seeds IAM (global) from an IamSpec: customer managed policies, groups, users (console password, MFA,
// access keys), roles (with an instance profile for EC2 roles), the account password policy, and a first credential
// report (moto answers STARTED to the first GenerateCredentialReport; the collector then finds it COMPLETE).
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Grants, IamSpec, PolicyDocument, RoleSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

/** A password moto accepts and a strong policy allows; never a secret (moto is local and wiped per test file). */
const CONSOLE_PASSWORD = 'Scenario-Passw0rd-2026!';

export interface SeededIam {
  /** Access keys created per user name, in order. */
  accessKeys: Record<string, AwsCredentialIdentity[]>;
}

const json = (document: PolicyDocument) => JSON.stringify(document);

/** Trust policies name a Principal and no Resource: not the PolicyDocument shape of permission policies. */
function trustDocument(role: RoleSpec): string {
  const account = /^\d{12}$/.test(role.trustedBy);
  const Principal = account ? { AWS: `arn:aws:iam::${role.trustedBy}:root` } : { Service: role.trustedBy };
  const Condition = {
    ...(account && role.externalId !== undefined ? { StringEquals: { 'sts:ExternalId': role.externalId } } : {}),
    ...(account && role.requireMfa ? { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } : {}),
  };
  const statement = { Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...(Object.keys(Condition).length > 0 ? { Condition } : {}) };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/** Policies, then groups, then users and roles (which reference both), each list `concurrency` at a time. */
export async function seedIam(target: SeedTarget, spec: IamSpec, homeRegion: string, concurrency = 8): Promise<SeededIam> {
  const iam = target.client(IAMClient, homeRegion);
  const policyArn = (name: string) => (name.startsWith('arn:') ? name : `arn:aws:iam::${target.accountId}:policy/${name}`);
  const grant = async (grants: Grants, put: (name: string, document: string) => Promise<unknown>, attach: (arn: string) => Promise<unknown>) => {
    for (const [name, document] of Object.entries(grants.inlinePolicies ?? {})) await put(name, json(document));
    for (const name of grants.managedPolicies ?? []) await attach(policyArn(name));
  };

  await eachLimited(spec.policies ?? [], concurrency, async (policy) => {
    await iam.send(new CreatePolicyCommand({ PolicyName: policy.name, PolicyDocument: json(policy.document) }));
  });

  await eachLimited(spec.groups ?? [], concurrency, async (group) => {
    await iam.send(new CreateGroupCommand({ GroupName: group.name }));
    await grant(
      group,
      (PolicyName, PolicyDocument) => iam.send(new PutGroupPolicyCommand({ GroupName: group.name, PolicyName, PolicyDocument })),
      (PolicyArn) => iam.send(new AttachGroupPolicyCommand({ GroupName: group.name, PolicyArn })),
    );
  });

  const accessKeys: Record<string, AwsCredentialIdentity[]> = {};
  const users = eachLimited(spec.users ?? [], concurrency, async (user) => {
    const UserName = user.name;
    await iam.send(new CreateUserCommand({ UserName, Tags: Object.entries(user.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) }));
    if (user.consolePassword) await iam.send(new CreateLoginProfileCommand({ UserName, Password: CONSOLE_PASSWORD }));
    if (user.mfa) {
      const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: UserName }));
      await iam.send(new EnableMFADeviceCommand({ UserName, SerialNumber: device.VirtualMFADevice?.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
    }
    for (const GroupName of user.groups ?? []) await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    await grant(
      user,
      (PolicyName, PolicyDocument) => iam.send(new PutUserPolicyCommand({ UserName, PolicyName, PolicyDocument })),
      (PolicyArn) => iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn })),
    );
    const keys = user.accessKeys ?? 0;
    for (let i = 0; i < keys; i++) {
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey;
      if (!key?.AccessKeyId || !key.SecretAccessKey) throw new Error(`CreateAccessKey for ${UserName} returned no key`);
      (accessKeys[UserName] ??= []).push({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey });
      if (i >= keys - (user.inactiveAccessKeys ?? 0)) await iam.send(new UpdateAccessKeyCommand({ UserName, AccessKeyId: key.AccessKeyId, Status: 'Inactive' }));
    }
  });

  const roles = eachLimited(spec.roles ?? [], concurrency, async (role) => {
    const RoleName = role.name;
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trustDocument(role), Tags: Object.entries(role.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) }));
    await grant(
      role,
      (PolicyName, PolicyDocument) => iam.send(new PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument })),
      (PolicyArn) => iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn })),
    );
    if (role.trustedBy === 'ec2.amazonaws.com') {
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: RoleName }));
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: RoleName, RoleName }));
    }
  });
  await Promise.all([users, roles]);

  const policy = spec.passwordPolicy;
  if (policy) {
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: policy.minimumLength,
        PasswordReusePrevention: policy.reusePrevention,
        RequireSymbols: policy.requireSymbols,
        RequireNumbers: policy.requireNumbers,
        RequireUppercaseCharacters: policy.requireUppercase,
        RequireLowercaseCharacters: policy.requireLowercase,
        AllowUsersToChangePassword: policy.allowUsersToChangePassword,
        MaxPasswordAge: policy.maxAgeDays,
      }),
    );
  }
  await iam.send(new GenerateCredentialReportCommand({}));
  return { accessKeys };
}
