/**
 * Every account turns on all four S3 Block Public Access settings at the account level.
 *
 * N/A     never: every account has the setting.
 * PASS    BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets are all true.
 * FAIL    any of them is off, or no account-level configuration exists (`S3PublicAccessBlock: null`).
 * UNKNOWN S3 Control GetPublicAccessBlock was denied or not collected.
 *
 * Informs S3-001: the checklist asks for reviewed access and justified public buckets, not for this guardrail; but
 * with all four on, no bucket in the account can be public, which makes the review trivial.
 *
 * Live only: the setting belongs to the account, CloudFormation has no resource type for it, and the Terraform
 * parser keeps `aws_s3_account_public_access_block` unmapped; a template never shows it.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export default defineRule({
  meta: {
    id: 's3-account-public-access-block',
    title: 'S3 Block Public Access is fully on at the account level',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'S3-001',
        gates: false,
        basis: 'informs the bucket access review: with all four account-level settings on, no bucket of the account can be public',
      },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Account-level Block Public Access overrides every bucket setting, ACL and policy, so a future mistake in one bucket cannot make data public. Buckets that must be public are better served through CloudFront with Origin Access Control, which works with the block on.',
    remediation: {
      summary: 'Turn on all four Block Public Access settings for the account (or through an AWS Organizations S3 policy for every account).',
      console: [
        'Open the S3 console and choose "Block Public Access settings for this account".',
        'Choose Edit, tick "Block all public access", Save changes and confirm.',
      ],
      cli: 'aws s3control put-public-access-block --account-id 111122223333 \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      cloudformation:
        '# No native resource type for the account-level block; apply it once per account with the CLI above,\n# or organization-wide with an AWS Organizations S3 policy: { "s3_attributes": { "public_access_block_configuration": { "@@assign": "all" } } }',
      terraform:
        'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_s3.html',
      ],
    },
    messages: {
      fullyBlocked: 'Account {{resource}} blocks public access to S3 with all four settings.',
      notConfigured: 'Account {{resource}} has no account-level S3 Block Public Access configuration.',
      partlyBlocked: 'Account {{resource}} leaves S3 Block Public Access settings off: {{off}}.',
    },
    needs: ['s3:GetAccountPublicAccessBlock'],
  },
  evaluate(account: Resource, ctx) {
    const config = ctx.get(account, '/S3PublicAccessBlock');
    if (config === undefined) return ctx.unknown('missing_data:S3PublicAccessBlock', { path: '/S3PublicAccessBlock' });
    if (!isRecord(config)) return ctx.fail('notConfigured', {}, { path: '/S3PublicAccessBlock' });
    const off = SETTINGS.filter((s) => config[s] !== true);
    return off.length === 0 ? ctx.pass('fullyBlocked') : ctx.fail('partlyBlocked', { off: off.join(', ') }, { path: '/S3PublicAccessBlock' });
  },
});
