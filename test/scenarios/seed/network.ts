// Test-only: a Region's network in the default VPC moto creates (as AWS does): the default security group's rules
// removed when asked (CIS 5.5), and security groups — there or in the Region's own VPCs — with the given ingress
// and egress.
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type { PermissionSpec, RegionSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import { vpcNamed, type SeededVpcs } from './vpcs.js';

export interface SeededNetwork {
  vpcId: string;
  /** The default VPC's subnets, one per Availability Zone, sorted by zone. */
  subnetIds: string[];
  /** Security group ids by name (`default` is the default VPC's), in the default VPC and the Region's own VPCs. */
  securityGroups: Record<string, string>;
  /** The Region's own VPCs by name. */
  vpcs: SeededVpcs;
}

function permission(spec: PermissionSpec, groups: Readonly<Record<string, string>>): IpPermission {
  const all = spec.protocol === '-1';
  const description = spec.description ? { Description: spec.description } : {};
  let peer: Partial<IpPermission>;
  if (spec.sourceGroup !== undefined) {
    const GroupId = groups[spec.sourceGroup];
    if (!GroupId) throw new Error(`no security group named ${spec.sourceGroup} to allow traffic from`);
    peer = { UserIdGroupPairs: [{ GroupId, ...description }] };
  } else if (spec.cidr?.includes(':')) {
    peer = { Ipv6Ranges: [{ CidrIpv6: spec.cidr, ...description }] };
  } else {
    peer = { IpRanges: [{ CidrIp: spec.cidr ?? '0.0.0.0/0', ...description }] };
  }
  return { IpProtocol: spec.protocol, ...(all ? {} : { FromPort: spec.port ?? 0, ToPort: spec.toPort ?? spec.port ?? 65535 }), ...peer };
}

export async function revokeAll(ec2: EC2Client, GroupId: string): Promise<void> {
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId] }))).SecurityGroups?.[0];
  if (group?.IpPermissions?.length) await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions: group.IpPermissions }));
  if (group?.IpPermissionsEgress?.length) await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId, IpPermissions: group.IpPermissionsEgress }));
}

/**
 * The default VPC (its default group's rules removed when asked) and every security group of the spec, in the default
 * VPC or one of `vpcs`: all groups are created first, so a rule may name any of them as its peer.
 */
export async function seedNetwork(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8, vpcs: SeededVpcs = {}): Promise<SeededNetwork> {
  const ec2 = target.client(EC2Client, region);
  const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
  if (!vpc?.VpcId) throw new Error(`no default VPC in ${target.accountId} ${region}`);
  const vpcId = vpc.VpcId;
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets ?? [];
  const subnetIds = subnets
    .sort((a, b) => (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? ''))
    .map((s) => s.SubnetId ?? '')
    .filter(Boolean);
  const defaults = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }, { Name: 'vpc-id', Values: [vpcId] }] }))).SecurityGroups ?? [];
  const securityGroups: Record<string, string> = {};
  for (const group of defaults) {
    if (!group.GroupId) continue;
    securityGroups['default'] = group.GroupId;
    if (spec.defaultSecurityGroup === 'restrict-all') await revokeAll(ec2, group.GroupId);
  }

  await eachLimited(spec.securityGroups ?? [], concurrency, async (group) => {
    const created = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: group.name,
        Description: group.description ?? `${group.name} security group`,
        VpcId: group.vpc === undefined ? vpcId : vpcNamed(vpcs, group.vpc, `security group ${group.name}`).vpcId,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: tagList(group.tags, group.name) }],
      }),
    );
    securityGroups[group.name] = created.GroupId ?? '';
  });
  await eachLimited(spec.securityGroups ?? [], concurrency, async (group) => {
    const GroupId = securityGroups[group.name] ?? '';
    if (group.egress) {
      await revokeAll(ec2, GroupId);
      if (group.egress.length > 0) await ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId, IpPermissions: group.egress.map((p) => permission(p, securityGroups)) }));
    }
    if (group.ingress?.length) await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: group.ingress.map((p) => permission(p, securityGroups)) }));
  });
  return { vpcId, subnetIds, securityGroups, vpcs };
}
