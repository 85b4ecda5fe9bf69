import { Unresolved } from '../../shared/values.js';
import { at, blocks, bool, compact, json, list, num, opt } from './helpers.js';
import { oneToOne, type TfAttachment, type TfMapping } from './types.js';

function inlinePolicies(values: Record<string, unknown>): unknown {
  const policies = blocks(values, 'inline_policy');
  if (policies instanceof Unresolved) return policies.reason.startsWith('computed:') ? undefined : policies;
  const named = policies.filter((policy) => opt(at(policy, 'name')) !== undefined || opt(at(policy, 'policy')) !== undefined);
  return named.length === 0 ? undefined : named.map((policy) => ({ PolicyName: at(policy, 'name'), PolicyDocument: json(at(policy, 'policy')) }));
}

/** Attributes Terraform computes when they are not written (exclusive management of attachments). */
function written(value: unknown): unknown {
  return value instanceof Unresolved && value.reason.startsWith('computed:') ? undefined : opt(value);
}

function attachTo(targets: string[], via: string, contribute: TfAttachment['contribute'], merge: TfAttachment['merge'] = 'append'): TfAttachment {
  return { targets, via, targetKey: 'name', contribute, merge };
}

const policyArn = (values: Record<string, unknown>): Record<string, unknown> => ({ ManagedPolicyArns: [at(values, 'policy_arn')] });

export const IAM_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_iam_role: oneToOne('AWS::IAM::Role', (values) =>
    compact({
      RoleName: opt(at(values, 'name')),
      Path: opt(at(values, 'path')),
      AssumeRolePolicyDocument: json(at(values, 'assume_role_policy')),
      ManagedPolicyArns: written(at(values, 'managed_policy_arns')),
      Policies: inlinePolicies(values),
      MaxSessionDuration: num(opt(at(values, 'max_session_duration'))),
      PermissionsBoundary: opt(at(values, 'permissions_boundary')),
    }) ?? {},
  ),
  aws_iam_role_policy: oneToOne('AWS::IAM::Policy', (values) => ({ PolicyName: at(values, 'name'), PolicyDocument: json(at(values, 'policy')), Roles: list(at(values, 'role')) })),
  aws_iam_user_policy: oneToOne('AWS::IAM::Policy', (values) => ({ PolicyName: at(values, 'name'), PolicyDocument: json(at(values, 'policy')), Users: list(at(values, 'user')) })),
  aws_iam_group_policy: oneToOne('AWS::IAM::Policy', (values) => ({ PolicyName: at(values, 'name'), PolicyDocument: json(at(values, 'policy')), Groups: list(at(values, 'group')) })),
  aws_iam_policy: oneToOne('AWS::IAM::ManagedPolicy', (values) => compact({ ManagedPolicyName: opt(at(values, 'name')), Path: opt(at(values, 'path')), Description: opt(at(values, 'description')), PolicyDocument: json(at(values, 'policy')) }) ?? {}),
  aws_iam_user: oneToOne('AWS::IAM::User', (values) => compact({ UserName: at(values, 'name'), Path: opt(at(values, 'path')), PermissionsBoundary: opt(at(values, 'permissions_boundary')) }) ?? {}),
  aws_iam_group: oneToOne('AWS::IAM::Group', (values) => compact({ GroupName: at(values, 'name'), Path: opt(at(values, 'path')) }) ?? {}),
  aws_iam_access_key: oneToOne('AWS::IAM::AccessKey', (values) => ({ UserName: at(values, 'user'), Status: opt(at(values, 'status')) ?? 'Active' })),
  aws_iam_instance_profile: oneToOne('AWS::IAM::InstanceProfile', (values) => compact({ InstanceProfileName: opt(at(values, 'name')), Roles: list(opt(at(values, 'role'))) }) ?? {}),
  aws_iam_account_password_policy: oneToOne('AWS::IAM::AccountPasswordPolicy', (values) => {
    const maxAge = num(opt(at(values, 'max_password_age')));
    return compact({
      MinimumPasswordLength: num(at(values, 'minimum_password_length')) ?? 6,
      RequireSymbols: bool(at(values, 'require_symbols')) ?? false,
      RequireNumbers: bool(at(values, 'require_numbers')) ?? false,
      RequireUppercaseCharacters: bool(at(values, 'require_uppercase_characters')) ?? false,
      RequireLowercaseCharacters: bool(at(values, 'require_lowercase_characters')) ?? false,
      AllowUsersToChangePassword: bool(at(values, 'allow_users_to_change_password')) ?? true,
      ExpirePasswords: maxAge instanceof Unresolved ? maxAge : typeof maxAge === 'number' && maxAge > 0,
      MaxPasswordAge: maxAge,
      PasswordReusePrevention: num(opt(at(values, 'password_reuse_prevention'))),
      HardExpiry: bool(at(values, 'hard_expiry')) ?? false,
    }) ?? {};
  }),
};

export const IAM_ATTACHMENTS: Readonly<Record<string, TfAttachment>> = {
  aws_iam_role_policy_attachment: attachTo(['aws_iam_role'], 'role', policyArn),
  aws_iam_user_policy_attachment: attachTo(['aws_iam_user'], 'user', policyArn),
  aws_iam_group_policy_attachment: attachTo(['aws_iam_group'], 'group', policyArn),
  aws_iam_user_login_profile: attachTo(['aws_iam_user'], 'user', (values) => ({ LoginProfile: compact({ PasswordResetRequired: bool(at(values, 'password_reset_required')) }) ?? {} }), 'set'),
  aws_iam_user_group_membership: attachTo(['aws_iam_user'], 'user', (values) => ({ Groups: at(values, 'groups') }), 'append'),
  // The members of a group, as a live group lists them (`Users`).
  aws_iam_group_membership: attachTo(['aws_iam_group'], 'group', (values) => ({ Users: at(values, 'users') }), 'append'),
};
