import { describe, expect, it } from 'vitest';
import { Resource, type ResourceInput } from '../model/resource.js';
import { ResourceIndex } from './resource-index.js';

const r = (input: Partial<ResourceInput> & { uid: string; type: string }) =>
  Resource.parse({ source: 'live', account: '111111111111', region: 'us-east-1', properties: {}, ...input });

describe('ResourceIndex.resolve', () => {
  it('prefers the referring resource’s own Region when names repeat across Regions', () => {
    const groups = [
      r({ uid: 'pg-use1', type: 'AWS::RDS::DBParameterGroup', physicalId: 'default.postgres16', region: 'us-east-1' }),
      r({ uid: 'pg-euw1', type: 'AWS::RDS::DBParameterGroup', physicalId: 'default.postgres16', region: 'eu-west-1' }),
    ];
    const db = r({ uid: 'db', type: 'AWS::RDS::DBInstance', region: 'eu-west-1' });
    const index = new ResourceIndex([...groups, db], [], { sources: ['live'], accounts: ['111111111111'], regions: ['us-east-1', 'eu-west-1'], files: [] });
    expect(index.resolve(db, 'default.postgres16', 'AWS::RDS::DBParameterGroup')?.uid).toBe('pg-euw1');
  });

  it('resolves template references by uid', () => {
    const bucket = r({ uid: 'cfn:t.yaml#Bucket', type: 'AWS::S3::Bucket', source: 'cloudformation', account: undefined, region: undefined });
    const policy = r({ uid: 'cfn:t.yaml#Policy', type: 'AWS::S3::BucketPolicy', source: 'cloudformation', account: undefined, region: undefined, properties: { Bucket: { $ref: 'cfn:t.yaml#Bucket' } } });
    const index = new ResourceIndex([bucket, policy], [], { sources: ['cloudformation'], accounts: [], regions: [], files: [] });
    expect(index.resolve(policy, { $ref: 'cfn:t.yaml#Bucket' }, 'AWS::S3::Bucket')?.uid).toBe('cfn:t.yaml#Bucket');
    expect(index.related(bucket, 'AWS::S3::BucketPolicy', 'Bucket').resources.map((x) => x.uid)).toEqual(['cfn:t.yaml#Policy']);
  });
});

describe('finding lines', () => {
  it('point at the deepest recorded property on the path, else at the resource', async () => {
    const { lineOf } = await import('./findings.js');
    const bucket = r({ uid: 'b', type: 'AWS::S3::Bucket', source: 'cloudformation', location: { file: 't.yaml', line: 10, lines: { '/BucketEncryption': 14, '/BucketEncryption/ServerSideEncryptionConfiguration': 15 } } });
    expect(lineOf(bucket, '/BucketEncryption/ServerSideEncryptionConfiguration/0/X')).toBe(15);
    expect(lineOf(bucket, '/BucketEncryption')).toBe(14);
    expect(lineOf(bucket, '/VersioningConfiguration')).toBe(10);
    expect(lineOf(bucket, undefined)).toBe(10);
  });
});
