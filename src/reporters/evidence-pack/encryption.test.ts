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

/** The demo resource of `type` whose property `key` is `value`. */
const demoWith = (type: string, key: string, value: unknown) => {
  const found = demo.resources.find((r) => r.type === type && r.properties[key] === value);
  if (!found) throw new Error(`no ${type} with ${key} ${String(value)} in the demo snapshot`);
  return found;
};
const listenerRow = (loadBalancer: string, name: string) => rows.find((r) => r.resource === name && r.uid.includes(`/app/${loadBalancer}/`));

describe('encryption evidence from the demo snapshot', () => {
  it('covers keys, every at-rest service of the demo and the TLS endpoints', () => {
    const services = new Set(rows.map((r) => r.service));
    for (const s of ['KMS', 'S3', 'EBS', 'RDS', 'DynamoDB', 'EFS', 'SNS', 'SQS', 'Elastic Load Balancing']) expect(services, s).toContain(s);
    expect(rows.map((r) => r.category)).toEqual([...rows.map((r) => r.category)].sort((a, b) => ['KMS key', 'at rest', 'in transit'].indexOf(a) - ['KMS key', 'at rest', 'in transit'].indexOf(b)));
  });

  it('states what was found', () => {
    const euKey = demoWith('AWS::KMS::Key', 'Description', 'Brightwave EU customer data');
    expect(rowOf(euKey.physicalId!)).toMatchObject({ protected: 'no', setting: expect.stringContaining('rotation off') });
    const dataKey = demoWith('AWS::KMS::Key', 'Description', 'Brightwave customer data');
    expect(rowOf(dataKey.physicalId!)).toMatchObject({ protected: 'yes', setting: expect.stringContaining('rotation on') });
    const ebsKey = demo.resources.find((r) => r.type === 'AWS::KMS::Key' && r.region === 'us-east-1' && r.properties['KeyManager'] === 'AWS');
    expect(rowOf(ebsKey!.physicalId!)).toMatchObject({ protected: 'yes', note: expect.stringContaining('AWS rotates') });
    expect(rowOf('bw-eu-reporting-root')).toMatchObject({ service: 'EBS', protected: 'no', setting: 'not encrypted' });
    expect(rowOf('bw-app-1-root')).toMatchObject({ service: 'EBS', protected: 'yes', key: ebsKey!.uid });
    expect(rowOf('bw-eu-reporting-db')).toMatchObject({ service: 'RDS', protected: 'no' });
    expect(rowOf('bw-core-db')).toMatchObject({ service: 'RDS', protected: 'yes', key: dataKey.uid });
    expect(rowOf('bw-eu-legacy-jobs')).toMatchObject({ service: 'SQS', protected: 'no' });
    expect(rowOf('bw-ingest')).toMatchObject({ service: 'SQS', protected: 'yes', setting: 'SSE-SQS' });
    expect(rowOf('bw-billing-events')).toMatchObject({ service: 'SNS', protected: 'no', setting: 'no KMS key' });
    expect(listenerRow('bw-public', 'HTTP:80')).toMatchObject({ protected: 'yes', setting: 'HTTP 80 · redirects to HTTPS' });
    expect(listenerRow('bw-public', 'HTTPS:443')).toMatchObject({ protected: 'yes', setting: 'HTTPS 443 · ELBSecurityPolicy-TLS13-1-2-2021-06' });
    expect(listenerRow('bw-eu-reports', 'HTTP:80')).toMatchObject({ protected: 'no', setting: 'HTTP 80 · plaintext HTTP' });
  });
});

describe('encryption evidence for services the demo does not use', () => {
  const list = encryptionRows([
    resource({ type: 'AWS::RDS::DBCluster', uid: 'cluster', name: 'events', properties: { StorageEncrypted: true, Engine: 'aurora-postgresql' } }),
    resource({ type: 'AWS::ElastiCache::ReplicationGroup', uid: 'cache', name: 'cache', properties: { AtRestEncryptionEnabled: true, TransitEncryptionEnabled: false } }),
    resource({ type: 'AWS::OpenSearchService::Domain', uid: 'search', name: 'search', properties: { EncryptionAtRestOptions: { Enabled: true }, DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' } } }),
    resource({
      type: 'AWS::CloudFront::Distribution',
      uid: 'cdn',
      name: 'app.example.com',
      region: 'global',
      properties: {
        DistributionConfig: {
          DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
          CacheBehaviors: [{ PathPattern: '/legacy/*', ViewerProtocolPolicy: 'allow-all' }],
          ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
          Origins: [{ DomainName: 'origin.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
        },
      },
    }),
    resource({ type: 'AWS::ApiGatewayV2::DomainName', uid: 'hooks', name: 'hooks.example.com', properties: { DomainName: 'hooks.example.com', DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_0', EndpointType: 'REGIONAL' }] } }),
    resource({ type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', uid: 'nlb', name: 'internal', properties: { Scheme: 'internal', Type: 'network' } }),
    resource({ type: 'AWS::ElasticLoadBalancingV2::Listener', uid: 'nlb-listener', name: 'internal:6379', properties: { LoadBalancerArn: 'nlb', Port: 6379, Protocol: 'TCP', DefaultActions: [{ Type: 'forward' }] } }),
  ]);
  const row = (name: string, category?: EncryptionRow['category']) => list.find((r) => r.resource === name && (category === undefined || r.category === category));

  it('reads each service’s own settings', () => {
    expect(row('events')).toMatchObject({ service: 'Aurora / RDS cluster', protected: 'yes' });
    expect(row('cache', 'in transit')).toMatchObject({ service: 'ElastiCache', protected: 'no', setting: 'TLS off' });
    expect(row('search', 'at rest')).toMatchObject({ service: 'OpenSearch', protected: 'yes' });
    expect(row('app.example.com')).toMatchObject({ service: 'CloudFront', protected: 'no', setting: expect.stringContaining('HTTP allowed on /legacy/*') });
    expect(row('hooks.example.com')).toMatchObject({ service: 'API Gateway', protected: 'no', note: expect.stringContaining('below 1.2') });
    expect(row('internal:6379')).toMatchObject({ protected: 'n/a' });
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
