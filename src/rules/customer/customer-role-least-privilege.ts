/**
 * The cross-account role in the customer template grants least privilege: no administrator access, no
 * PowerUserAccess, and no wildcard that reaches IAM or STS write actions.
 *
 * N/A     roles of the template that no principal outside the customer's account can assume.
 * PASS    the role's inline, attached and template policies hold none of those grants; read-only AWS managed
 *         policies (ReadOnlyAccess, SecurityAudit, ViewOnlyAccess) and scoped actions are fine.
 * FAIL    "*:*" or AdministratorAccess, PowerUserAccess, IAMFullAccess, or a wildcard (`iam:*`, `iam:Put*`, `sts:*`,
 *         an Allow with NotAction) that covers actions creating credentials, changing policies or assuming other
 *         roles; one outcome for the role, naming every such grant.
 * UNKNOWN a policy document, an attached customer managed policy or an action is a value the template leaves
 *         unresolved; or the trust policy cannot be read and the role would fail (whether it is the partner’s role
 *         cannot then be told).
 *
 * Least privilege is judged by a reviewer against what the product needs; these grants are the ones no read or
 * integration role needs, which is what gates. Service-wide wildcards on other services are left to the reviewer.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
import { defineRule } from '../../core/index.js';
import { customerTrust } from '../_lib/customer-trust.js';
import { describeGrants, excessivePrivileges } from '../_lib/excessive-privileges.js';

export default defineRule({
  meta: {
    id: 'customer-role-least-privilege',
    title: 'The cross-account role in the customer template has no admin or IAM/STS write wildcards',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'CAA-007', gates: true, basis: 'the checklist asks for a least-privilege role policy or template supplied to customers; administrator access and IAM/STS write wildcards on the cross-account role are the clear violations' },
    ],
    resourceTypes: ['AWS::IAM::Role'],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'The role customers create is the partner’s standing access to their accounts. Administrator access, or the right to create users, keys and policies or to assume other roles, turns a compromise of the partner into a compromise of every customer account.',
    remediation: {
      summary: 'Grant the role only the read (or specific write) actions the product uses: start from SecurityAudit or ReadOnlyAccess, and list IAM actions one by one instead of iam:* or sts:*.',
      console: [
        'List the API calls the product makes in customer accounts (CloudTrail in a test account, or IAM Access Analyzer policy generation).',
        'Replace AdministratorAccess / PowerUserAccess with SecurityAudit or ReadOnlyAccess plus a scoped inline policy.',
        'Replace iam:* or sts:* with the specific read actions needed (iam:Get*, iam:List*, iam:GenerateCredentialReport).',
      ],
      cloudformation:
        'PartnerRole:\n  Type: AWS::IAM::Role\n  Properties:\n    ManagedPolicyArns: [arn:aws:iam::aws:policy/SecurityAudit]\n    Policies:\n      - PolicyName: product-read\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: [iam:GenerateCredentialReport, iam:GetCredentialReport, ce:GetCostAndUsage]\n              Resource: "*"',
      terraform:
        'resource "aws_iam_role_policy_attachment" "audit" {\n  role       = aws_iam_role.partner.name\n  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
      ],
    },
    messages: {
      leastPrivilege: 'Role {{resource}} has no administrator access and no IAM/STS write wildcard.',
      notCrossAccount: 'Role {{resource}} cannot be assumed from outside the customer account.',
      excessive: 'Role {{resource}}, assumed from outside the customer account, has excessive permissions: {{grants}}.',
    },
    needs: [],
  },
  evaluate(role, ctx) {
    const trust = customerTrust(role);
    if (trust.ok && trust.statements.length === 0) return ctx.notApplicable('notCrossAccount');
    const scan = excessivePrivileges(ctx, role);
    if (!scan.ok) return ctx.unknown(scan.reason, scan.path.startsWith('/') ? { path: scan.path } : {});
    if (scan.grants.length === 0) return ctx.pass('leastPrivilege');
    if (!trust.ok) return ctx.unknown(trust.reason, { path: trust.path });
    const first = scan.grants.find((g) => g.path.startsWith('/'));
    return ctx.fail('excessive', { grants: describeGrants(scan.grants) }, first ? { path: first.path } : {});
  },
});
