import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SCHEMA_VERSION, Snapshot, type ResourceInput } from '../../src/core/index.js';
import { normalizeSnapshot } from './normalize-snapshot.js';

const ACCOUNT = '123456789012';
const RUN = { start: new Date('2026-11-26T17:00:00Z'), end: new Date('2026-11-26T17:01:00Z') };
const OPTIONS = { run: RUN, seededAt: '2026-11-19T08:00:00Z' };

/** A scan of the same little estate, with the ids, times, addresses and order one run of moto would give. */
function scan(ids: { vpc: string; defaultVpc: string; sg: string; defaultSg: string; instance: string; key: string; access: string }, ip: string, at: string, reversed = false) {
  const ec2 = (rest: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:${rest}`;
  const resources: ResourceInput[] = [
    { uid: ec2(`vpc/${ids.vpc}`), type: 'AWS::EC2::VPC', source: 'live', account: ACCOUNT, region: 'us-east-1', name: 'app', physicalId: ids.vpc, properties: { CidrBlock: '10.0.0.0/16', IsDefault: false } },
    { uid: ec2(`vpc/${ids.defaultVpc}`), type: 'AWS::EC2::VPC', source: 'live', account: ACCOUNT, region: 'us-east-1', name: ids.defaultVpc, physicalId: ids.defaultVpc, properties: { CidrBlock: '172.31.0.0/16', IsDefault: true } },
    // Two default groups, alike but for their VPC.
    { uid: ec2(`security-group/${ids.sg}`), type: 'AWS::EC2::SecurityGroup', source: 'live', account: ACCOUNT, region: 'us-east-1', name: 'default', physicalId: ids.sg, properties: { GroupId: ids.sg, VpcId: ids.vpc } },
    { uid: ec2(`security-group/${ids.defaultSg}`), type: 'AWS::EC2::SecurityGroup', source: 'live', account: ACCOUNT, region: 'us-east-1', name: 'default', physicalId: ids.defaultSg, properties: { GroupId: ids.defaultSg, VpcId: ids.defaultVpc } },
    {
      uid: ec2(`instance/${ids.instance}`),
      type: 'AWS::EC2::Instance',
      source: 'live',
      account: ACCOUNT,
      region: 'us-east-1',
      name: 'web',
      physicalId: ids.instance,
      properties: { VpcId: ids.vpc, SecurityGroupIds: [ids.sg], PrivateIpAddress: ip, PublicIpAddress: '54.1.2.3', LaunchTime: at, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${ids.key}` },
    },
    { uid: `arn:aws:iam::${ACCOUNT}:user/ci/accesskey/${ids.access}`, type: 'AWS::IAM::AccessKey', source: 'live', account: ACCOUNT, region: 'global', name: `ci/${ids.access}`, properties: { AccessKeyId: ids.access, CreateDate: at } },
    { uid: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`, type: 'AWS::SQS::Queue', source: 'live', account: ACCOUNT, region: 'us-east-1', name: 'jobs', physicalId: `http://127.0.0.1:41234/${ACCOUNT}/jobs`, properties: { CreatedTimestamp: '2020-01-01T00:00:00.000Z' } },
  ];
  return Snapshot.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    kind: 'ftr-ready/snapshot',
    tool: { name: 'ftr-ready', version: 'demo' },
    collectedAt: '2026-11-20T09:30:00.000Z',
    scope: { sources: ['live'], accounts: [ACCOUNT], regions: ['us-east-1'] },
    resources: reversed ? resources.reverse() : resources,
    collection: [],
  });
}

