// Test-only: VPCs of their own (besides moto's default VPC): private /24 subnets spread over three zones and, when
// asked, public ones behind an internet gateway, a NAT gateway for the private ones, flow logs, and the default
// security group's rules removed.
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateFlowLogsCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import type { RegionSpec, VpcSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import { revokeAll } from './network.js';

export interface SeededVpc {
  vpcId: string;
  /** Subnet ids in the order of their zones (`a`, `b`, `c`, `a` …). */
  privateSubnets: string[];
  publicSubnets: string[];
  defaultSecurityGroup: string;
}

/** The Region's own VPCs by name. */
export type SeededVpcs = Record<string, SeededVpc>;

/** `10.1.0.0/16`, 3 → `10.1.3.0/24`. */
function subnetCidr(vpc: VpcSpec, index: number): string {
  const [a, b] = vpc.cidr.split('.');
  if (a === undefined || b === undefined || index > 255) throw new Error(`vpc ${vpc.name}: cannot carve subnet ${index} from ${vpc.cidr}`);
  return `${a}.${b}.${index}.0/24`;
}

const zone = (region: string, i: number) => `${region}${'abc'[i % 3]}`;

async function createSubnets(ec2: EC2Client, region: string, vpc: VpcSpec, VpcId: string, kind: 'private' | 'public'): Promise<string[]> {
  const count = kind === 'private' ? vpc.subnets : (vpc.publicSubnets ?? 0);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const az = zone(region, i);
    const created = await ec2.send(
      new CreateSubnetCommand({
        VpcId,
        CidrBlock: subnetCidr(vpc, kind === 'private' ? i : 128 + i),
        AvailabilityZone: az,
        TagSpecifications: [{ ResourceType: 'subnet', Tags: tagList(vpc.tags, kind === 'private' ? `${vpc.name}-${i}` : `${vpc.name}-public-${az}`) }],
      }),
    );
    const SubnetId = created.Subnet?.SubnetId ?? '';
    if (kind === 'public') await ec2.send(new ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } }));
    ids.push(SubnetId);
  }
  return ids;
}

/** A route table of the VPC sending 0.0.0.0/0 to `target`, associated with `subnets`. */
async function routeTable(ec2: EC2Client, vpc: VpcSpec, VpcId: string, name: string, route: { GatewayId: string } | { NatGatewayId: string }, subnets: string[]): Promise<void> {
  const table = await ec2.send(new CreateRouteTableCommand({ VpcId, TagSpecifications: [{ ResourceType: 'route-table', Tags: tagList(vpc.tags, `${vpc.name}-${name}`) }] }));
  const RouteTableId = table.RouteTable?.RouteTableId ?? '';
  await ec2.send(new CreateRouteCommand({ RouteTableId, DestinationCidrBlock: '0.0.0.0/0', ...route }));
  for (const SubnetId of subnets) await ec2.send(new AssociateRouteTableCommand({ RouteTableId, SubnetId }));
}

async function createVpc(target: SeedTarget, region: string, vpc: VpcSpec): Promise<SeededVpc> {
  const ec2 = target.client(EC2Client, region);
  const created = await ec2.send(new CreateVpcCommand({ CidrBlock: vpc.cidr, TagSpecifications: [{ ResourceType: 'vpc', Tags: tagList(vpc.tags, vpc.name) }] }));
  const VpcId = created.Vpc?.VpcId ?? '';
  const privateSubnets = await createSubnets(ec2, region, vpc, VpcId, 'private');
  const publicSubnets = await createSubnets(ec2, region, vpc, VpcId, 'public');
  if (publicSubnets.length > 0) {
    const gateway = await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: tagList(vpc.tags, `${vpc.name}-igw`) }] }));
    const GatewayId = gateway.InternetGateway?.InternetGatewayId ?? '';
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: GatewayId, VpcId }));
    await routeTable(ec2, vpc, VpcId, 'public', { GatewayId }, publicSubnets);
    if (vpc.natGateway) {
      const address = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
      const nat = await ec2.send(
        new CreateNatGatewayCommand({
          SubnetId: publicSubnets[0],
          AllocationId: address.AllocationId,
          TagSpecifications: [{ ResourceType: 'natgateway', Tags: tagList(vpc.tags, `${vpc.name}-nat`) }],
        }),
      );
      await routeTable(ec2, vpc, VpcId, 'private', { NatGatewayId: nat.NatGateway?.NatGatewayId ?? '' }, privateSubnets);
    }
  }
  if (vpc.flowLogs) {
    const LogGroupName = `/vpc/${vpc.name}/flow-logs`;
    const logs = target.client(CloudWatchLogsClient, region);
    await logs.send(new CreateLogGroupCommand({ logGroupName: LogGroupName }));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: LogGroupName, retentionInDays: 90 }));
    await ec2.send(
      new CreateFlowLogsCommand({
        ResourceIds: [VpcId],
        ResourceType: 'VPC',
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName,
        DeliverLogsPermissionArn: `arn:aws:iam::${target.accountId}:role/vpc-flow-logs`,
      }),
    );
  }
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [VpcId] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups?.[0];
  const defaultSecurityGroup = group?.GroupId ?? '';
  if (vpc.defaultSecurityGroup === 'restrict-all' && defaultSecurityGroup) await revokeAll(ec2, defaultSecurityGroup);
  return { vpcId: VpcId, privateSubnets, publicSubnets, defaultSecurityGroup };
}

export async function seedVpcs(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<SeededVpcs> {
  const vpcs: SeededVpcs = {};
  if (!spec.vpcs?.length) return vpcs;
  await eachLimited(spec.vpcs, concurrency, async (vpc) => {
    vpcs[vpc.name] = await createVpc(target, region, vpc);
  });
  return vpcs;
}

/** The seeded VPC a resource names, or an error that says which. */
export function vpcNamed(vpcs: SeededVpcs, name: string, what: string): SeededVpc {
  const vpc = vpcs[name];
  if (!vpc) throw new Error(`${what}: no VPC named ${name} in the Region's vpcs`);
  return vpc;
}
