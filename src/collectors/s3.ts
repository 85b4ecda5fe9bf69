/**
 * S3 buckets and their policies. ListBuckets is account-wide; each bucket is then read in its own Region (BucketRegion
 * from ListBuckets, else GetBucketLocation), because S3 redirects a request signed for another Region.
 *
 * Per bucket: policy (→ `AWS::S3::BucketPolicy`, none when S3 says NoSuchBucketPolicy), policy status, ACL, Object
 * Ownership, bucket-level Block Public Access (`null` = none), default encryption, versioning, logging, Object Lock and
 * tags. A failed call marks only what it would have told: a denied GetBucketPolicy marks the bucket
 * `@AWS::S3::BucketPolicy`, a denied GetBucketAcl marks `/Acl`, a denied GetBucketTagging `@tags`, and so on.
 *
 * Default encryption: S3 has applied SSE-S3 to every bucket without another setting since January 2023, and
 * GetBucketEncryption reports it, so "not found" should no longer happen on AWS. When it does (an emulator, a
 * partition that has not caught up), the bucket gets `BucketEncryption: null` — what S3 answered — and the
 * s3-bucket-encrypted rule turns that into `unknown`, never into an invented SSE-S3 pass.
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
  type Bucket,
  type GetBucketAclCommandOutput,
  type GetBucketEncryptionCommandOutput,
  type GetObjectLockConfigurationCommandOutput,
  type GetPublicAccessBlockCommandOutput,
} from '@aws-sdk/client-s3';
import type { UnknownMark } from '../core/index.js';
import { defined, partitionOf, tagMap } from './framework/aws-values.js';
import { defineCollector, type CallResult, type CollectorContext } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

const OPERATIONS = {
  ListBuckets: 's3:ListAllMyBuckets',
  GetBucketLocation: 's3:GetBucketLocation',
  GetBucketPolicy: 's3:GetBucketPolicy',
  GetBucketPolicyStatus: 's3:GetBucketPolicyStatus',
  GetBucketAcl: 's3:GetBucketAcl',
  GetBucketOwnershipControls: 's3:GetBucketOwnershipControls',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  GetBucketVersioning: 's3:GetBucketVersioning',
  GetBucketLogging: 's3:GetBucketLogging',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
  GetBucketTagging: 's3:GetBucketTagging',
} as const;

type Ctx = CollectorContext<keyof typeof OPERATIONS>;

/** Buckets read at once; each sends its calls together, and the framework's per-service limit paces them. */
const BUCKET_CONCURRENCY = 4;

/** GetBucketLocation's answer as a Region: no constraint is us-east-1, and `EU` is the old name of eu-west-1. */
export function regionOfLocation(constraint: string | null | undefined): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

