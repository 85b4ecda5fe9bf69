/**
 * The template shipped to customers gives the partner access through a cross-account IAM role, never through an IAM
 * user and its long-term access keys.
 *
 * N/A     a role of the template that no principal outside the customer's account can assume (a Lambda role, say).
 * PASS    a role that a principal outside the deploying account (the partner's account, a web-identity issuer) can
 *         assume: the role-based access CAA-001 asks for.
 * FAIL    the template creates an IAM access key (`AWS::IAM::AccessKey`, `aws_iam_access_key`), or an IAM user, whose
 *         credentials the customer would have to hand over: long-term keys instead of a role.
 * UNKNOWN the role's trust policy names a principal the template leaves unresolved, so whether it is cross-account
 *         cannot be told.
 *
 * One rule for two requirements, from two angles: CAA-001 asks that customer accounts are reached through roles,
 * CAA-003 that customer-supplied keys are deprecated. A template that still mints a user and keys for new customers
 * contradicts both; a role-only template is the evidence of the new flow, while the deprecation notice and the fate
 * of keys already held stay with the attestation.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
 */
import { defineRule } from '../../core/index.js';
import { customerTrust } from '../_lib/customer-trust.js';

export default defineRule({
  meta: {
    id: 'customer-access-through-role',
    title: 'The customer template grants access through a role, not IAM user access keys',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'CAA-001', gates: true, basis: 'the checklist asks that customer accounts are accessed by assuming a cross-account role, not with access keys; the onboarding template shows which one customers set up' },
      { checklist: 'partner-hosted', id: 'CAA-003', gates: true, basis: 'the checklist asks that customer-provided IAM keys are deprecated; an onboarding template that still creates an IAM user or access key for new customers contradicts it (the deprecation notice itself is attested)' },
    ],
    resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::AccessKey'],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'Access keys handed over by customers are long-lived secrets the partner must store, rotate and protect, and calls made with them are logged in the customer account only. A cross-account role gives short-lived credentials, can be revoked by the customer at any time, and is guarded by an external id.',
    remediation: {
      summary: 'Replace the IAM user and access key in the onboarding template with a role the partner account assumes, guarded by an external id.',
      console: [
        'Remove the AWS::IAM::User and AWS::IAM::AccessKey resources (and any output that returns the secret key) from the template.',
        'Add an AWS::IAM::Role whose trust policy names the partner account and requires sts:ExternalId.',
        'Onboard new customers with the role ARN; ask existing customers to switch and delete their keys.',
      ],
      cloudformation:
        'PartnerRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${PartnerAccountId}:root" }\n          Action: sts:AssumeRole\n          Condition: { StringEquals: { "sts:ExternalId": !Ref ExternalId } }\n    ManagedPolicyArns: [arn:aws:iam::aws:policy/SecurityAudit]',
      terraform:
        'resource "aws_iam_role" "partner" {\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::${var.partner_account_id}:root" }\n      Action    = "sts:AssumeRole"\n      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }\n    }]\n  })\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
      ],
    },
    messages: {
      crossAccountRole: 'Role {{resource}} lets {{principals}} in from outside the customer account: access through a role.',
      notCrossAccount: 'Role {{resource}} cannot be assumed from outside the customer account.',
      accessKey: 'The customer template creates the IAM access key {{resource}}: long-term credentials the customer would hand over.',
      iamUser: 'The customer template creates the IAM user {{resource}}: its credentials would be handed to the partner instead of a role.',
    },
    needs: [],
  },
  evaluate(resource, ctx) {
    if (resource.type === 'AWS::IAM::AccessKey') return ctx.fail('accessKey');
    if (resource.type === 'AWS::IAM::User') return ctx.fail('iamUser');
    const trust = customerTrust(resource);
    if (!trust.ok) return ctx.unknown(trust.reason, { path: trust.path });
    const outside = trust.statements.flatMap((s) => s.outside);
    if (outside.length === 0) return ctx.notApplicable('notCrossAccount');
    const unresolved = outside.find((p) => p.kind === 'unresolved');
    if (unresolved && outside.every((p) => p.kind === 'unresolved')) return ctx.unknown(unresolved.reason ?? 'unresolved:Principal', { path: '/AssumeRolePolicyDocument' });
    const principals = [...new Set(outside.filter((p) => p.kind !== 'unresolved').map((p) => p.principal))].join(', ');
    return ctx.pass('crossAccountRole', { principals });
  },
});
