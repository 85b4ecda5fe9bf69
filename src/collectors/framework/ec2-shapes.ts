/**
 * EC2 API answers in the CloudFormation shape the rules read (docs/resource-model.md). Pure functions: the ec2
 * collector does the calls, these do the reshaping.
 */
import type { IpPermission, LaunchTemplateVersion, NetworkAclEntry, RouteTable } from '@aws-sdk/client-ec2';
import { defined } from './aws-values.js';
import { userDataFlags } from './secret-flags.js';

export type Direction = 'ingress' | 'egress';

/**
 * One CloudFormation-style entry per source of each permission: every IP range, IPv6 range, security group pair and
 * prefix list of an `IpPermission` becomes its own `SecurityGroupIngress` / `SecurityGroupEgress` entry, carrying the
 * permission's protocol and ports (absent ports stay absent: `-1` traffic has none).
 */
export function flattenPermissions(permissions: readonly IpPermission[] | undefined, direction: Direction): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const p of permissions ?? []) {
    const base = defined({ IpProtocol: p.IpProtocol, FromPort: p.FromPort, ToPort: p.ToPort });
    const before = out.length;
    for (const r of p.IpRanges ?? []) out.push({ ...base, ...defined({ CidrIp: r.CidrIp, Description: r.Description }) });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, ...defined({ CidrIpv6: r.CidrIpv6, Description: r.Description }) });
    for (const g of p.UserIdGroupPairs ?? []) {
      const source =
        direction === 'ingress'
          ? { SourceSecurityGroupId: g.GroupId, SourceSecurityGroupOwnerId: g.UserId }
          : { DestinationSecurityGroupId: g.GroupId };
      out.push({ ...base, ...defined({ ...source, Description: g.Description }) });
    }
    for (const l of p.PrefixListIds ?? []) {
      const source = direction === 'ingress' ? { SourcePrefixListId: l.PrefixListId } : { DestinationPrefixListId: l.PrefixListId };
      out.push({ ...base, ...defined({ ...source, Description: l.Description }) });
    }
    // A permission without any source cannot be written in CloudFormation; keep it visible rather than drop it.
    if (out.length === before) out.push(base);
  }
  return out;
}

/** Whether a route table sends anything to an internet gateway (an active route whose target is `igw-…`). */
export function routesToInternetGateway(table: RouteTable): boolean {
  return (table.Routes ?? []).some((r) => r.GatewayId?.startsWith('igw-') === true && r.State !== 'blackhole');
}

/**
 * Which route table governs each subnet: its explicit association, else the main table of its VPC. A subnet is public
 * when that table routes to an internet gateway; undefined when no governing table was found.
 */
export function subnetPublicness(routeTables: readonly RouteTable[]): (subnetId: string, vpcId: string | undefined) => boolean | undefined {
  const explicit = new Map<string, RouteTable>();
  const main = new Map<string, RouteTable>();
  for (const table of routeTables) {
    for (const a of table.Associations ?? []) {
      if (a.SubnetId) explicit.set(a.SubnetId, table);
      if (a.Main === true && table.VpcId) main.set(table.VpcId, table);
    }
  }
  return (subnetId, vpcId) => {
    const table = explicit.get(subnetId) ?? (vpcId === undefined ? undefined : main.get(vpcId));
    return table === undefined ? undefined : routesToInternetGateway(table);
  };
}

export function routeTableProperties(table: RouteTable): Record<string, unknown> {
  return {
    VpcId: table.VpcId ?? null,
    Routes: (table.Routes ?? []).map((r) =>
      defined({
        DestinationCidrBlock: r.DestinationCidrBlock,
        DestinationIpv6CidrBlock: r.DestinationIpv6CidrBlock,
        DestinationPrefixListId: r.DestinationPrefixListId,
        GatewayId: r.GatewayId,
        NatGatewayId: r.NatGatewayId,
        TransitGatewayId: r.TransitGatewayId,
        VpcPeeringConnectionId: r.VpcPeeringConnectionId,
        NetworkInterfaceId: r.NetworkInterfaceId,
        InstanceId: r.InstanceId,
        EgressOnlyInternetGatewayId: r.EgressOnlyInternetGatewayId,
        State: r.State,
      }),
    ),
    Associations: (table.Associations ?? []).map((a) => defined({ SubnetId: a.SubnetId, GatewayId: a.GatewayId, Main: a.Main ?? false })),
  };
}