export default defineCollector({
  service: 's3',
  scope: 'global',
  operations: OPERATIONS,
  // A bucket's policy is read per bucket; a failed read marks that bucket `@AWS::S3::BucketPolicy`.
  listings: { ListBuckets: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'] },
  produces: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
  async collect(ctx) {
    const home = ctx.client(S3Client);
    const buckets = await ctx.pages(
      'ListBuckets',
      (ContinuationToken, o) => home.send(new ListBucketsCommand({ ContinuationToken, MaxBuckets: 1000 }), o),
      (page) => page.ContinuationToken,
      (page) => page.Buckets,
    );
    if (!buckets.ok) return;
    await mapLimit(
      buckets.value.filter((b): b is Bucket & { Name: string } => b.Name !== undefined),
      BUCKET_CONCURRENCY,
      (bucket) => collectBucket(ctx, bucket),
    );
  },
});

async function bucketRegion(ctx: Ctx, bucket: Bucket & { Name: string }, uid: string): Promise<string | undefined> {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const home = ctx.client(S3Client);
  const location = await ctx.call('GetBucketLocation', (o) => home.send(new GetBucketLocationCommand({ Bucket: bucket.Name }), o), { resource: uid });
  return location.ok ? regionOfLocation(location.value.LocationConstraint) : undefined;
}

async function collectBucket(ctx: Ctx, bucket: Bucket & { Name: string }): Promise<void> {
  const name = bucket.Name;
  const uid = `arn:${partitionOf(ctx.apiRegion)}:s3:::${name}`;
  const region = await bucketRegion(ctx, bucket, uid);
  // Without its Region the bucket is still read through the home Region: S3 then either answers or fails, and a
  // failure is recorded and marked like any other.
  const s3 = ctx.client(S3Client, region);
  const Bucket = name;
  const read = { resource: uid };
  const [policy, status, acl, ownership, block, encryption, versioning, logging, lock, tagging] = await Promise.all([
    ctx.call('GetBucketPolicy', (o) => s3.send(new GetBucketPolicyCommand({ Bucket }), o), { ...read, absent: ['NoSuchBucketPolicy'] }),
    ctx.call('GetBucketPolicyStatus', (o) => s3.send(new GetBucketPolicyStatusCommand({ Bucket }), o), { ...read, absent: ['NoSuchBucketPolicy'] }),
    ctx.call('GetBucketAcl', (o) => s3.send(new GetBucketAclCommand({ Bucket }), o), read),
    ctx.call('GetBucketOwnershipControls', (o) => s3.send(new GetBucketOwnershipControlsCommand({ Bucket }), o), { ...read, absent: ['OwnershipControlsNotFoundError'] }),
    ctx.call('GetPublicAccessBlock', (o) => s3.send(new GetPublicAccessBlockCommand({ Bucket }), o), { ...read, absent: ['NoSuchPublicAccessBlockConfiguration'] }),
    ctx.call('GetBucketEncryption', (o) => s3.send(new GetBucketEncryptionCommand({ Bucket }), o), { ...read, absent: ['ServerSideEncryptionConfigurationNotFoundError'] }),
    ctx.call('GetBucketVersioning', (o) => s3.send(new GetBucketVersioningCommand({ Bucket }), o), read),
    ctx.call('GetBucketLogging', (o) => s3.send(new GetBucketLoggingCommand({ Bucket }), o), read),
    ctx.call('GetObjectLockConfiguration', (o) => s3.send(new GetObjectLockConfigurationCommand({ Bucket }), o), { ...read, absent: ['ObjectLockConfigurationNotFoundError'] }),
    ctx.call('GetBucketTagging', (o) => s3.send(new GetBucketTaggingCommand({ Bucket }), o), { ...read, absent: ['NoSuchTagSet'] }),
  ]);

  const properties: Record<string, unknown> = { BucketName: name };
  const unknown: UnknownMark[] = [];
  const put = <T>(result: CallResult<T>, paths: string[], write: (value: T | undefined) => Record<string, unknown>) => {
    if (result.ok) Object.assign(properties, write(result.absent ? undefined : result.value));
    else for (const path of paths) unknown.push({ path, reason: result.reason });
  };

  // A bucket without a policy has no policy that could be public (S3 answers NoSuchBucketPolicy here too).
  put(status, ['/PolicyStatus'], (v) => ({ PolicyStatus: v ? defined({ IsPublic: v.PolicyStatus?.IsPublic }) : { IsPublic: false } }));
  put(acl, ['/Acl'], (v) => ({ Acl: aclOf(v) }));
  put(ownership, ['/OwnershipControls'], (v) => ({
    OwnershipControls: v?.OwnershipControls ? { Rules: (v.OwnershipControls.Rules ?? []).map((r) => defined({ ObjectOwnership: r.ObjectOwnership })) } : null,
  }));
  put(block, ['/PublicAccessBlockConfiguration'], (v) => ({ PublicAccessBlockConfiguration: publicAccessBlockOf(v) }));
  put(encryption, ['/BucketEncryption'], (v) => ({ BucketEncryption: encryptionOf(v) }));
  put(versioning, ['/VersioningConfiguration'], (v) => ({ VersioningConfiguration: v?.Status ? { Status: v.Status } : null }));
  put(logging, ['/LoggingConfiguration'], (v) => ({
    LoggingConfiguration: v?.LoggingEnabled ? defined({ DestinationBucketName: v.LoggingEnabled.TargetBucket, LogFilePrefix: v.LoggingEnabled.TargetPrefix }) : null,
  }));
  put(lock, ['/ObjectLockEnabled', '/ObjectLockConfiguration'], (v) => objectLockOf(v));
  if (!policy.ok) unknown.push({ path: '@AWS::S3::BucketPolicy', reason: policy.reason });
  if (!tagging.ok) unknown.push({ path: '@tags', reason: tagging.reason });

  ctx.emit({
    uid,
    type: 'AWS::S3::Bucket',
    name,
    physicalId: name,
    properties,
    tags: tagging.ok && !tagging.absent ? tagMap(tagging.value.TagSet) : {},
    unknown,
    ...(region !== undefined ? { region } : {}),
  });

  const document = policy.ok && !policy.absent ? policy.value.Policy : undefined;
  if (document !== undefined) {
    ctx.emit({
      uid: `${uid}#policy`,
      type: 'AWS::S3::BucketPolicy',
      name: `${name} policy`,
      properties: { Bucket: name, PolicyDocument: parsedPolicy(document) },
      ...(region !== undefined ? { region } : {}),
    });
  }
}

/** The policy as an object; text that is not JSON is kept as it came, and the rules call it unreadable. */
function parsedPolicy(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function aclOf(acl: GetBucketAclCommandOutput | undefined): unknown {
  // E-mail grantees and display names are personal data that no rule reads: only type, URI and canonical id are kept.
  return { Grants: (acl?.Grants ?? []).map((g) => ({ Grantee: defined({ Type: g.Grantee?.Type, URI: g.Grantee?.URI, ID: g.Grantee?.ID }), Permission: g.Permission })) };
}

function publicAccessBlockOf(block: GetPublicAccessBlockCommandOutput | undefined): unknown {
  const c = block?.PublicAccessBlockConfiguration;
  if (!c) return null;
  // S3 treats a setting it does not report as off.
  return {
    BlockPublicAcls: c.BlockPublicAcls === true,
    IgnorePublicAcls: c.IgnorePublicAcls === true,
    BlockPublicPolicy: c.BlockPublicPolicy === true,
    RestrictPublicBuckets: c.RestrictPublicBuckets === true,
  };
}

/** The API's `Rules[{ ApplyServerSideEncryptionByDefault }]` in CloudFormation's shape; `null` = S3 reported none. */
function encryptionOf(encryption: GetBucketEncryptionCommandOutput | undefined): unknown {
  const rules = encryption?.ServerSideEncryptionConfiguration?.Rules;
  if (!rules) return null;
  return {
    ServerSideEncryptionConfiguration: rules.map((r) =>
      defined({
        ServerSideEncryptionByDefault: r.ApplyServerSideEncryptionByDefault
          ? defined({ SSEAlgorithm: r.ApplyServerSideEncryptionByDefault.SSEAlgorithm, KMSMasterKeyID: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID })
          : undefined,
        BucketKeyEnabled: r.BucketKeyEnabled,
      }),
    ),
  };
}

function objectLockOf(lock: GetObjectLockConfigurationCommandOutput | undefined): Record<string, unknown> {
  const config = lock?.ObjectLockConfiguration;
  const enabled = config?.ObjectLockEnabled === 'Enabled';
  if (!config || !enabled) return { ObjectLockEnabled: false, ObjectLockConfiguration: null };
  const retention = config.Rule?.DefaultRetention;
  return {
    ObjectLockEnabled: true,
    ObjectLockConfiguration: defined({
      ObjectLockEnabled: 'Enabled',
      Rule: retention ? { DefaultRetention: defined({ Mode: retention.Mode, Days: retention.Days, Years: retention.Years }) } : undefined,
    }),
  };
}