const first = scan(
  { vpc: 'vpc-0aaaaaaaaaaaaaaa1', defaultVpc: 'vpc-0bbbbbbbbbbbbbbb2', sg: 'sg-0ccccccccccccccc3', defaultSg: 'sg-0ddddddddddddddd4', instance: 'i-0eeeeeeeeeeeeeee5', key: '11111111-2222-4333-8444-555555555555', access: 'AKIAAAAAAAAAAAAAAAAA' },
  '10.0.0.57',
  '2026-11-26T17:00:30.000Z',
);
const second = scan(
  { vpc: 'vpc-09999999999999991', defaultVpc: 'vpc-08888888888888882', sg: 'sg-07777777777777773', defaultSg: 'sg-06666666666666664', instance: 'i-05555555555555555', key: '99999999-8888-4777-8666-555555555555', access: 'AKIAZZZZZZZZZZZZZZZZ' },
  '10.0.0.201',
  '2026-11-26T17:00:45.123Z',
  true,
);

describe('normalizeSnapshot', () => {
  it('gives the same snapshot whatever ids, times, addresses and order a run produced', () => {
    expect(JSON.stringify(normalizeSnapshot(second, OPTIONS))).toBe(JSON.stringify(normalizeSnapshot(first, OPTIONS)));
  });

  it('keeps the shape of each id, and the references between resources', () => {
    const out = normalizeSnapshot(first, OPTIONS);
    const byName = (type: string, name: string) => out.resources.find((r) => r.type === type && r.name === name)!;
    const vpc = byName('AWS::EC2::VPC', 'app');
    const instance = byName('AWS::EC2::Instance', 'web');
    expect(vpc.physicalId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(vpc.physicalId).not.toBe('vpc-0aaaaaaaaaaaaaaa1');
    expect(instance.properties['VpcId']).toBe(vpc.physicalId);
    const group = out.resources.find((r) => r.type === 'AWS::EC2::SecurityGroup' && r.properties['VpcId'] === vpc.physicalId)!;
    expect(instance.properties['SecurityGroupIds']).toEqual([group.physicalId]);
    expect(instance.properties['KmsKeyId']).toMatch(/key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(byName('AWS::IAM::AccessKey', `ci/${String(out.resources.find((r) => r.type === 'AWS::IAM::AccessKey')!.properties['AccessKeyId'])}`).properties['AccessKeyId']).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it('moves the run’s timestamps to seededAt and leaves the others; numbers addresses; names AWS’s endpoint', () => {
    const out = normalizeSnapshot(first, OPTIONS);
    const instance = out.resources.find((r) => r.type === 'AWS::EC2::Instance')!;
    expect(instance.properties).toMatchObject({ LaunchTime: '2026-11-19T08:00:00.000Z', PrivateIpAddress: '10.0.0.10', PublicIpAddress: '203.0.113.11' });
    const queue = out.resources.find((r) => r.type === 'AWS::SQS::Queue')!;
    expect(queue.physicalId).toBe(`https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/jobs`);
    expect(queue.properties['CreatedTimestamp']).toBe('2020-01-01T00:00:00.000Z');
  });

  it('sets the ages the story asks for, and says when one matches nothing', () => {
    const out = normalizeSnapshot(first, { ...OPTIONS, ages: [{ type: 'AWS::IAM::AccessKey', name: 'ci/*', path: '/CreateDate', daysAgo: 100 }] });
    expect(out.resources.find((r) => r.type === 'AWS::IAM::AccessKey')!.properties['CreateDate']).toBe('2026-08-12T09:30:00.000Z');
    expect(() => normalizeSnapshot(first, { ...OPTIONS, ages: [{ type: 'AWS::IAM::AccessKey', name: 'nobody/*', path: '/CreateDate', daysAgo: 1 }] })).toThrow(/nothing matched/);
  });

  it('refuses two resources it cannot tell apart', () => {
    const twin = { ...first.resources.find((r) => r.type === 'AWS::IAM::AccessKey')! };
    const twins = { ...first, resources: [...first.resources, { ...twin, uid: twin.uid.replace(/AKIA\w+/, 'AKIABBBBBBBBBBBBBBBB'), properties: { ...twin.properties, AccessKeyId: 'AKIABBBBBBBBBBBBBBBB' }, name: 'ci/AKIABBBBBBBBBBBBBBBB' }] };
    expect(() => normalizeSnapshot(twins, OPTIONS)).toThrow(/cannot tell .* apart/);
  });
});
