/**
 * No S3 bucket is public through its ACL or its bucket policy, once Block Public Access is taken into account.
 *
 * N/A     never: every bucket is judged.
 * PASS    neither the ACL nor the policy grants public access, or what they grant is neutralised: IgnorePublicAcls
 *         (bucket or account) for ACL grants, RestrictPublicBuckets (bucket or account) for policy grants, or ACLs
 *         disabled by Object Ownership "bucket owner enforced".
 * FAIL    the ACL grants AllUsers/AuthenticatedUsers, or a policy statement allows `Principal: *` (or `NotPrincipal`)
 *         an S3 read/write/list/ACL action without a restricting condition (aws:SourceVpc(e), aws:SourceIp, aws:SourceArn,
 *         aws:SourceAccount, aws:PrincipalOrgID …) and without a Deny that shuts everyone else out — and the matching
 *         Block Public Access setting is off. A bucket that must be public (a static website behind no CDN, say)
 *         is covered by a waiver with the reason: the justification S3-001 asks for.
 * UNKNOWN the ACL, the policy (GetBucketPolicy denied marks the bucket `@AWS::S3::BucketPolicy`) or a Block Public
 *         Access setting that decides the outcome could not be read. S3's own policy status (`PolicyStatus.IsPublic`)
 *         stands in for an unreadable policy.
 *
 * Templates: a bucket without `PublicAccessBlockConfiguration` gets all four settings on (S3 default for new buckets
 * since April 2023, https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-faq.html); the account-level
 * block is not visible in code, so only the bucket's own settings count there. The ACL is the canned
 * `AccessControl` (Terraform `acl`) plus any explicit grants of `aws_s3_bucket_acl`.
 *
 * Object ACLs and access points are not judged. Encryption, logging, versioning and Object Lock are not part of
 * S3-001 and are not checked here.
 */
import { defineRule, type Outcome, type Resource } from '../../core/index.js';
import { effectiveBlock } from '../_lib/s3-block-public-access.js';
import { aclExposure, policiesExposure } from '../_lib/s3-bucket-exposure.js';

export default defineRule({
  meta: {
    id: 's3-bucket-not-public',
    title: 'No S3 bucket is public through its ACL or bucket policy',
    severity: 'critical',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'S3-001',
        gates: true,
        basis: 'the checklist requires reviewed bucket access with every public bucket justified; an unjustified (unwaived) public bucket fails it',
      },
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Public buckets are the most common source of cloud data leaks: anything the ACL or policy opens to "*" can be listed, downloaded or overwritten by anyone who finds the bucket name.',
    remediation: {
      summary:
        'Remove public grants (or add a restricting condition), then turn on Block Public Access for the bucket and the account. Serve public content through CloudFront with Origin Access Control instead of a public bucket. If a bucket must stay public, add a waiver in ftr.yaml with the reason — that is the justification S3-001 asks for.',
      console: [
        'Open the S3 console, select the bucket, and open Permissions.',
        'Under Bucket policy, remove or restrict statements whose Principal is "*" (for example add a condition on aws:SourceVpce or aws:PrincipalOrgID).',
        'Under Access control list (ACL), remove grants to "Everyone" and "Authenticated users group"; under Object Ownership choose "Bucket owner enforced" to disable ACLs.',
        'Under Block public access (bucket settings) choose Edit, tick "Block all public access", Save.',
        'For the account: S3 console, "Block Public Access settings for this account", Edit, tick all four, Save.',
      ],
      cli: "aws s3api put-public-access-block --bucket my-bucket \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\naws s3api put-bucket-ownership-controls --bucket my-bucket --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'\naws s3control put-public-access-block --account-id 111122223333 \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\n# A bucket that must stay public (ftr.yaml):\n# waivers:\n#   - { rule: s3-bucket-not-public, resource: my-public-assets, reason: 'Public product downloads, no customer data', owner: web@example.com, expires: 2027-01-31 }",
      cloudformation:
        'DataBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    OwnershipControls:\n      Rules:\n        - ObjectOwnership: BucketOwnerEnforced\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
      terraform:
        'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n\nresource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
        'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
      ],
    },
    messages: {
      notPublic: 'Bucket {{resource}} grants no public access.',
      publicButBlocked: 'Bucket {{resource}} has public grants ({{grants}}), neutralised by Block Public Access.',
      publicAcl: 'The ACL of bucket {{resource}} grants {{grants}}.',
      publicPolicy: 'The policy of bucket {{resource}} is public: {{grants}}.',
    },
    needs: [
      's3:ListAllMyBuckets',
      's3:GetBucketAcl',
      's3:GetBucketPolicy',
      's3:GetBucketPolicyStatus',
      's3:GetBucketPublicAccessBlock',
      's3:GetBucketOwnershipControls',
      's3:GetAccountPublicAccessBlock',
    ],
  },
  evaluate(bucket: Resource, ctx) {
    const checks = [
      { exposure: aclExposure(ctx, bucket), block: effectiveBlock(ctx, bucket, 'IgnorePublicAcls'), messageId: 'publicAcl' as const },
      { exposure: policiesExposure(ctx, bucket), block: effectiveBlock(ctx, bucket, 'RestrictPublicBuckets'), messageId: 'publicPolicy' as const },
    ];
    const failures: Outcome[] = [];
    const unknowns: Outcome[] = [];
    const neutralised: string[] = [];
    for (const { exposure, block, messageId } of checks) {
      if (block.on === true || exposure.status === 'not_public') {
        if (exposure.status === 'public') neutralised.push(...exposure.findings);
        continue;
      }
      if (exposure.status === 'unknown') unknowns.push(ctx.unknown(exposure.reason, { path: exposure.path }));
      else if (block.on === 'unknown') unknowns.push(ctx.unknown(block.reason, { path: block.path }));
      else failures.push(ctx.fail(messageId, { grants: exposure.findings.join('; ') }, exposure.path.startsWith('/') ? { path: exposure.path } : {}));
    }
    if (failures.length > 0 || unknowns.length > 0) return [...failures, ...unknowns];
    return neutralised.length > 0 ? ctx.pass('publicButBlocked', { grants: neutralised.join('; ') }) : ctx.pass('notPublic');
  },
});
