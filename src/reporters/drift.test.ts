import { describe, expect, it } from 'vitest';
import { Finding, Resource, type ResourceInput } from '../core/index.js';
import { findDrift, pairCodeWithLive, renderDriftMarkdown, renderDriftTerminal } from './drift.js';

const live = (type: string, uid: string, name: string, extra: Partial<ResourceInput> = {}) =>
  Resource.parse({ uid, type, source: 'live', account: '123456789012', region: 'us-east-1', name, properties: {}, location: { arn: uid }, ...extra });
const code = (type: string, logicalId: string, name: string | undefined, extra: Partial<ResourceInput> = {}) =>
  Resource.parse({ uid: `cfn:infra.yaml#${logicalId}`, type, source: 'cloudformation', name: name ?? logicalId, properties: {}, location: { file: 'infra.yaml', line: 10, logicalId }, ...extra });

function finding(ruleId: string, resource: Resource, status: 'pass' | 'fail' | 'unknown' | 'waived', message = `${ruleId} ${status}`): Finding {
  return Finding.parse({
    id: `${ruleId}/${resource.uid}`,
    ruleId,
    requirementIds: [],
    status,
    outcome: status === 'waived' ? 'fail' : status,
    severity: 'high',
    message,
    resource: { uid: resource.uid, type: resource.type, name: resource.name, source: resource.source, account: resource.account, region: resource.region, file: resource.location.file, line: resource.location.line },
  });
}

