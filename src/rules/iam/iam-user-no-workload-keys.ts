/**
 * No IAM user without a console password (a machine user) holds an active access key.
 *
 * N/A     the user has a console password: a person, whose keys the other key rules judge.
 * PASS    a machine user without active access keys.
 * FAIL    (informs) a machine user with an active access key — a workload authenticating with long-term keys; the
 *         data says when and for which service the key was last used.
 * UNKNOWN the credential report, or the user's keys, could not be read.
 *
 * Informing: since 2026 IAM-012 covers applications running on AWS, and nothing the scan reads tells whether the
 * key's caller runs on AWS (CloudTrail source addresses would) or outside it — CI, an on-premises job, a vendor —
 * where IAM-002's "roles or rotated keys" applies instead. The finding is the inventory entry either way.
 * Code: a user without `LoginProfile` (Terraform `aws_iam_user_login_profile`) for which the code creates an
 * `AWS::IAM::AccessKey` (`aws_iam_access_key`), active unless `Status: Inactive` (CloudFormation's default is
 * Active) — code that hands a workload long-term keys. Keys made outside the code are seen by a live scan only.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
 */
import { defineRule } from '../../core/index.js';
import { isoDay, readTime } from '../_lib/dates.js';
import { accessKeysOf, hasConsolePassword, isActiveKey } from '../_lib/iam-identities.js';

export default defineRule({
  meta: {
    id: 'iam-user-no-workload-keys',
    title: 'Workloads do not authenticate as IAM users with long-term access keys',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-012', gates: false, basis: 'informs "workloads on AWS use role-based temporary credentials": a machine user with active keys is a workload on long-term keys, on AWS or not' },
      { checklist: 'partner-hosted', id: 'IAM-002', gates: false, basis: 'informs the static-key inventory of IAM-002: each machine user with keys belongs in it, or should become a role' },
    ],
    resourceTypes: ['AWS::IAM::User'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Keys baked into a workload are long-lived secrets that leak through images, logs and repositories. On AWS compute, instance profiles, task roles and pod identity deliver short-lived credentials automatically; outside AWS, OIDC federation or IAM Roles Anywhere do the same.',
    remediation: {
      summary: 'Give the workload a role (instance profile, ECS task role, EKS pod identity, Lambda execution role; OIDC or Roles Anywhere outside AWS), then delete the user’s keys.',
      console: [
        'Create an IAM role with the user’s permissions and a trust policy for the compute service (or your OIDC provider).',
        'Attach it to the workload (EC2 > Modify IAM role, ECS task definition taskRoleArn, Lambda execution role …) and remove the key from its configuration.',
        'Deactivate, then delete the user’s access keys; delete the user once unused.',
      ],
      cli: 'aws iam create-role --role-name app-role --assume-role-policy-document file://trust-ec2.json\naws iam create-instance-profile --instance-profile-name app-role\naws iam add-role-to-instance-profile --instance-profile-name app-role --role-name app-role\naws ec2 associate-iam-instance-profile --instance-id <ID> --iam-instance-profile Name=app-role\naws iam update-access-key --user-name <USER> --access-key-id <KEY_ID> --status Inactive',
      cloudformation: 'AppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal: { Service: ecs-tasks.amazonaws.com }\n          Action: sts:AssumeRole\nTaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    TaskRoleArn: !GetAtt AppRole.Arn\n    # ...',
      terraform: 'resource "aws_iam_role" "app" {\n  name               = "app"\n  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json\n}\nresource "aws_ecs_task_definition" "app" {\n  task_role_arn = aws_iam_role.app.arn\n  # ...\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
        'https://docs.aws.amazon.com/rolesanywhere/latest/userguide/introduction.html',
      ],
    },
    messages: {
      noKeys: 'Machine user {{resource}} holds no active access key.',
      workloadKeys: 'Machine user {{resource}} (no console password) has {{count}} active access key(s), last used {{lastUsed}} for {{service}}: a workload on long-term keys.',
      codeKeys: 'Machine user {{resource}} (no console password) gets {{count}} active access key(s) from the code: a workload on long-term keys.',
    },
    needs: ['iam:ListUsers', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  },
  evaluate(user, ctx) {
    const password = hasConsolePassword(ctx, user);
    if (password === undefined) return ctx.unknown('missing_data:CredentialReport.PasswordEnabled', { path: '/CredentialReport' });
    if (password) return ctx.notApplicable();
    const keys = accessKeysOf(ctx, user);
    if (!keys.complete) return ctx.unknown(keys.reason ?? 'not_collected:AWS::IAM::AccessKey', { path: '@AWS::IAM::AccessKey' });
    const states = keys.resources.map((k) => isActiveKey(ctx, k));
    if (states.includes(undefined)) return ctx.unknown('missing_data:AccessKey.Status');
    const active = keys.resources.filter((_, i) => states[i] === true);
    if (active.length === 0) return ctx.pass('noKeys');
    if (user.source !== 'live') return ctx.fail('codeKeys', { count: active.length }, { path: '@AWS::IAM::AccessKey' });
    let lastUsed: Date | undefined;
    let service = 'no service';
    for (const key of active) {
      const used = ctx.unknownAt(key, '/LastUsedDate') ? undefined : readTime(ctx, key, '/LastUsedDate');
      if (used && (!lastUsed || used > lastUsed)) {
        lastUsed = used;
        const s = ctx.unknownAt(key, '/LastUsedService') ? undefined : ctx.get(key, '/LastUsedService');
        service = typeof s === 'string' && s !== '' && s !== 'N/A' ? s : 'an unrecorded service';
      }
    }
    return ctx.fail('workloadKeys', { count: active.length, lastUsed: lastUsed ? isoDay(lastUsed) : 'never', service }, { path: '@AWS::IAM::AccessKey' });
  },
});
