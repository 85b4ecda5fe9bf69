/**
 * Every role, user and group a customer-deployed template creates has least-privilege permissions: no administrator
 * access, no PowerUserAccess, no wildcard that reaches IAM or STS write actions.
 *
 * N/A     never: every role, user and group of the template is judged.
 * PASS    none of the identity’s inline, attached or template policies holds such a grant.
 * FAIL    "*:*" or AdministratorAccess, PowerUserAccess, IAMFullAccess, or a wildcard (`iam:*`, `iam:Put*`, `sts:*`, an
 *         Allow with NotAction) covering actions that create credentials, change policies or assume other roles.
 * UNKNOWN a policy document, an attached customer managed policy or an action is a value the template leaves
 *         unresolved.
 *
 * The checklist asks that every permission the deployment grants follows least privilege (and that the guide says
 * why). Full access and the power to grant oneself more are the violations a reviewer never accepts, so they gate;
 * whether the remaining actions are all needed stays the reviewer's judgement (IAM Access Analyzer's
 * ValidatePolicy helps there).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html
 */
import { defineRule } from '../../core/index.js';
import { describeGrants, excessivePrivileges } from '../_lib/excessive-privileges.js';

const KIND: Record<string, string> = { 'AWS::IAM::User': 'IAM user', 'AWS::IAM::Role': 'Role', 'AWS::IAM::Group': 'IAM group' };

export default defineRule({
  meta: {
    id: 'customer-template-least-privilege',
    title: 'Identities in the customer template have no admin or IAM/STS write wildcards',
    severity: 'high',
    requirements: [
      { checklist: 'customer-deployed', id: 'DSEC-003', gates: true, basis: 'the checklist asks that every permission the deployment grants follows least privilege; administrator access and IAM/STS write wildcards in the shipped template are the clear violations' },
    ],
    resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'What the template grants runs in the customer’s account with the customer’s data. An instance or function role with administrator access, or with the right to create keys and policies, turns one bug or leaked credential in the product into a takeover of the customer account.',
    remediation: {
      summary: 'Scope each role and policy in the template to the actions and resources the software uses, and explain each in the deployment guide.',
      console: [
        'Run IAM Access Analyzer policy validation (or cfn-lint / checkov) on the template’s policies.',
        'Replace AdministratorAccess / PowerUserAccess and iam:* / sts:* with the specific actions the software calls, on its own resources.',
        'Document each role and why it needs what it has (DSEC-006).',
      ],
      cli: 'aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY --policy-document file://policy.json',
      cloudformation:
        'AppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: app\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: [s3:GetObject, s3:PutObject]\n              Resource: !Sub "${DataBucket.Arn}/*"',
      terraform:
        'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["${aws_s3_bucket.data.arn}/*"]\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html',
      ],
    },
    messages: {
      leastPrivilege: '{{kind}} {{resource}} has no administrator access and no IAM/STS write wildcard.',
      excessive: '{{kind}} {{resource}} in the customer template has excessive permissions: {{grants}}.',
    },
    needs: [],
  },
  evaluate(identity, ctx) {
    const kind = KIND[identity.type] ?? identity.type;
    const scan = excessivePrivileges(ctx, identity);
    if (!scan.ok) return ctx.unknown(scan.reason, scan.path.startsWith('/') ? { path: scan.path } : {});
    if (scan.grants.length === 0) return ctx.pass('leastPrivilege', { kind });
    const first = scan.grants.find((g) => g.path.startsWith('/'));
    return ctx.fail('excessive', { kind, grants: describeGrants(scan.grants) }, first ? { path: first.path } : {});
  },
});