const SG = 'AWS::EC2::SecurityGroup';
const liveBastion = live(SG, 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-1', 'bw-bastion', { physicalId: 'sg-1' });
const codeBastion = code(SG, 'Bastion', 'bw-bastion');
const liveVolume = live('AWS::EC2::Volume', 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', 'bw-scratch', { physicalId: 'vol-1' });
const codeVolume = Resource.parse({ uid: 'tf:main.tf#aws_ebs_volume.scratch', type: 'AWS::EC2::Volume', source: 'terraform', name: 'aws_ebs_volume.scratch', properties: {}, tags: { Name: 'bw-scratch' }, location: { file: 'main.tf', line: 3, address: 'aws_ebs_volume.scratch' } });
const liveBucket = live('AWS::S3::Bucket', 'arn:aws:s3:::data', 'data', { physicalId: 'data' });
const codeBucket = code('AWS::S3::Bucket', 'Data', 'data', { physicalId: 'data' });

describe('pairing code with live resources', () => {
  it('pairs by physical id, by the literal name a template sets, and by a Name tag; never by a logical id', () => {
    const unnamed = code(SG, 'bwbastion', undefined);
    const liveSameAsLogicalId = live(SG, 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-2', 'bwbastion');
    const pairs = pairCodeWithLive([liveBastion, codeBastion, liveVolume, codeVolume, liveBucket, codeBucket, unnamed, liveSameAsLogicalId]);
    expect(pairs.map((p) => [p.code.uid, p.live.uid, p.key]).sort()).toEqual(
      [
        [codeBastion.uid, liveBastion.uid, 'name:bw-bastion'],
        [codeVolume.uid, liveVolume.uid, 'name:bw-scratch'],
        [codeBucket.uid, liveBucket.uid, 'id:data'],
      ].sort(),
    );
  });

  it('pairs nothing on a key that two live resources share, across types, or for templates shipped to customers', () => {
    const eu = live(SG, 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-9', 'bw-bastion', { region: 'eu-west-1' });
    const shipped = code('AWS::IAM::Role', 'Read', 'bw-read', { shippedToCustomers: true });
    const liveRole = live('AWS::IAM::Role', 'arn:aws:iam::123456789012:role/bw-read', 'bw-read');
    const otherType = code('AWS::S3::Bucket', 'Bastion', 'bw-bastion');
    expect(pairCodeWithLive([liveBastion, eu, codeBastion, shipped, liveRole, otherType])).toEqual([]);
  });

  it('pairs load balancer listeners by load balancer name and port', () => {
    const lbArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/bw-public/1';
    const liveLb = live('AWS::ElasticLoadBalancingV2::LoadBalancer', lbArn, 'bw-public', { physicalId: lbArn });
    const liveListener = live('AWS::ElasticLoadBalancingV2::Listener', `${lbArn}/listener/80`, 'bw-public:80', { properties: { LoadBalancerArn: lbArn, Port: 80 } });
    const codeLb = code('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Lb', 'bw-public');
    const codeListener = code('AWS::ElasticLoadBalancingV2::Listener', 'Http', undefined, { properties: { LoadBalancerArn: { $ref: codeLb.uid }, Port: 80 } });
    const pairs = pairCodeWithLive([liveLb, liveListener, codeLb, codeListener]);
    expect(pairs.find((p) => p.code.uid === codeListener.uid)).toMatchObject({ live: { uid: liveListener.uid }, key: 'listener:bw-public:80' });
  });
});

describe('drift', () => {
  const resources = [liveBastion, codeBastion, liveVolume, codeVolume, liveBucket, codeBucket];
  const findings = [
    finding('sg-no-public-ssh', codeBastion, 'pass'),
    finding('sg-no-public-ssh', liveBastion, 'fail', 'Security group bw-bastion opens SSH to 0.0.0.0/0.'),
    finding('volume-encrypted', codeVolume, 'fail', 'EBS volume aws_ebs_volume.scratch is not encrypted.'),
    finding('volume-encrypted', liveVolume, 'pass'),
    finding('bucket-encrypted', codeBucket, 'pass'),
    finding('bucket-encrypted', liveBucket, 'pass'),
    finding('bucket-public', codeBucket, 'fail'),
    finding('bucket-public', liveBucket, 'waived'),
    finding('bucket-logging', codeBucket, 'unknown'),
    finding('bucket-logging', liveBucket, 'fail'),
  ];

  it('lists, per rule, what is compliant in code but not in the account, and the reverse; agreement, waivers and unknowns are not drift', () => {
    const drift = findDrift(resources, findings);
    expect(drift.pairs).toBe(3);
    expect(drift.entries.map((e) => [e.compliantIn, e.ruleId, e.name])).toEqual([
      ['account', 'volume-encrypted', 'bw-scratch'],
      ['code', 'sg-no-public-ssh', 'bw-bastion'],
    ]);
    expect(drift.entries[0]).toMatchObject({ code: { place: 'main.tf:3', message: 'EBS volume aws_ebs_volume.scratch is not encrypted.' }, live: { place: '123456789012/us-east-1' } });
  });

  it('renders for the terminal and for Markdown, escaping names and messages', () => {
    const hostile = live(SG, 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-7', 'evil\u001b[2J|`x`', { physicalId: 'sg-7' });
    const hostileCode = code(SG, 'Evil', 'evil\u001b[2J|`x`');
    const drift = findDrift([hostile, hostileCode, ...resources], [...findings, finding('sg-no-public-ssh', hostileCode, 'pass'), finding('sg-no-public-ssh', hostile, 'fail', 'opens <script> | 22')]);
    const text = renderDriftTerminal(drift, { color: false, width: 100, note: 'code judged for comparison' });
    expect(text).toMatch(/^Drift between code and account \(3 of 4 paired resources\)/);
    expect(text).toContain('Compliant in code, not in the account:');
    expect(text).toContain('Compliant in the account, not in code:');
    expect(text).toContain('             code     pass  infra.yaml:10\n             account  fail  123456789012/us-east-1\n                      Security group bw-bastion opens SSH to 0.0.0.0/0.');
    expect(text).toContain('             code     fail  main.tf:3\n             account  pass  123456789012/us-east-1\n                      EBS volume aws_ebs_volume.scratch is not encrypted.');
    expect(text).not.toContain('\u001b');
    const md = renderDriftMarkdown(drift);
    expect(md).toContain('## Drift between code and account');
    expect(md).not.toContain('<script>');
    expect(md.split('\n').filter((l) => l.startsWith('| `sg-no-public-ssh`'))).toHaveLength(2);
    expect(renderDriftTerminal({ pairs: 0, entries: [] }, { color: false })).toContain('No rule judges a paired resource differently');
  });
});
