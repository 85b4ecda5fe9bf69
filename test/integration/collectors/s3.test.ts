// The S3 collector against moto through the fault proxy: buckets in two Regions with every setting the rules read,
// ListBuckets pagination, denials and throttling per operation, one denied bucket among several, and the
// GetBucketLocation path when ListBuckets gives no BucketRegion (raw moto, no proxy patches).
import {
  CreateBucketCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import s3, { regionOfLocation } from '../../../src/collectors/s3.js';
import s3control from '../../../src/collectors/s3control.js';
import { s3Config, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const BUCKET = 'AWS::S3::Bucket';
const POLICY = 'AWS::S3::BucketPolicy';
const S3_RULES = ['s3-bucket-encrypted', 's3-bucket-denies-http', 's3-bucket-not-public'];

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const client = (region = 'us-east-1') => new S3Client(s3Config(h.endpoint, { region }));

function tlsOnlyPolicy(bucket: string) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyHttp',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

async function seedPrivateBuckets(names: string[]): Promise<void> {
  for (const Bucket of names) await client().send(new CreateBucketCommand({ Bucket }));
}

describe('s3 collector', () => {
  it('reads every bucket setting in the bucket’s Region, and the policy as its own resource', async () => {
    const use1 = client();
    const euw1 = client('eu-west-1');
    // S3 still accepts the log-delivery-write canned ACL on buckets, though the SDK's type no longer lists it.
    await use1.send(new CreateBucketCommand({ Bucket: 'app-logs', ACL: 'log-delivery-write' as 'private' }));
    await use1.send(new CreateBucketCommand({ Bucket: 'app-data' }));
    await use1.send(new PutBucketLoggingCommand({ Bucket: 'app-data', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'app-logs', TargetPrefix: 'data/' } } }));
    await use1.send(new PutBucketPolicyCommand({ Bucket: 'app-data', Policy: tlsOnlyPolicy('app-data') }));
    await use1.send(new PutPublicAccessBlockCommand({ Bucket: 'app-data', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
    await use1.send(new PutBucketOwnershipControlsCommand({ Bucket: 'app-data', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    await use1.send(new PutBucketTaggingCommand({ Bucket: 'app-data', Tagging: { TagSet: [{ Key: 'ManagedBy', Value: 'terraform' }] } }));
    await euw1.send(new CreateBucketCommand({ Bucket: 'eu-archive', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' }, ObjectLockEnabledForBucket: true }));
    await euw1.send(new PutBucketVersioningCommand({ Bucket: 'eu-archive', VersioningConfiguration: { Status: 'Enabled' } }));
    await euw1.send(
      new PutObjectLockConfigurationCommand({ Bucket: 'eu-archive', ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } } }),
    );

    const snapshot = await scanWith(h, [s3, s3control]);

    const data = resourceNamed(snapshot, BUCKET, 'app-data');
    expect(data).toMatchObject({ uid: 'arn:aws:s3:::app-data', physicalId: 'app-data', region: 'us-east-1', unknown: [], tags: { ManagedBy: 'terraform' } });
    expect(data.properties).toEqual({
      BucketName: 'app-data',
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: null,
      LoggingConfiguration: { DestinationBucketName: 'app-logs', LogFilePrefix: 'data/' },
      ObjectLockEnabled: false,
      ObjectLockConfiguration: null,
      PolicyStatus: { IsPublic: false },
      Acl: { Grants: [{ Grantee: { Type: 'CanonicalUser', ID: expect.any(String) }, Permission: 'FULL_CONTROL' }] },
    });

    const archive = resourceNamed(snapshot, BUCKET, 'eu-archive');
    expect(archive.region).toBe('eu-west-1');
    expect(archive.properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } },
      PublicAccessBlockConfiguration: null,
      OwnershipControls: null,
      LoggingConfiguration: null,
      PolicyStatus: { IsPublic: false },
    });
    // The log bucket's ACL grants the log-delivery group, as S3 reports it.
    const logs = resourceNamed(snapshot, BUCKET, 'app-logs');
    expect((logs.properties['Acl'] as { Grants: Array<{ Grantee: { URI?: string } }> }).Grants.map((g) => g.Grantee.URI)).toContain('http://acs.amazonaws.com/groups/s3/LogDelivery');

    const policies = resourcesOf(snapshot, POLICY);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ uid: 'arn:aws:s3:::app-data#policy', region: 'us-east-1', properties: { Bucket: 'app-data', PolicyDocument: JSON.parse(tlsOnlyPolicy('app-data')) } });

    expect(record(snapshot, 's3:ListAllMyBuckets')).toMatchObject({ outcome: 'ok', region: 'global', lists: [BUCKET, POLICY] });
    for (const action of ['s3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetEncryptionConfiguration', 's3:GetBucketObjectLockConfiguration', 's3:GetBucketTagging']) {
      expect(record(snapshot, action)).toMatchObject({ outcome: 'ok', calls: { ok: 3 }, affected: [] });
    }
    // BucketRegion came with ListBuckets: no GetBucketLocation call; each bucket was read with a client of its Region.
    expect(h.proxy.callsTo('s3', 'GetBucketLocation')).toHaveLength(0);
    expect(h.proxy.callsTo('s3', 'GetBucketVersioning').map((c) => c.region).sort()).toEqual(['eu-west-1', 'us-east-1', 'us-east-1']);

    expect(outcomeOn(snapshot, 's3-bucket-denies-http', data.uid)).toBe('pass');
    expect(outcomeOn(snapshot, 's3-bucket-denies-http', archive.uid)).toBe('fail');
    expect(outcomeOn(snapshot, 's3-bucket-encrypted', data.uid)).toBe('pass');
    expect(outcomeOn(snapshot, 's3-bucket-not-public', data.uid)).toBe('pass');
    expect(outcomeOn(snapshot, 's3-account-public-access-block', 'account:123456789012')).toBe('fail');
  });

  it('writes BucketEncryption null when S3 reports no default encryption, which the rule calls unknown', async () => {
    h.proxy.state.account().s3DefaultEncryption = false;
    await seedPrivateBuckets(['legacy']);
    const snapshot = await scanWith(h, [s3, s3control]);
    const bucket = resourceNamed(snapshot, BUCKET, 'legacy');
    expect(bucket.properties['BucketEncryption']).toBeNull();
    expect(bucket.unknown).toEqual([]);
    expect(record(snapshot, 's3:GetEncryptionConfiguration').outcome).toBe('ok');
    expect(outcomeOn(snapshot, 's3-bucket-encrypted', bucket.uid)).toBe('unknown');
    expect(verdicts(snapshot, ['s3-bucket-encrypted']).get('s3-bucket-encrypted')?.status).toBe('unknown');
  });

  it('judges a public bucket policy as public', async () => {
    await seedPrivateBuckets(['site']);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }] };
    await client().send(new PutBucketPolicyCommand({ Bucket: 'site', Policy: JSON.stringify(policy) }));
    const snapshot = await scanWith(h, [s3, s3control]);
    const bucket = resourceNamed(snapshot, BUCKET, 'site');
    expect(bucket.properties['PolicyStatus']).toEqual({ IsPublic: true });
    expect(outcomeOn(snapshot, 's3-bucket-not-public', bucket.uid)).toBe('fail');
  });

  it('follows ListBuckets to the last page; a page that fails leaves the inventory incomplete', async () => {
    const names = ['b-1', 'b-2', 'b-3', 'b-4', 'b-5'];
    await seedPrivateBuckets(names);
    h.proxy.paginate({ service: 's3', operation: 'ListBuckets' }, { pageSize: 2 });
    const snapshot = await scanWith(h, [s3]);
    expect(resourcesOf(snapshot, BUCKET).map((b) => b.name).sort()).toEqual(names);
    expect(h.proxy.callsTo('s3', 'ListBuckets').map((c) => c.answeredBy)).toEqual(['patched', 'page', 'page']);
    expect(record(snapshot, 's3:ListAllMyBuckets').lists).toEqual([BUCKET, POLICY]);

    h.proxy.clearFaults();
    h.proxy.paginate({ service: 's3', operation: 'ListBuckets' }, { pageSize: 2, failAfterPages: 1, failWith: { kind: 'access_denied' } });
    const truncated = await scanWith(h, [s3]);
    expect(resourcesOf(truncated, BUCKET)).toEqual([]);
    expectFailure(truncated, 's3:ListAllMyBuckets', 'access_denied', { rules: S3_RULES });
  });

  it('marks exactly what a denied call would have told, and the deciding rules become unknown', async () => {
    await seedPrivateBuckets(['quiet']);
    const uid = 'arn:aws:s3:::quiet';
    const cases: Array<{ operation: string; action: string; paths: string[]; rules: string[] }> = [
      // S3's policy status (no policy: not public) stands in for the unread policy in s3-bucket-not-public.
      { operation: 'GetBucketPolicy', action: 's3:GetBucketPolicy', paths: ['@AWS::S3::BucketPolicy'], rules: ['s3-bucket-denies-http'] },
      { operation: 'GetBucketAcl', action: 's3:GetBucketAcl', paths: ['/Acl'], rules: ['s3-bucket-not-public'] },
      { operation: 'GetBucketEncryption', action: 's3:GetEncryptionConfiguration', paths: ['/BucketEncryption'], rules: ['s3-bucket-encrypted'] },
      { operation: 'GetBucketPolicyStatus', action: 's3:GetBucketPolicyStatus', paths: ['/PolicyStatus'], rules: [] },
      { operation: 'GetBucketOwnershipControls', action: 's3:GetBucketOwnershipControls', paths: ['/OwnershipControls'], rules: [] },
      { operation: 'GetPublicAccessBlock', action: 's3:GetBucketPublicAccessBlock', paths: ['/PublicAccessBlockConfiguration'], rules: [] },
      { operation: 'GetBucketVersioning', action: 's3:GetBucketVersioning', paths: ['/VersioningConfiguration'], rules: [] },
      { operation: 'GetBucketLogging', action: 's3:GetBucketLogging', paths: ['/LoggingConfiguration'], rules: [] },
      { operation: 'GetObjectLockConfiguration', action: 's3:GetBucketObjectLockConfiguration', paths: ['/ObjectLockConfiguration', '/ObjectLockEnabled'], rules: [] },
      // Unread tags are marked, not an empty tag set (docs/resource-model.md, Conventions).
      { operation: 'GetBucketTagging', action: 's3:GetBucketTagging', paths: ['@tags'], rules: [] },
    ];
    for (const c of cases) {
      h.proxy.clearFaults();
      h.proxy.fault({ service: 's3', operation: c.operation }, { kind: 'access_denied' });
      const snapshot = await scanWith(h, [s3, s3control]);
      const bucket = resourceNamed(snapshot, BUCKET, 'quiet');
      expect(unknownPaths(bucket), c.operation).toEqual(c.paths);
      expect(bucket.unknown.every((m) => m.reason === `collection_failed:${c.action}`)).toBe(true);
      expectFailure(snapshot, c.action, 'access_denied', { affected: [uid], rules: c.rules });
      // The bucket inventory itself stays complete.
      expect(record(snapshot, 's3:ListAllMyBuckets').lists).toEqual([BUCKET, POLICY]);
    }

    h.proxy.clearFaults();
    h.proxy.fault({ service: 's3', operation: 'GetBucketPolicy' }, { kind: 'access_denied' });
    h.proxy.fault({ service: 's3', operation: 'GetBucketPolicyStatus' }, { kind: 'access_denied' });
    const blind = await scanWith(h, [s3, s3control]);
    expect(outcomeOn(blind, 's3-bucket-not-public', uid)).toBe('unknown');
  });

  it('keeps a public ACL undecided when Block Public Access could not be read', async () => {
    await client().send(new CreateBucketCommand({ Bucket: 'open', ACL: 'public-read' }));
    h.proxy.fault({ service: 's3', operation: 'GetPublicAccessBlock' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [s3, s3control]);
    const bucket = resourceNamed(snapshot, BUCKET, 'open');
    expect(outcomeOn(snapshot, 's3-bucket-not-public', bucket.uid)).toBe('unknown');

    h.proxy.clearFaults();
    const clear = await scanWith(h, [s3, s3control]);
    expect(outcomeOn(clear, 's3-bucket-not-public', bucket.uid)).toBe('fail');
  });

  it('records persistent throttling and leaves the data unknown', async () => {
    await seedPrivateBuckets(['busy']);
    h.proxy.fault({ service: 's3', operation: 'GetBucketEncryption' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [s3]);
    expect(unknownPaths(resourceNamed(snapshot, BUCKET, 'busy'))).toEqual(['/BucketEncryption']);
    expectFailure(snapshot, 's3:GetEncryptionConfiguration', 'throttled', { affected: ['arn:aws:s3:::busy'], rules: ['s3-bucket-encrypted'] });

    h.proxy.clearFaults();
    h.proxy.fault({ service: 's3', operation: 'ListBuckets' }, { kind: 'throttle' });
    const unlisted = await scanWith(h, [s3], { maxAttempts: 1 });
    expect(resourcesOf(unlisted, BUCKET)).toEqual([]);
    expectFailure(unlisted, 's3:ListAllMyBuckets', 'throttled', { rules: S3_RULES });
  });

  it('marks only the bucket whose call was denied, and names it as affected', async () => {
    await seedPrivateBuckets(['one', 'two', 'three']);
    for (const Bucket of ['one', 'two', 'three']) await client().send(new PutBucketPolicyCommand({ Bucket, Policy: tlsOnlyPolicy(Bucket) }));
    h.proxy.fault({ service: 's3', operation: 'GetBucketPolicy', path: /^\/two\b/ }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [s3]);

    const r = record(snapshot, 's3:GetBucketPolicy');
    expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 }, affected: ['arn:aws:s3:::two'] });
    expect(unknownPaths(resourceNamed(snapshot, BUCKET, 'two'))).toEqual(['@AWS::S3::BucketPolicy']);
    expect(resourceNamed(snapshot, BUCKET, 'one').unknown).toEqual([]);
    expect(resourcesOf(snapshot, POLICY).map((p) => p.properties['Bucket']).sort()).toEqual(['one', 'three']);
    expect(outcomeOn(snapshot, 's3-bucket-denies-http', 'arn:aws:s3:::one')).toBe('pass');
    expect(outcomeOn(snapshot, 's3-bucket-denies-http', 'arn:aws:s3:::two')).toBe('unknown');
    expect(verdicts(snapshot, ['s3-bucket-denies-http']).get('s3-bucket-denies-http')?.status).toBe('unknown');
  });

  it('maps GetBucketLocation answers to Regions', () => {
    expect(regionOfLocation(undefined)).toBe('us-east-1');
    expect(regionOfLocation('')).toBe('us-east-1');
    expect(regionOfLocation('EU')).toBe('eu-west-1');
    expect(regionOfLocation('ap-southeast-2')).toBe('ap-southeast-2');
  });
});