/** Network ACL entries as CloudFormation `AWS::EC2::NetworkAclEntry` properties (protocol as a number). */
export function networkAclEntries(entries: readonly NetworkAclEntry[] | undefined): Array<Record<string, unknown>> {
  return (entries ?? []).map((e) =>
    defined({
      RuleNumber: e.RuleNumber,
      Protocol: e.Protocol === undefined ? undefined : Number(e.Protocol),
      RuleAction: e.RuleAction,
      Egress: e.Egress ?? false,
      CidrBlock: e.CidrBlock,
      Ipv6CidrBlock: e.Ipv6CidrBlock,
      PortRange: e.PortRange ? defined({ From: e.PortRange.From, To: e.PortRange.To }) : undefined,
      Icmp: e.IcmpTypeCode ? defined({ Code: e.IcmpTypeCode.Code, Type: e.IcmpTypeCode.Type }) : undefined,
    }),
  );
}

/** What CloudFormation calls the flow log's `ResourceType`, from the id of the resource it watches. */
export function flowLogResourceType(resourceId: string | undefined): string | null {
  if (!resourceId) return null;
  if (resourceId.startsWith('vpc-')) return 'VPC';
  if (resourceId.startsWith('subnet-')) return 'Subnet';
  if (resourceId.startsWith('eni-')) return 'NetworkInterface';
  if (resourceId.startsWith('tgw-attach-')) return 'TransitGatewayAttachment';
  if (resourceId.startsWith('tgw-')) return 'TransitGateway';
  return null;
}

/** The instance profile's name from its ARN (`…:instance-profile/path/name`): what CloudFormation's property holds. */
export function instanceProfileName(arn: string | undefined): string | null {
  if (!arn) return null;
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return name || arn;
}

/**
 * A launch template version's data in CloudFormation's `LaunchTemplateData` shape; `UserData` becomes the
 * `{ Present, LooksLikeCredential }` flags (absent when the version has none), the text is never kept.
 */
export function launchTemplateData(version: LaunchTemplateVersion): Record<string, unknown> {
  const data = version.LaunchTemplateData ?? {};
  const profile = data.IamInstanceProfile;
  return defined({
    ImageId: data.ImageId,
    InstanceType: data.InstanceType,
    IamInstanceProfile: profile ? defined({ Arn: profile.Arn, Name: profile.Name }) : undefined,
    SecurityGroupIds: data.SecurityGroupIds,
    SecurityGroups: data.SecurityGroups,
    MetadataOptions: data.MetadataOptions
      ? defined({
          HttpTokens: data.MetadataOptions.HttpTokens,
          HttpEndpoint: data.MetadataOptions.HttpEndpoint,
          HttpPutResponseHopLimit: data.MetadataOptions.HttpPutResponseHopLimit,
          InstanceMetadataTags: data.MetadataOptions.InstanceMetadataTags,
        })
      : undefined,
    BlockDeviceMappings: data.BlockDeviceMappings?.map((m) =>
      defined({
        DeviceName: m.DeviceName,
        NoDevice: m.NoDevice,
        Ebs: m.Ebs
          ? defined({
              Encrypted: m.Ebs.Encrypted,
              KmsKeyId: m.Ebs.KmsKeyId,
              VolumeSize: m.Ebs.VolumeSize,
              VolumeType: m.Ebs.VolumeType,
              SnapshotId: m.Ebs.SnapshotId,
              DeleteOnTermination: m.Ebs.DeleteOnTermination,
            })
          : undefined,
      }),
    ),
    NetworkInterfaces: data.NetworkInterfaces?.map((n) =>
      defined({ DeviceIndex: n.DeviceIndex, SubnetId: n.SubnetId, AssociatePublicIpAddress: n.AssociatePublicIpAddress, Groups: n.Groups }),
    ),
    UserData: data.UserData === undefined || data.UserData === '' ? undefined : userDataFlags(data.UserData),
  });
}
