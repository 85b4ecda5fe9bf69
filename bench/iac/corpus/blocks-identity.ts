// IAM roles, managed and inline policies, users and groups: least-privilege grants next to the admin and
// service-wildcard grants the IAM rules look for, and cross-account trust with and without an external id.
import { SHARED, resource, type Block } from './block.js';
import { getAtt, iff, join, policy, ref, sub, type Json } from './intrinsics.js';

const grant = (variant: string, id: number): Json => {
  switch (variant) {
    case 'admin':
      return { Effect: 'Allow', Action: '*', Resource: '*' };
    case 'service-wildcard':
      return { Effect: 'Allow', Action: ['s3:*', 'dynamodb:*'], Resource: '*' };
    case 'not-action':
      return { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' };
    default:
      return {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage'],
        Resource: [sub(`arn:\${AWS::Partition}:s3:::\${AWS::StackName}-${id}/*`), sub(`arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:jobs-${id}`)],
      };
  }
};

const grantVariant = (roll: number): string => (roll < 0.04 ? 'admin' : roll < 0.12 ? 'service-wildcard' : roll < 0.15 ? 'not-action' : 'scoped');

export const serviceRole: Block = {
  name: 'iam-role',
  weight: 8,
  build({ rng, id }) {
    const crossAccount = rng.chance(0.15);
    const trust = crossAccount
      ? {
          Effect: 'Allow',
          Principal: { AWS: sub(`arn:\${AWS::Partition}:iam::\${${SHARED.trustedAccount}}:root`) },
          Action: 'sts:AssumeRole',
          Condition: rng.chance(0.6) ? { StringEquals: { 'sts:ExternalId': sub(`\${AWS::StackName}-${id}`) } } : undefined,
        }
      : { Effect: 'Allow', Principal: { Service: rng.pick(['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ec2.amazonaws.com']) }, Action: 'sts:AssumeRole' };
    const out: Record<string, Json> = {
      [`WorkloadRole${id}`]: resource('AWS::IAM::Role', {
        RoleName: rng.chance(0.3) ? sub(`\${AWS::StackName}-workload-${id}`) : undefined,
        Path: '/workloads/',
        AssumeRolePolicyDocument: policy(JSON.parse(JSON.stringify(trust)) as Json),
        ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/CloudWatchAgentServerPolicy'), ...(rng.chance(0.03) ? [sub('arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess')] : [])],
        MaxSessionDuration: 3600,
        Policies: [{ PolicyName: 'workload', PolicyDocument: policy(grant(grantVariant(rng.next()), id)) }],
        PermissionsBoundary: rng.chance(0.2) ? sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/boundary') : undefined,
      }),
    };
    if (rng.chance(0.4)) {
      out[`WorkloadPolicy${id}`] = resource('AWS::IAM::ManagedPolicy', {
        Description: 'extra access',
        Roles: [ref(`WorkloadRole${id}`)],
        PolicyDocument: policy(grant(grantVariant(rng.next()), id), {
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: iff(SHARED.hasDataKey, ref(SHARED.dataKey), getAtt(SHARED.sharedKey, 'Arn')),
        }),
      });
    }
    if (rng.chance(0.3)) {
      out[`WorkloadInlinePolicy${id}`] = resource('AWS::IAM::Policy', {
        PolicyName: `inline-${id}`,
        Roles: [ref(`WorkloadRole${id}`)],
        PolicyDocument: policy({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: join('', ['arn:', ref('AWS::Partition'), ':logs:*:*:*']) }),
      });
    }
    if (rng.chance(0.4)) out[`WorkloadProfile${id}`] = resource('AWS::IAM::InstanceProfile', { Roles: [ref(`WorkloadRole${id}`)] });
    return out;
  },
};

export const humanAccess: Block = {
  name: 'iam-users',
  weight: 2,
  build({ rng, id }) {
    const out: Record<string, Json> = {
      [`Operators${id}`]: resource('AWS::IAM::Group', {
        GroupName: sub(`\${AWS::StackName}-operators-${id}`),
        ManagedPolicyArns: [sub(rng.chance(0.2) ? 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' : 'arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess')],
        Policies: [{ PolicyName: 'ops', PolicyDocument: policy(grant(grantVariant(rng.next()), id)) }],
      }),
      [`Operator${id}`]: resource('AWS::IAM::User', {
        UserName: sub(`\${AWS::StackName}-operator-${id}`),
        Groups: [ref(`Operators${id}`)],
        LoginProfile: rng.chance(0.5) ? { Password: ref(SHARED.dbPassword), PasswordResetRequired: true } : undefined,
        Policies: rng.chance(0.3) ? [{ PolicyName: 'direct', PolicyDocument: policy(grant(grantVariant(rng.next()), id)) }] : undefined,
      }),
    };
    if (rng.chance(0.3)) {
      out[`DeployUser${id}`] = resource('AWS::IAM::User', { UserName: sub(`\${AWS::StackName}-ci-${id}`), Path: '/service/', ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess')] });
      out[`DeployKey${id}`] = resource('AWS::IAM::AccessKey', { UserName: ref(`DeployUser${id}`), Status: 'Active' });
    }
    return out;
  },
};
