// Test-only: S3 buckets (each in its own Region) with Block Public Access, Object Ownership, ACL, policy, default
// encryption, versioning and tags; and the account-level Block Public Access through S3 Control.
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { BucketSpec, S3Spec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

const ALL_BLOCKED = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

async function seedBucket(target: SeedTarget, bucket: BucketSpec, homeRegion: string): Promise<void> {
  const region = bucket.region ?? homeRegion;
  const s3 = target.client(S3Client, region, 's3');
  const Bucket = bucket.name;
  await s3.send(
    new CreateBucketCommand({
      Bucket,
      ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      ...(bucket.ownerEnforced ? { ObjectOwnership: 'BucketOwnerEnforced' as const } : {}),
    }),
  );
  if (bucket.ownerEnforced) await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  // ACL and policy before Block Public Access: S3 refuses public grants once the block is on.
  if (bucket.acl) await s3.send(new PutBucketAclCommand({ Bucket, ACL: bucket.acl }));
  if (bucket.policy) await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify(bucket.policy) }));
  if (bucket.blockPublicAccess) await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: ALL_BLOCKED }));
  if (bucket.encryption) {
    await s3.send(
      new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: bucket.encryption } }] } }),
    );
  }
  if (bucket.versioning) await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  const tags = Object.entries(bucket.tags ?? {});
  if (tags.length > 0) await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: tags.map(([Key, Value]) => ({ Key, Value })) } }));
}

export async function seedS3(target: SeedTarget, spec: S3Spec, homeRegion: string, concurrency = 8): Promise<void> {
  await eachLimited(spec.buckets ?? [], concurrency, (bucket) => seedBucket(target, bucket, homeRegion));
  if (spec.accountPublicAccessBlock) {
    await target
      .client(S3ControlClient, homeRegion, 's3control')
      .send(new PutAccountPublicAccessBlockCommand({ AccountId: target.accountId, PublicAccessBlockConfiguration: ALL_BLOCKED }));
  }
}
