import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Resource, Snapshot, type ResourceInput } from '../../core/index.js';
import { descendants, parseXml, textOf } from '../../../test/fixtures/assessments/xml-reader.js';
import { buildTopology, renderNetworkDiagram, type DiagramVpc, type Topology } from './index.js';

const demo = Snapshot.parse(JSON.parse(readFileSync(new URL('../../../demo/brightwave/snapshots/live.json', import.meta.url), 'utf8')));

function vpcNamed(topology: Topology, name: string): DiagramVpc {
  const vpc = topology.accounts.flatMap((a) => a.regions.flatMap((r) => r.vpcs)).find((v) => v.name === name);
  if (!vpc) throw new Error(`no VPC ${name}`);
  return vpc;
}

const live = (type: string, id: string, properties: Record<string, unknown>, extra: Partial<ResourceInput> = {}) =>
  Resource.parse({ uid: `arn:aws:test:us-east-1:111111111111:${id}`, type, source: 'live', account: '111111111111', region: 'us-east-1', name: id, physicalId: id, properties, ...extra });

describe('topology of the demo company', () => {
  const topology = buildTopology(demo.resources);
  const use1 = vpcNamed(topology, 'bw-us-east-1');

  it('has the account, both Regions and a VPC in each, with its internet gateway', () => {
    expect(topology.accounts.map((a) => [a.id, a.name])).toEqual([['123456789012', 'brightwave-prod']]);
    expect(topology.accounts[0]!.regions.map((r) => [r.region, r.vpcs.map((v) => v.id)])).toEqual([
      ['eu-west-1', ['vpc-02a1']],
      ['us-east-1', ['vpc-01a1']],
    ]);
    expect(use1.internetGateway).toBe('igw-01b2');
  });

  it('puts public subnets before private ones, each with its AZ', () => {
    expect(use1.subnets.map((s) => [s.tier, s.az])).toEqual([
      ['public', 'us-east-1a'],
      ['public', 'us-east-1b'],
      ['private', 'us-east-1a'],
      ['private', 'us-east-1b'],
    ]);
  });

  it('places instances and NAT gateways in their subnets, load balancers across theirs', () => {
    const publicA = use1.subnets[0]!;
    expect(publicA.nodes.map((n) => n.name)).toEqual(['nat-01c3', 'bw-bastion']);
    expect(publicA.nodes.find((n) => n.name === 'bw-bastion')).toMatchObject({ public: true, securityGroups: ['bw-bastion'] });
    expect(use1.spanning.map((n) => [n.name, n.subnets.length])).toEqual([
      ['bw-internal', 2],
      ['bw-public', 2],
      ['bw-search', 2],
    ]);
  });

  it('keeps databases it can only tie to a VPC through their security group in the VPC, without a subnet', () => {
    expect(use1.unplaced.map((n) => n.name)).toEqual(['bw-analytics-replica', 'bw-core-db', 'bw-cache']);
    const eu = vpcNamed(topology, 'bw-eu-west-1');
    expect(eu.unplaced[0]).toMatchObject({ name: 'bw-eu-reporting-db', public: true });
  });

  it('draws global services at the account edge and what has no network data outside the VPCs', () => {
    expect(topology.accounts[0]!.edge.map((n) => n.kind)).toEqual(['cdn']);
    const outside = topology.accounts[0]!.regions.find((r) => r.region === 'us-east-1')!.outside.map((n) => n.name);
    expect(outside).toEqual(['bw-events', 'api.brightwave.example']);
  });
});

