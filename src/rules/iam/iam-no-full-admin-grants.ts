/**
 * No IAM user, role or group holds full administrator access ("*" on "*"), except break-glass identities.
 *
 * N/A     service-linked roles (AWS sets their permissions).
 * PASS    no attached or inline policy allows every action on every resource; or the identity is break-glass
 *         (named `break-glass…` or tagged `break-glass=true`) or the Organizations / Control Tower access role; or a
 *         permissions boundary that is not itself full access caps it; or the group has no members.
 * FAIL    AdministratorAccess, or a customer managed or inline policy with `Allow` `Action: "*"` `Resource: "*"`, on a
 *         user, a role (IAM Identity Center permission-set roles get their own message) or a group with members.
 * UNKNOWN a policy document, an attached customer managed policy, the permissions boundary or the group's members
 *         could not be read; or full access is granted and the identity's tags (a break-glass tag) could not be read.
 *
 * Least privilege is a principle the reviewer judges against the permission model; the clear violation is "*:*"
 * given to an identity that is not break-glass, which is what gates (Security Hub IAM.1). Service-wide wildcards and
 * `NotAction` grants are informed by `iam-no-service-wildcard-grants`. An admin permission set kept for a small
 * administrator group is a legitimate choice: waive its role with who holds it and why.
 * Code: inline `Policies`, `ManagedPolicyArns` (AWS managed by name, customer managed when the input defines them)
 * and the `AWS::IAM::Policy` / `ManagedPolicy` resources (Terraform `aws_iam_*_policy`, attachments) that name the
 * identity; a group's members are the users the input puts in it. A policy ARN from a parameter, an `ImportValue`,
 * or a customer managed policy the input does not define is unknown.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1
 */
import { defineRule } from '../../core/index.js';
import { adminExemption, isIdentityCenterRole } from '../_lib/admin-exemptions.js';
import { tagsUnknown } from '../_lib/tags.js';
import { groupMembers } from '../_lib/iam-group-members.js';
import { isServiceLinkedRole } from '../_lib/iam-identities.js';
import { identityPolicies, managedPolicy } from '../_lib/identity-policies.js';
import { fullAdminGrants } from '../_lib/policy-grants.js';
import { isRecord } from '../_lib/values.js';

const KIND: Record<string, string> = { 'AWS::IAM::User': 'IAM user', 'AWS::IAM::Role': 'Role', 'AWS::IAM::Group': 'IAM group' };

export default defineRule({
  meta: {
    id: 'iam-no-full-admin-grants',
    title: 'No user, role or group other than break-glass holds full "*:*" administrator access',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-006', gates: true, basis: 'the checklist asks for least-privilege permissions; "*" on "*" granted to an identity that is not break-glass is the clear violation' },
    ],
    resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Full administrator access lets a leaked credential or a compromised workload do anything: read every secret, disable logging, delete backups. Workloads and everyday users need a fraction of it; full access belongs to a guarded break-glass identity.',
    remediation: {
      summary: 'Replace AdministratorAccess and "*:*" policies with policies scoped to the actions and resources the identity uses; keep full access only on break-glass identities.',
      console: [
        'Open IAM > the user, role or group > Permissions.',
        'Use Access Advisor (Last accessed) or IAM Access Analyzer policy generation to see what it really uses.',
        'Attach a scoped policy, then detach AdministratorAccess / delete the "*:*" statement.',
        'For an intentional emergency identity, name it break-glass-… or tag it break-glass=true and document its use.',
      ],
      cli: 'aws iam list-attached-role-policies --role-name <ROLE>\naws accessanalyzer start-policy-generation --policy-generation-details principalArn=arn:aws:iam::<ACCOUNT>:role/<ROLE> --cloud-trail-details file://trail.json\naws iam detach-role-policy --role-name <ROLE> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      cloudformation: 'AppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument: { ... }\n    Policies:\n      - PolicyName: app\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: ["s3:GetObject", "s3:PutObject"]\n              Resource: !Sub "arn:${AWS::Partition}:s3:::${DataBucket}/*"',
      terraform: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["${aws_s3_bucket.data.arn}/*"]\n  }\n}\nresource "aws_iam_role_policy" "app" {\n  role   = aws_iam_role.app.id\n  policy = data.aws_iam_policy_document.app.json\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
      ],
    },
    messages: {
      noFullAdmin: '{{kind}} {{resource}} has no "*:*" grant.',
      exempt: '{{kind}} {{resource}} has full access as a {{exemption}} identity; keep its use documented and monitored.',
      bounded: '{{kind}} {{resource}} has a "*:*" grant ({{policies}}) capped by the permissions boundary {{boundary}}.',
      emptyGroup: 'IAM group {{resource}} grants "*:*" ({{policies}}) but has no members.',
      fullAdmin: '{{kind}} {{resource}} has full administrator access through {{policies}}.',
      identityCenterAdmin: 'IAM Identity Center permission-set role {{resource}} has full administrator access through {{policies}}; limit who is assigned it, or waive it naming the administrators.',
    },
    needs: ['iam:GetAccountAuthorizationDetails'],
  },
  evaluate(identity, ctx) {
    const kind = KIND[identity.type] ?? identity.type;
    if (identity.type === 'AWS::IAM::Role' && isServiceLinkedRole(ctx, identity)) return ctx.notApplicable();
    const found = identityPolicies(ctx, identity);
    if (!found.ok) return ctx.unknown(found.reason, { path: found.path });
    const admin: string[] = [];
    for (const policy of found.policies) {
      const scan = fullAdminGrants(policy);
      if (!scan.ok) return ctx.unknown(scan.reason, { path: policy.path });
      if (scan.statements.length > 0) admin.push(`${policy.kind === 'inline' ? 'inline policy' : 'policy'} ${policy.name}`);
    }
    if (admin.length === 0) return ctx.pass('noFullAdmin', { kind });
    const policies = admin.join(', ');

    const exemption = adminExemption(identity);
    if (exemption) return ctx.pass('exempt', { kind, exemption });
    if (identity.type === 'AWS::IAM::Group') {
      const members = groupMembers(ctx, identity);
      if (!members.known) return ctx.unknown(members.reason, { path: members.path });
      if (members.count === 0) return ctx.pass('emptyGroup', { policies });
    } else {
      // An ARN, as in CloudFormation; IAM's own `{ PermissionsBoundaryArn }` shape is accepted too.
      const raw = ctx.get(identity, '/PermissionsBoundary');
      const boundary = isRecord(raw) ? raw['PermissionsBoundaryArn'] : raw;
      if (boundary !== undefined && boundary !== null) {
        const cap = managedPolicy(ctx, identity, boundary, '/PermissionsBoundary');
        if (!cap.ok) return ctx.unknown(cap.reason, { path: cap.path });
        const capScan = fullAdminGrants(cap.policy);
        if (!capScan.ok) return ctx.unknown(capScan.reason, { path: '/PermissionsBoundary' });
        if (capScan.statements.length === 0) return ctx.pass('bounded', { kind, policies, boundary: cap.policy.name });
      }
    }
    // A break-glass tag would exempt it: with the tags unread, that cannot be ruled out.
    const tags = tagsUnknown(identity);
    if (tags !== undefined) return ctx.unknown(tags, { path: '@tags' });
    const path = '/ManagedPolicyArns';
    return isIdentityCenterRole(identity) ? ctx.fail('identityCenterAdmin', { policies }, { path }) : ctx.fail('fullAdmin', { kind, policies }, { path });
  },
});
