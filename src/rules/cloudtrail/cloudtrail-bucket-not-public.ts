/**
 * The S3 bucket a CloudTrail trail delivers to is not public (the seed guide: logs "stored in a dedicated,
 * access-controlled S3 bucket"). Cross-resource: the trail's `S3BucketName` is looked up among the scanned buckets
 * of every scanned account (bucket names are global), and judged like the S3-001 rule judges buckets — public ACL
 * grants unless IgnorePublicAcls is on (bucket or account), a public bucket policy unless RestrictPublicBuckets is on.
 *
 * N/A     a shadow copy of a trail (judged in its home Region); or the bucket is not among the scanned buckets (it
 *         lives in an account outside the scan, such as a log-archive account that was not scanned).
 * PASS    neither the ACL nor the policy of the bucket grants public access, or Block Public Access neutralises it.
 * FAIL    the bucket's ACL or policy is public and not neutralised.
 * UNKNOWN the bucket list, its ACL, its policy or a deciding Block Public Access setting could not be read.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';
import { effectiveBlock } from '../_lib/s3-block-public-access.js';
import { aclPublicGrants, policyExposure } from '../_lib/s3-public.js';
import { asString } from '../_lib/shape.js';

type Exposure = { public: string[] } | { unknown: string } | 'not_public';

function aclExposure(ctx: RuleContext, bucket: Resource): Exposure {
  const mark = ctx.unknownAt(bucket, '/Acl');
  if (mark) return { unknown: mark.reason };
  const grants = aclPublicGrants(ctx.get(bucket, '/Acl'));
  if (grants === undefined) return { unknown: 'missing_data:Acl' };
  return grants.length > 0 ? { public: grants } : 'not_public';
}

function policyExposureOf(ctx: RuleContext, bucket: Resource): Exposure {
  const related = ctx.related(bucket, 'AWS::S3::BucketPolicy', 'Bucket');
  let unknown = related.complete ? undefined : (related.reason ?? 'not_collected:AWS::S3::BucketPolicy');
  for (const policy of related.resources) {
    const mark = ctx.unknownAt(policy, '/PolicyDocument');
    const exposure = mark ? { status: 'unknown' as const, reason: mark.reason } : policyExposure(ctx.get(policy, '/PolicyDocument'));
    if (exposure.status === 'public') return { public: exposure.findings };
    if (exposure.status === 'unknown') unknown ??= exposure.reason;
  }
  if (unknown === undefined) return 'not_public';
  // S3's own verdict stands in for a policy that could not be read.
  const isPublic = ctx.unknownAt(bucket, '/PolicyStatus/IsPublic') ? undefined : ctx.get(bucket, '/PolicyStatus/IsPublic');
  if (isPublic === false) return 'not_public';
  if (isPublic === true) return { public: ['S3 reports the bucket policy as public'] };
  return { unknown };
}

export default defineRule({
  meta: {
    id: 'cloudtrail-bucket-not-public',
    title: 'The S3 bucket receiving CloudTrail logs is not public',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'CTL-003', gates: false, basis: 'informs the old-baseline CTL-003: restricted, non-public storage for CloudTrail logs' },
    ],
    bestPractice: 'logging',
    resourceTypes: ['AWS::CloudTrail::Trail'],
    sources: ['live'],
    rationale:
      'CloudTrail logs map the whole account: principals, resources, source IPs, and often data in request parameters. A public log bucket hands that map to anyone, and a writable one lets an attacker plant or erase evidence.',
    remediation: {
      summary: 'Remove public ACL grants and public policy statements from the log bucket and turn on Block Public Access; keep only the CloudTrail service grant with aws:SourceArn.',
      console: [
        'Open the S3 console, select the trail bucket and open Permissions.',
        'Under Block public access (bucket settings) choose Edit, tick Block all public access, and Save.',
        'Under Bucket policy keep the AWSCloudTrailAclCheck and AWSCloudTrailWrite statements (principal cloudtrail.amazonaws.com, condition aws:SourceArn) and remove statements with Principal "*".',
        'Under Object Ownership choose Bucket owner enforced to disable ACLs.',
      ],
      cli: [
        'aws s3api put-public-access-block --bucket <trail-bucket> \\',
        '  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
        "aws s3api put-bucket-ownership-controls --bucket <trail-bucket> --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
      ].join('\n'),
      cloudformation: [
        'TrailBucket:',
        '  Type: AWS::S3::Bucket',
        '  Properties:',
        '    OwnershipControls:',
        '      Rules: [{ ObjectOwnership: BucketOwnerEnforced }]',
        '    PublicAccessBlockConfiguration:',
        '      BlockPublicAcls: true',
        '      IgnorePublicAcls: true',
        '      BlockPublicPolicy: true',
        '      RestrictPublicBuckets: true',
      ].join('\n'),
      terraform: [
        'resource "aws_s3_bucket_public_access_block" "trail" {',
        '  bucket                  = aws_s3_bucket.trail.id',
        '  block_public_acls       = true',
        '  ignore_public_acls      = true',
        '  block_public_policy     = true',
        '  restrict_public_buckets = true',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      ],
    },
    messages: {
      notPublic: 'Trail {{resource}} delivers to bucket {{bucket}}, which grants no public access.',
      publicAcl: 'Trail {{resource}} delivers to bucket {{bucket}}, whose ACL grants {{grants}}.',
      publicPolicy: 'Trail {{resource}} delivers to bucket {{bucket}}, whose policy is public: {{grants}}.',
      bucketOutsideScan: 'Trail {{resource}} delivers to bucket {{bucket}}, which is outside the scanned accounts.',
      shadowCopy: 'Trail {{resource}} is judged in its home Region {{home}}.',
    },
    needs: [
      'cloudtrail:DescribeTrails',
      's3:ListAllMyBuckets',
      's3:GetBucketAcl',
      's3:GetBucketPolicy',
      's3:GetBucketPolicyStatus',
      's3:GetBucketPublicAccessBlock',
      's3:GetAccountPublicAccessBlock',
    ],
  },
  evaluate(trail, ctx) {
    const home = asString(trail.properties['HomeRegion']);
    if (home !== undefined && trail.region !== undefined && home !== trail.region) return ctx.notApplicable('shadowCopy', { home });
    const name = asString(ctx.get(trail, '/S3BucketName'));
    if (name === undefined) return ctx.unknown('missing_data:S3BucketName', { path: '/S3BucketName' });
    const bucket = ctx
      .resources('AWS::S3::Bucket', { source: trail.source })
      .find((b) => b.physicalId === name || b.properties['BucketName'] === name || b.name === name);
    if (!bucket) {
      const inventory = ctx.inventory('AWS::S3::Bucket', { source: trail.source });
      return inventory.complete ? ctx.notApplicable('bucketOutsideScan', { bucket: name }) : ctx.unknown(inventory.reason ?? 'not_collected:AWS::S3::Bucket');
    }
    const checks = [
      { exposure: aclExposure(ctx, bucket), block: effectiveBlock(ctx, bucket, 'IgnorePublicAcls'), messageId: 'publicAcl' as const },
      { exposure: policyExposureOf(ctx, bucket), block: effectiveBlock(ctx, bucket, 'RestrictPublicBuckets'), messageId: 'publicPolicy' as const },
    ];
    let unknown: string | undefined;
    for (const { exposure, block, messageId } of checks) {
      if (block.on === true || exposure === 'not_public') continue;
      if ('unknown' in exposure) unknown ??= exposure.unknown;
      else if (block.on === 'unknown') unknown ??= block.reason;
      else return ctx.fail(messageId, { bucket: name, grants: exposure.public.join('; ') }, { path: '/S3BucketName' });
    }
    if (unknown !== undefined) return ctx.unknown(unknown, { path: '/S3BucketName' });
    return ctx.pass('notPublic', { bucket: name });
  },
});