describe('the SVG', () => {
  const svg = renderNetworkDiagram(demo.resources, { title: 'Network topology: Brightwave' });

  it('is well-formed XML with the names in it', () => {
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    const texts = descendants(root, 'text').map(textOf);
    for (const name of ['VPC · bw-us-east-1 · vpc-01a1 · 10.20.0.0/16', 'bw-bastion', 'Public subnet · us-east-1a', 'Private subnet · eu-west-1b', 'IGW igw-01b2']) expect(texts).toContain(name);
  });

  it('is the same whatever order the resources come in', () => {
    const shuffled = [...demo.resources].reverse();
    expect(renderNetworkDiagram(shuffled, { title: 'Network topology: Brightwave' })).toBe(svg);
  });

  it('escapes hostile names and keeps them on one line', () => {
    const vpc = live('AWS::EC2::VPC', 'vpc-1', { CidrBlock: '10.0.0.0/16' }, { name: '<script>alert(1)</script>' });
    const subnet = live('AWS::EC2::Subnet', 'subnet-1', { VpcId: 'vpc-1', AvailabilityZone: 'us-east-1a', Public: false }, { name: 'a"b\'c&d' });
    const instance = live('AWS::EC2::Instance', 'i-1', { SubnetId: 'subnet-1', SecurityGroupIds: ['sg-x'] }, { name: '\u001b[2Jevil\nname\u202e' });
    const out = renderNetworkDiagram([vpc, subnet, instance]);
    const root = parseXml(out);
    expect(out).not.toContain('<script>');
    // eslint-disable-next-line no-control-regex -- controls are what is being ruled out
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
    expect(descendants(root, 'text').map(textOf)).toContain('evil name');
  });

  it('caps long lists with "+N more"', () => {
    const vpc = live('AWS::EC2::VPC', 'vpc-1', {});
    const subnet = live('AWS::EC2::Subnet', 'subnet-1', { VpcId: 'vpc-1', AvailabilityZone: 'us-east-1a', Public: false });
    const instances = Array.from({ length: 60 }, (_, i) => live('AWS::EC2::Instance', `i-${String(i).padStart(3, '0')}`, { SubnetId: 'subnet-1' }));
    const out = renderNetworkDiagram([vpc, subnet, ...instances]);
    expect(out).toContain('+55 more in this subnet');
    expect(descendants(parseXml(out), 'rect').length).toBeLessThan(40);
  });

  it('says so when there is no network to draw', () => {
    expect(renderNetworkDiagram([])).toContain('No network resources in the snapshots');
  });
});

describe('topology from a template', () => {
  const cfn = (logicalId: string, type: string, properties: Record<string, unknown>) =>
    Resource.parse({ uid: `cfn:net.yaml#${logicalId}`, type, source: 'cloudformation', name: logicalId, properties, location: { file: 'net.yaml', logicalId } });
  const ref = (logicalId: string) => ({ $ref: `cfn:net.yaml#${logicalId}` });
  const resources = [
    cfn('Vpc', 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' }),
    cfn('Igw', 'AWS::EC2::InternetGateway', {}),
    cfn('IgwAttach', 'AWS::EC2::VPCGatewayAttachment', { VpcId: ref('Vpc'), InternetGatewayId: ref('Igw') }),
    cfn('PublicA', 'AWS::EC2::Subnet', { VpcId: ref('Vpc'), AvailabilityZone: 'eu-west-1a', MapPublicIpOnLaunch: true }),
    cfn('PrivateA', 'AWS::EC2::Subnet', { VpcId: ref('Vpc'), AvailabilityZone: 'eu-west-1a' }),
    cfn('Orphan', 'AWS::EC2::Subnet', { VpcId: ref('Vpc'), AvailabilityZone: 'eu-west-1b' }),
    cfn('PublicRt', 'AWS::EC2::RouteTable', { VpcId: ref('Vpc') }),
    cfn('PrivateRt', 'AWS::EC2::RouteTable', { VpcId: ref('Vpc') }),
    cfn('DefaultRoute', 'AWS::EC2::Route', { RouteTableId: ref('PublicRt'), GatewayId: ref('Igw'), DestinationCidrBlock: '0.0.0.0/0' }),
    cfn('PublicAssoc', 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref('PublicA'), RouteTableId: ref('PublicRt') }),
    cfn('PrivateAssoc', 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref('PrivateA'), RouteTableId: ref('PrivateRt') }),
    cfn('Web', 'AWS::EC2::Instance', { SubnetId: ref('PrivateA'), SecurityGroupIds: [ref('WebSg')] }),
    cfn('WebSg', 'AWS::EC2::SecurityGroup', { GroupName: 'web', VpcId: ref('Vpc') }),
  ];
  const topology = buildTopology(resources);
  const vpc = topology.accounts[0]!.regions[0]!.vpcs[0]!;

  it('reads tiers from route tables, and leaves a subnet without one unknown', () => {
    expect(vpc.subnets.map((s) => [s.name, s.tier])).toEqual([
      ['PublicA', 'public'],
      ['PrivateA', 'private'],
      ['Orphan', 'unknown'],
    ]);
    expect(vpc.internetGateway).toBe('Igw');
  });

  it('follows template references to subnets and security groups', () => {
    expect(vpc.subnets[1]!.nodes.map((n) => [n.name, n.securityGroups])).toEqual([['Web', ['web']]]);
  });
});
