/**
 * No resource policy in the customer template denies every principal the right to change or delete it, which would
 * leave the customer's root user as the only way back in.
 *
 * N/A     never: every bucket and queue policy of the template is judged.
 * PASS    the policy has no unconditional Deny for everyone covering the actions that edit or delete it.
 * FAIL    a Deny with `Principal: "*"` and no Condition covers `s3:PutBucketPolicy` / `s3:DeleteBucketPolicy` (a bucket
 *         policy) or `sqs:SetQueueAttributes` (a queue policy): after deployment only the root user can repair it.
 * UNKNOWN the policy document, or an action or principal of a Deny statement, is a value the template leaves
 *         unresolved.
 *
 * This is the one way a CloudFormation or Terraform template can make the customer need root: nothing a template
 * creates needs root to deploy (CloudFormation acts with the deployer’s IAM permissions, never as root), but AWS lists
 * "edit or delete an Amazon S3 bucket policy (or SQS queue policy) that denies all principals" among the tasks only
 * the root user can do. A trust policy naming `arn:aws:iam::<account>:root` is not such a case: it designates the
 * whole account, not the root user. The signal is narrow, so it informs DSEC-002 rather than gating it; that
 * installing and operating need no root stays attested (a sandbox CloudTrail with no Root events is the evidence).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks
 */
import { defineRule, type Outcome } from '../../core/index.js';
import { hasUnresolved, parsePolicy, statementCoversAction } from '../_lib/policy-document.js';

const REPAIR_ACTIONS: Record<string, string[]> = {
  'AWS::S3::BucketPolicy': ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'],
  'AWS::SQS::QueuePolicy': ['sqs:SetQueueAttributes'],
};

export default defineRule({
  meta: {
    id: 'customer-template-no-root-lockout',
    title: 'No policy in the customer template locks out every principal but the root user',
    severity: 'medium',
    requirements: [
      { checklist: 'customer-deployed', id: 'DSEC-002', gates: false, basis: 'informs whether operating the deployment could need the root user: a resource policy that denies everyone its own repair can only be fixed by root' },
    ],
    resourceTypes: ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy'],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'A bucket or queue policy that denies all principals everything, with no condition, locks out every IAM user and role, administrators included. Only the account’s root user can then edit or delete the policy, so customers would have to use root to operate the software.',
    remediation: {
      summary: 'Give every Deny-all statement a condition (aws:SecureTransport, aws:PrincipalArn of the roles that keep access, aws:SourceVpce …), or exclude the policy-management actions from it.',
      console: [
        'In the template, find the Deny statements with Principal "*" and Action "s3:*" (or "*").',
        'Add the condition that says what is denied (for example Bool aws:SecureTransport false), or an ArnNotLike aws:PrincipalArn exception for an administrator role.',
      ],
      cloudformation:
        'Statement:\n  - Effect: Deny\n    Principal: "*"\n    Action: "s3:*"\n    Resource: [!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"]\n    Condition:\n      Bool: { "aws:SecureTransport": "false" }',
      terraform:
        'statement {\n  effect    = "Deny"\n  actions   = ["s3:*"]\n  resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]\n  principals {\n    type        = "*"\n    identifiers = ["*"]\n  }\n  condition {\n    test     = "Bool"\n    variable = "aws:SecureTransport"\n    values   = ["false"]\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks',
        'https://repost.aws/knowledge-center/s3-accidentally-denied-access',
      ],
    },
    messages: {
      noLockout: 'Policy {{resource}} leaves its own repair to IAM principals; no root user is needed.',
      lockout: 'Policy {{resource}} denies every principal {{actions}} without a condition: only the root user could change it after deployment.',
    },
    needs: [],
  },
  evaluate(policy, ctx) {
    const parsed = parsePolicy(ctx.get(policy, '/PolicyDocument'));
    if (!parsed.ok) return ctx.unknown('invalid_policy:PolicyDocument', { path: '/PolicyDocument' });
    const actions = REPAIR_ACTIONS[policy.type] ?? [];
    const outcomes: Outcome[] = [];
    for (const [i, s] of parsed.statements.entries()) {
      if (s.effect !== 'Deny' || Object.keys(s.conditions).length > 0 || s.notPrincipal) continue;
      if (hasUnresolved(s)) {
        outcomes.push(ctx.unknown('unresolved:PolicyDocument.Statement', { path: `/PolicyDocument/Statement/${i}` }));
        continue;
      }
      if (!s.principal?.anyone) continue;
      const covered = actions.filter((a) => statementCoversAction(s, a));
      if (covered.length > 0) outcomes.push(ctx.fail('lockout', { actions: covered.join(', ') }, { path: `/PolicyDocument/Statement/${i}` }));
    }
    return outcomes.length > 0 ? outcomes : ctx.pass('noLockout');
  },
});
