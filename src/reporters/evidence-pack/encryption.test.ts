import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Resource, Snapshot, type ResourceInput } from '../../core/index.js';
import { encryptionCsv, encryptionMarkdown } from './encryption-files.js';
import { encryptionRows, type EncryptionRow } from './encryption.js';

const demo = Snapshot.parse(JSON.parse(readFileSync(new URL('../../../demo/brightwave/snapshots/live.json', import.meta.url), 'utf8')));
const rows = encryptionRows(demo.resources);
const rowOf = (name: string, category?: EncryptionRow['category']) => rows.find((r) => r.resource === name && (category === undefined || r.category === category));

const resource = (input: Partial<ResourceInput> & Pick<ResourceInput, 'type' | 'properties'>) =>
  Resource.parse({ uid: `uid:${input.type}`, source: 'live', account: '111111111111', region: 'us-east-1', name: 'r', ...input });

describe('encryption evidence from the demo snapshot', () => {
  it('covers keys, every at-rest service of the demo and the TLS endpoints', () => {
    const services = new Set(rows.map((r) => r.service));
    for (const s of ['KMS', 'S3', 'EBS', 'RDS', 'Aurora / RDS cluster', 'DynamoDB', 'EFS', 'ElastiCache', 'OpenSearch', 'SNS', 'SQS', 'Elastic Load Balancing', 'CloudFront', 'API Gateway']) {
      expect(services, s).toContain(s);
    }
    expect(rows.map((r) => r.category)).toEqual([...rows.map((r) => r.category)].sort((a, b) => ['KMS key', 'at rest', 'in transit'].indexOf(a) - ['KMS key', 'at rest', 'in transit'].indexOf(b)));
  });

  it('states what was found', () => {
    expect(rowOf('7e2d-eu')).toMatchObject({ protected: 'no', setting: expect.stringContaining('rotation off') });
    expect(rowOf('aws-ebs')).toMatchObject({ protected: 'yes', note: expect.stringContaining('AWS rotates') });
    expect(rowOf('vol-0leg00001')).toMatchObject({ protected: 'no', setting: 'not encrypted' });
    expect(rowOf('bw-eu-reporting-db')).toMatchObject({ service: 'RDS', protected: 'no' });
    expect(rowOf('bw-eu-legacy-jobs')).toMatchObject({ service: 'SQS', protected: 'no' });
    expect(rowOf('bw-cache', 'in transit')).toMatchObject({ protected: 'no', setting: 'TLS off' });
    expect(rowOf('bw-public:80')).toMatchObject({ protected: 'yes', setting: 'HTTP 80 · redirects to HTTPS' });
    expect(rowOf('bw-eu-reports:80')).toMatchObject({ protected: 'no', setting: 'HTTP 80 · plaintext HTTP' });
    expect(rowOf('bw-public:443')).toMatchObject({ protected: 'yes', setting: 'HTTPS 443 · ELBSecurityPolicy-TLS13-1-2-2021-06' });
    expect(rowOf('app.brightwave.example')).toMatchObject({ service: 'CloudFront', protected: 'no', setting: expect.stringContaining('HTTP allowed on /legacy/*') });
    expect(rowOf('hooks.eu.brightwave.example')).toMatchObject({ protected: 'no', note: expect.stringContaining('below 1.2') });
    expect(rowOf('bw-internal:6379')).toMatchObject({ protected: 'n/a' });
  });
});

describe('encryption evidence: honest about what was not seen', () => {
  it('a value the scan could not read is not known, never yes', () => {
    const denied = resource({ type: 'AWS::S3::Bucket', properties: {}, unknown: [{ path: '/BucketEncryption', reason: 'collection_failed:s3:GetEncryptionConfiguration' }] });
    expect(encryptionRows([denied])[0]).toMatchObject({ protected: 'not known', note: 'not collected: collection_failed:s3:GetEncryptionConfiguration' });
    const blank = resource({ type: 'AWS::EC2::Volume', properties: {} });
    expect(encryptionRows([blank])[0]!.protected).toBe('not known');
    const liveQueue = resource({ type: 'AWS::SQS::Queue', properties: {} });
    expect(encryptionRows([liveQueue])[0]!.protected).toBe('not known');
  });

  it('applies the service defaults only to templates, where the resource will be created with them', () => {
    const bucket = resource({ type: 'AWS::S3::Bucket', source: 'cloudformation', properties: {} });
    expect(encryptionRows([bucket])[0]).toMatchObject({ protected: 'yes', setting: expect.stringContaining('SSE-S3') });
    const key = resource({ type: 'AWS::KMS::Key', source: 'cloudformation', properties: { KeySpec: 'RSA_2048' } });
    expect(encryptionRows([key])[0]!.protected).toBe('n/a');
  });

  it('escapes names in Markdown and neutralises formulas in CSV', () => {
    const hostile = resource({ type: 'AWS::EC2::Volume', name: '=cmd|calc <b>|x', properties: { Encrypted: true, KmsKeyId: '@evil' } });
    const list = encryptionRows([hostile]);
    expect(encryptionCsv(list)).toContain('"\'=cmd|calc <b>|x"');
    expect(encryptionCsv(list)).toContain('"\'@evil"');
    const md = encryptionMarkdown(list, '2026-01-01');
    expect(md).toContain('`=cmd\\|calc <b>\\|x`');
    expect(md.replace(/`[^`]*`/g, '')).not.toContain('<b>');
  });
});