describe('s3 collector without BucketRegion in ListBuckets (raw moto)', () => {
  let raw: AwsHarness;
  beforeAll(async () => {
    raw = await startAwsHarness({ standIns: false });
  });
  afterAll(async () => {
    await raw?.stop();
  });

  it('asks GetBucketLocation for each bucket’s Region, and marks nothing it could not place', async () => {
    const euw1 = new S3Client(s3Config(raw.endpoint, { region: 'eu-west-1' }));
    await new S3Client(s3Config(raw.endpoint)).send(new CreateBucketCommand({ Bucket: 'home' }));
    await euw1.send(new CreateBucketCommand({ Bucket: 'abroad', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const snapshot = await scanWith(raw, [s3]);
    expect(resourceNamed(snapshot, BUCKET, 'home').region).toBe('us-east-1');
    expect(resourceNamed(snapshot, BUCKET, 'abroad').region).toBe('eu-west-1');
    expect(record(snapshot, 's3:GetBucketLocation')).toMatchObject({ outcome: 'ok', calls: { ok: 2 } });
    // moto without the proxy's patch reports no default encryption: null, never an invented SSE-S3.
    expect(resourceNamed(snapshot, BUCKET, 'home').properties['BucketEncryption']).toBeNull();

    raw.proxy.fault({ service: 's3', operation: 'GetBucketLocation', path: /^\/abroad\b/ }, { kind: 'access_denied' });
    const denied = await scanWith(raw, [s3]);
    const abroad = resourceNamed(denied, BUCKET, 'abroad');
    expect(abroad.region).toBe('global');
    expect(record(denied, 's3:GetBucketLocation')).toMatchObject({ outcome: 'access_denied', affected: ['arn:aws:s3:::abroad'] });
  });
});
