/**
 * No IAM user, role or group is granted whole services (`s3:*`) or "everything except" (`NotAction`) on every
 * resource.
 *
 * N/A     service-linked roles, and break-glass / Organizations access identities (full access on purpose).
 * PASS    no attached or inline policy allows a service-wide wildcard or a `NotAction` on `Resource: "*"`.
 * FAIL    (informs) such a statement, or an AWS managed `…FullAccess` / `PowerUserAccess` policy, is attached; the data
 *         lists the wildcards. "*:*" itself is `iam-no-full-admin-grants`' business and is not repeated here.
 * UNKNOWN a policy document or an attached customer managed policy could not be read; or such a grant is found and the
 *         identity's tags (a break-glass tag would make it not applicable) could not be read.
 *
 * Informing: whether `dynamodb:*` on every table is more than a role needs depends on the permission model the
 * reviewer reads (IAM-006 evidence); such grants are where least privilege usually slips, so they are shown.
 * Code: the policies are gathered as `iam-no-full-admin-grants` gathers them; an action or resource a template
 * leaves unresolved may be the wildcard, so a policy with one is unknown unless a wildcard is found anyway.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
import { defineRule } from '../../core/index.js';
import { adminExemption } from '../_lib/admin-exemptions.js';
import { tagsUnknown } from '../_lib/tags.js';
import { isServiceLinkedRole } from '../_lib/iam-identities.js';
import { identityPolicies } from '../_lib/identity-policies.js';
import { serviceWildcardGrants } from '../_lib/policy-grants.js';

const KIND: Record<string, string> = { 'AWS::IAM::User': 'IAM user', 'AWS::IAM::Role': 'Role', 'AWS::IAM::Group': 'IAM group' };

export default defineRule({
  meta: {
    id: 'iam-no-service-wildcard-grants',
    title: 'No identity is granted whole services or NotAction on all resources',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-006', gates: false, basis: 'informs least privilege: service-wide wildcards and NotAction grants on "*" are broader than most jobs need' },
    ],
    resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      '`s3:*` on every bucket includes deleting them and rewriting their policies; `NotAction` on "*" grants every new service AWS launches. Wildcards like these turn a small compromise into a large one.',
    remediation: {
      summary: 'Replace service-wide wildcards with the actions the identity uses, on the resources it uses; replace NotAction grants with explicit Allow lists.',
      console: [
        'Open IAM > the identity > Access Advisor to see which services and actions it has used.',
        'Generate a policy from CloudTrail with IAM Access Analyzer, review it, and replace the wildcard policy.',
      ],
      cli: 'aws iam generate-service-last-accessed-details --arn <IDENTITY_ARN> --granularity ACTION_LEVEL\naws iam get-service-last-accessed-details --job-id <JOB_ID>',
      cloudformation: 'Statement:\n  - Effect: Allow\n    Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]\n    Resource: !GetAtt OrdersTable.Arn',
      terraform: 'statement {\n  actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]\n  resources = [aws_dynamodb_table.orders.arn]\n}',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html'],
    },
    messages: {
      scoped: '{{kind}} {{resource}} has no service-wide or NotAction grant on all resources.',
      wildcards: '{{kind}} {{resource}} is granted {{grants}} on all resources (through {{policies}}).',
    },
    needs: ['iam:GetAccountAuthorizationDetails'],
  },
  evaluate(identity, ctx) {
    const kind = KIND[identity.type] ?? identity.type;
    if (identity.type === 'AWS::IAM::Role' && isServiceLinkedRole(ctx, identity)) return ctx.notApplicable();
    if (adminExemption(identity)) return ctx.notApplicable();
    const found = identityPolicies(ctx, identity);
    if (!found.ok) return ctx.unknown(found.reason, { path: found.path });
    const grants = new Set<string>();
    const policies: string[] = [];
    for (const policy of found.policies) {
      const scan = serviceWildcardGrants(policy);
      if (!scan.ok) return ctx.unknown(scan.reason, { path: policy.path });
      if (scan.statements.length === 0) continue;
      scan.detail.forEach((d) => grants.add(d));
      policies.push(policy.name);
    }
    if (grants.size === 0) return ctx.pass('scoped', { kind });
    const tags = tagsUnknown(identity);
    if (tags !== undefined) return ctx.unknown(tags, { path: '@tags' });
    return ctx.fail('wildcards', { kind, grants: [...grants].join(', '), policies: policies.join(', ') }, { path: '/Policies' });
  },
});
