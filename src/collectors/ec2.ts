/**
 * EC2 and VPC: security groups (inline rules, one entry per source), prefix lists, VPCs with their flow log counts,
 * subnets (public = routed to an internet gateway), route tables, internet and NAT gateways, network ACLs, instances
 * (user data as flags only), volumes, launch templates (default version) and the Region's EBS encryption default.
 * Every listing is its own record, so one denied Describe call leaves only its own types unknown.
 */
import {
  DescribeFlowLogsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetManagedPrefixListEntriesCommand,
  type Instance,
  type ManagedPrefixList,
  type Volume,
} from '@aws-sdk/client-ec2';
import type { UnknownMark } from '../core/index.js';
import { buildArn, defined, tagMap } from './framework/aws-values.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import {
  flattenPermissions,
  flowLogResourceType,
  instanceProfileName,
  launchTemplateData,
  networkAclEntries,
  routeTableProperties,
  subnetPublicness,
} from './framework/ec2-shapes.js';
import { mapLimit } from './framework/limiter.js';
import { userDataFlags } from './framework/secret-flags.js';

const OPERATIONS = {
  DescribeSecurityGroups: 'ec2:DescribeSecurityGroups',
  DescribeManagedPrefixLists: 'ec2:DescribeManagedPrefixLists',
  GetManagedPrefixListEntries: 'ec2:GetManagedPrefixListEntries',
  DescribeVpcs: 'ec2:DescribeVpcs',
  DescribeSubnets: 'ec2:DescribeSubnets',
  DescribeRouteTables: 'ec2:DescribeRouteTables',
  DescribeInternetGateways: 'ec2:DescribeInternetGateways',
  DescribeNatGateways: 'ec2:DescribeNatGateways',
  DescribeNetworkAcls: 'ec2:DescribeNetworkAcls',
  DescribeFlowLogs: 'ec2:DescribeFlowLogs',
  DescribeInstances: 'ec2:DescribeInstances',
  DescribeInstanceAttribute: 'ec2:DescribeInstanceAttribute',
  DescribeVolumes: 'ec2:DescribeVolumes',
  GetEbsEncryptionByDefault: 'ec2:GetEbsEncryptionByDefault',
  DescribeLaunchTemplates: 'ec2:DescribeLaunchTemplates',
  DescribeLaunchTemplateVersions: 'ec2:DescribeLaunchTemplateVersions',
} as const;

type Ctx = CollectorContext<keyof typeof OPERATIONS>;
type Arn = (resource: string) => string;

/** Per-instance user data reads share the service's limit; this keeps one collector from queueing thousands at once. */
const PER_RESOURCE_CONCURRENCY = 4;

export default defineCollector({
  service: 'ec2',
  scope: 'regional',
  operations: OPERATIONS,
  listings: {
    // Live rules are always inline on their group, so this listing is also the whole inventory of standalone rules.
    DescribeSecurityGroups: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
    DescribeManagedPrefixLists: ['AWS::EC2::PrefixList'],
    DescribeFlowLogs: ['AWS::EC2::FlowLog'],
    DescribeVpcs: ['AWS::EC2::VPC'],
    DescribeRouteTables: ['AWS::EC2::RouteTable'],
    DescribeSubnets: ['AWS::EC2::Subnet'],
    DescribeInternetGateways: ['AWS::EC2::InternetGateway'],
    DescribeNatGateways: ['AWS::EC2::NatGateway'],
    DescribeNetworkAcls: ['AWS::EC2::NetworkAcl'],
    DescribeVolumes: ['AWS::EC2::Volume'],
    DescribeInstances: ['AWS::EC2::Instance'],
    DescribeLaunchTemplates: ['AWS::EC2::LaunchTemplate'],
  },
  produces: [
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress',
    'AWS::EC2::SecurityGroupEgress',
    'AWS::EC2::PrefixList',
    'AWS::EC2::VPC',
    'AWS::EC2::Subnet',
    'AWS::EC2::RouteTable',
    'AWS::EC2::InternetGateway',
    'AWS::EC2::NatGateway',
    'AWS::EC2::NetworkAcl',
    'AWS::EC2::FlowLog',
    'AWS::EC2::Instance',
    'AWS::EC2::Volume',
    'AWS::EC2::LaunchTemplate',
    'AWS::Account::Region',
  ],
  async collect(ctx) {
    const ec2 = ctx.client(EC2Client);
    const arn: Arn = (resource) => buildArn(ctx.apiRegion, 'ec2', ctx.region, ctx.account, resource);
    await Promise.all([
      securityGroups(ctx, ec2, arn),
      network(ctx, ec2, arn),
      compute(ctx, ec2, arn),
      launchTemplates(ctx, ec2, arn),
      ebsEncryptionByDefault(ctx, ec2),
    ]);
  },
});

async function securityGroups(ctx: Ctx, ec2: EC2Client, arn: Arn): Promise<void> {
  const [groups, lists] = await Promise.all([
    ctx.pages(
      'DescribeSecurityGroups',
      (NextToken, o) => ec2.send(new DescribeSecurityGroupsCommand({ NextToken, MaxResults: 1000 }), o),
      (p) => p.NextToken,
      (p) => p.SecurityGroups,
    ),
    prefixLists(ctx, ec2, arn),
  ]);
  if (!groups.ok) return;
  for (const g of groups.value) {
    if (!g.GroupId) continue;
    const ingress = flattenPermissions(g.IpPermissions, 'ingress');
    const egress = flattenPermissions(g.IpPermissionsEgress, 'egress');
    const unknown: UnknownMark[] = [];
    // Without the prefix lists, an entry sourced from one could be the whole internet: say so on that entry only.
    if (!lists.ok) {
      ingress.forEach((e, i) => e['SourcePrefixListId'] !== undefined && unknown.push({ path: `/SecurityGroupIngress/${i}/SourcePrefixListId`, reason: lists.reason }));
      egress.forEach((e, i) => e['DestinationPrefixListId'] !== undefined && unknown.push({ path: `/SecurityGroupEgress/${i}/DestinationPrefixListId`, reason: lists.reason }));
    }
    ctx.emit({
      uid: arn(`security-group/${g.GroupId}`),
      type: 'AWS::EC2::SecurityGroup',
      name: g.GroupName ?? g.GroupId,
      physicalId: g.GroupId,
      properties: {
        GroupId: g.GroupId,
        GroupName: g.GroupName ?? null,
        GroupDescription: g.Description ?? null,
        VpcId: g.VpcId ?? null,
        SecurityGroupIngress: ingress,
        SecurityGroupEgress: egress,
        IsDefault: g.GroupName === 'default',
      },
      tags: tagMap(g.Tags),
      unknown,
    });
  }
}

/** Every prefix list; entries only for customer lists (AWS-managed ones hold AWS service ranges, never the internet). */
async function prefixLists(ctx: Ctx, ec2: EC2Client, arn: Arn): Promise<{ ok: true } | { ok: false; reason: string }> {
  const lists = await ctx.pages(
    'DescribeManagedPrefixLists',
    (NextToken, o) => ec2.send(new DescribeManagedPrefixListsCommand({ NextToken, MaxResults: 100 }), o),
    (p) => p.NextToken,
    (p) => p.PrefixLists,
  );
  if (!lists.ok) return { ok: false, reason: lists.reason };
  await mapLimit(lists.value, PER_RESOURCE_CONCURRENCY, (list) => prefixList(ctx, ec2, arn, list));
  return { ok: true };
}

async function prefixList(ctx: Ctx, ec2: EC2Client, arn: Arn, list: ManagedPrefixList): Promise<void> {
  const id = list.PrefixListId;
  if (!id) return;
  const uid = list.PrefixListArn ?? arn(`prefix-list/${id}`);
  const properties: Record<string, unknown> = {
    PrefixListName: list.PrefixListName ?? null,
    AddressFamily: list.AddressFamily ?? null,
    MaxEntries: list.MaxEntries ?? null,
    OwnerId: list.OwnerId ?? null,
  };
  const unknown: UnknownMark[] = [];
  if (list.OwnerId !== 'AWS') {
    const entries = await ctx.pages(
      'GetManagedPrefixListEntries',
      (NextToken, o) => ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: id, NextToken, MaxResults: 100 }), o),
      (p) => p.NextToken,
      (p) => p.Entries,
      { resource: uid },
    );
    if (entries.ok) properties['Entries'] = entries.value.map((e) => defined({ Cidr: e.Cidr, Description: e.Description }));
    else unknown.push({ path: '/Entries', reason: entries.reason });
  }
  ctx.emit({ uid, type: 'AWS::EC2::PrefixList', name: list.PrefixListName ?? id, physicalId: id, properties, tags: tagMap(list.Tags), unknown });
}

async function network(ctx: Ctx, ec2: EC2Client, arn: Arn): Promise<void> {
  const [vpcs, subnets, tables, gateways, nats, acls, flowLogs] = await Promise.all([
    ctx.pages('DescribeVpcs', (NextToken, o) => ec2.send(new DescribeVpcsCommand({ NextToken, MaxResults: 1000 }), o), (p) => p.NextToken, (p) => p.Vpcs),
    ctx.pages('DescribeSubnets', (NextToken, o) => ec2.send(new DescribeSubnetsCommand({ NextToken, MaxResults: 1000 }), o), (p) => p.NextToken, (p) => p.Subnets),
    ctx.pages('DescribeRouteTables', (NextToken, o) => ec2.send(new DescribeRouteTablesCommand({ NextToken, MaxResults: 100 }), o), (p) => p.NextToken, (p) => p.RouteTables),
    ctx.pages(
      'DescribeInternetGateways',
      (NextToken, o) => ec2.send(new DescribeInternetGatewaysCommand({ NextToken, MaxResults: 1000 }), o),
      (p) => p.NextToken,
      (p) => p.InternetGateways,
    ),
    ctx.pages('DescribeNatGateways', (NextToken, o) => ec2.send(new DescribeNatGatewaysCommand({ NextToken, MaxResults: 1000 }), o), (p) => p.NextToken, (p) => p.NatGateways),
    ctx.pages('DescribeNetworkAcls', (NextToken, o) => ec2.send(new DescribeNetworkAclsCommand({ NextToken, MaxResults: 100 }), o), (p) => p.NextToken, (p) => p.NetworkAcls),
    ctx.pages('DescribeFlowLogs', (NextToken, o) => ec2.send(new DescribeFlowLogsCommand({ NextToken, MaxResults: 1000 }), o), (p) => p.NextToken, (p) => p.FlowLogs),
  ]);

  const flowLogCount = new Map<string, number>();
  if (flowLogs.ok) {
    for (const f of flowLogs.value) {
      if (!f.FlowLogId) continue;
      if (f.ResourceId) flowLogCount.set(f.ResourceId, (flowLogCount.get(f.ResourceId) ?? 0) + 1);
      ctx.emit({
        uid: arn(`vpc-flow-log/${f.FlowLogId}`),
        type: 'AWS::EC2::FlowLog',
        name: f.FlowLogId,
        physicalId: f.FlowLogId,
        properties: {
          ResourceId: f.ResourceId ?? null,
          ResourceType: flowLogResourceType(f.ResourceId),
          TrafficType: f.TrafficType ?? null,
          LogDestinationType: f.LogDestinationType ?? null,
          LogDestination: f.LogDestination ?? null,
          LogGroupName: f.LogGroupName ?? null,
          DeliverLogsStatus: f.DeliverLogsStatus ?? null,
        },
        tags: tagMap(f.Tags),
      });
    }
  }

  if (vpcs.ok) {
    for (const v of vpcs.value) {
      if (!v.VpcId) continue;
      ctx.emit({
        uid: arn(`vpc/${v.VpcId}`),
        type: 'AWS::EC2::VPC',
        name: tagMap(v.Tags)['Name'] ?? v.VpcId,
        physicalId: v.VpcId,
        properties: {
          CidrBlock: v.CidrBlock ?? null,
          IsDefault: v.IsDefault ?? false,
          InstanceTenancy: v.InstanceTenancy ?? null,
          ...(flowLogs.ok ? { FlowLogs: flowLogCount.get(v.VpcId) ?? 0 } : {}),
        },
        tags: tagMap(v.Tags),
        unknown: flowLogs.ok ? [] : [{ path: '/FlowLogs', reason: flowLogs.reason }],
      });
    }
  }

  if (tables.ok) {
    for (const t of tables.value) {
      if (!t.RouteTableId) continue;
      ctx.emit({
        uid: arn(`route-table/${t.RouteTableId}`),
        type: 'AWS::EC2::RouteTable',
        name: tagMap(t.Tags)['Name'] ?? t.RouteTableId,
        physicalId: t.RouteTableId,
        properties: routeTableProperties(t),
        tags: tagMap(t.Tags),
      });
    }
  }

  if (subnets.ok) {
    const publicness = tables.ok ? subnetPublicness(tables.value) : undefined;
    for (const s of subnets.value) {
      if (!s.SubnetId) continue;
      const isPublic = publicness?.(s.SubnetId, s.VpcId);
      const unknown: UnknownMark[] = [];
      if (!tables.ok) unknown.push({ path: '/Public', reason: tables.reason });
      else if (isPublic === undefined) unknown.push({ path: '/Public', reason: 'missing_data:route-table' });
      ctx.emit({
        uid: s.SubnetArn ?? arn(`subnet/${s.SubnetId}`),
        type: 'AWS::EC2::Subnet',
        name: tagMap(s.Tags)['Name'] ?? s.SubnetId,
        physicalId: s.SubnetId,
        properties: {
          VpcId: s.VpcId ?? null,
          CidrBlock: s.CidrBlock ?? null,
          AvailabilityZone: s.AvailabilityZone ?? null,
          AvailabilityZoneId: s.AvailabilityZoneId ?? null,
          MapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
          DefaultForAz: s.DefaultForAz ?? false,
          ...(isPublic !== undefined ? { Public: isPublic } : {}),
        },
        tags: tagMap(s.Tags),
        unknown,
      });
    }
  }

  if (gateways.ok) {
    for (const g of gateways.value) {
      if (!g.InternetGatewayId) continue;
      ctx.emit({
        uid: arn(`internet-gateway/${g.InternetGatewayId}`),
        type: 'AWS::EC2::InternetGateway',
        name: tagMap(g.Tags)['Name'] ?? g.InternetGatewayId,
        physicalId: g.InternetGatewayId,
        properties: { Attachments: (g.Attachments ?? []).map((a) => defined({ VpcId: a.VpcId, State: a.State })) },
        tags: tagMap(g.Tags),
      });
    }
  }

  if (nats.ok) {
    // Deleted gateways linger in the answer for about an hour; they hold nothing.
    for (const n of nats.value.filter((n) => n.State !== 'deleted')) {
      if (!n.NatGatewayId) continue;
      ctx.emit({
        uid: arn(`natgateway/${n.NatGatewayId}`),
        type: 'AWS::EC2::NatGateway',
        name: tagMap(n.Tags)['Name'] ?? n.NatGatewayId,
        physicalId: n.NatGatewayId,
        properties: {
          SubnetId: n.SubnetId ?? null,
          VpcId: n.VpcId ?? null,
          ConnectivityType: n.ConnectivityType ?? 'public',
          AllocationId: n.NatGatewayAddresses?.[0]?.AllocationId ?? null,
          State: n.State ?? null,
        },
        tags: tagMap(n.Tags),
      });
    }
  }

  if (acls.ok) {
    for (const a of acls.value) {
      if (!a.NetworkAclId) continue;
      ctx.emit({
        uid: arn(`network-acl/${a.NetworkAclId}`),
        type: 'AWS::EC2::NetworkAcl',
        name: tagMap(a.Tags)['Name'] ?? a.NetworkAclId,
        physicalId: a.NetworkAclId,
        properties: {
          VpcId: a.VpcId ?? null,
          IsDefault: a.IsDefault ?? false,
          Entries: networkAclEntries(a.Entries),
          Associations: (a.Associations ?? []).map((x) => defined({ SubnetId: x.SubnetId })),
        },
        tags: tagMap(a.Tags),
      });
    }
  }
}

async function compute(ctx: Ctx, ec2: EC2Client, arn: Arn): Promise<void> {
  const [reservations, volumes] = await Promise.all([
    ctx.pages('DescribeInstances', (NextToken, o) => ec2.send(new DescribeInstancesCommand({ NextToken, MaxResults: 1000 }), o), (p) => p.NextToken, (p) => p.Reservations),
    ctx.pages('DescribeVolumes', (NextToken, o) => ec2.send(new DescribeVolumesCommand({ NextToken, MaxResults: 500 }), o), (p) => p.NextToken, (p) => p.Volumes),
  ]);
  const volumeById = new Map<string, Volume>();
  if (volumes.ok) {
    for (const v of volumes.value) if (v.VolumeId) volumeById.set(v.VolumeId, v);
    for (const v of volumeById.values()) emitVolume(ctx, arn, v);
  }
  if (!reservations.ok) return;
  // Terminated instances stay listed for about an hour; they run nothing and keep nothing to judge.
  const instances = reservations.value.flatMap((r) => r.Instances ?? []).filter((i) => i.InstanceId && i.State?.Name !== 'terminated');
  await mapLimit(instances, PER_RESOURCE_CONCURRENCY, async (instance) => {
    const uid = arn(`instance/${instance.InstanceId}`);
    const unknown: UnknownMark[] = [];
    const properties = instanceProperties(instance, volumes.ok ? volumeById : undefined, volumes.ok ? undefined : volumes.reason, unknown);
    if (instance.State?.Name !== 'shutting-down') {
      const attribute = await ctx.call(
        'DescribeInstanceAttribute',
        (o) => ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instance.InstanceId, Attribute: 'userData' }), o),
        { resource: uid },
      );
      // The value is decoded and judged here and goes no further: only the two flags are kept.
      if (attribute.ok) properties['UserData'] = userDataFlags(attribute.value.UserData?.Value);
      else unknown.push({ path: '/UserData', reason: attribute.reason });
    }
    const tags = tagMap(instance.Tags);
    ctx.emit({ uid, type: 'AWS::EC2::Instance', name: tags['Name'] ?? instance.InstanceId, physicalId: instance.InstanceId, properties, tags, unknown });
  });
}

function instanceProperties(instance: Instance, volumes: Map<string, Volume> | undefined, volumesReason: string | undefined, unknown: UnknownMark[]): Record<string, unknown> {
  const metadata = instance.MetadataOptions;
  return {
    InstanceId: instance.InstanceId,
    InstanceType: instance.InstanceType ?? null,
    ImageId: instance.ImageId ?? null,
    SubnetId: instance.SubnetId ?? null,
    VpcId: instance.VpcId ?? null,
    AvailabilityZone: instance.Placement?.AvailabilityZone ?? null,
    SecurityGroupIds: (instance.SecurityGroups ?? []).map((g) => g.GroupId).filter((id): id is string => id !== undefined),
    IamInstanceProfile: instanceProfileName(instance.IamInstanceProfile?.Arn),
    KeyName: instance.KeyName ?? null,
    MetadataOptions: metadata
      ? defined({
          HttpTokens: metadata.HttpTokens,
          HttpEndpoint: metadata.HttpEndpoint,
          HttpPutResponseHopLimit: metadata.HttpPutResponseHopLimit,
          InstanceMetadataTags: metadata.InstanceMetadataTags,
        })
      : null,
    BlockDeviceMappings: (instance.BlockDeviceMappings ?? []).map((m, i) => {
      const volumeId = m.Ebs?.VolumeId;
      if (volumeId === undefined) return defined({ DeviceName: m.DeviceName });
      const volume = volumes?.get(volumeId);
      // Encryption is a volume fact: DescribeInstances does not carry it, DescribeVolumes does.
      if (volumes === undefined || volume === undefined) {
        unknown.push({ path: `/BlockDeviceMappings/${i}/Ebs/Encrypted`, reason: volumesReason ?? `missing_data:volume:${volumeId}` });
      }
      return defined({
        DeviceName: m.DeviceName,
        Ebs: defined({ VolumeId: volumeId, DeleteOnTermination: m.Ebs?.DeleteOnTermination, Encrypted: volume?.Encrypted, KmsKeyId: volume?.KmsKeyId }),
      });
    }),
    PublicIpAddress: instance.PublicIpAddress ?? null,
    PrivateIpAddress: instance.PrivateIpAddress ?? null,
    State: instance.State?.Name ?? null,
    LaunchTime: instance.LaunchTime?.toISOString() ?? null,
  };
}

function emitVolume(ctx: Ctx, arn: Arn, v: Volume): void {
  const id = v.VolumeId ?? '';
  ctx.emit({
    uid: v.VolumeArn ?? arn(`volume/${id}`),
    type: 'AWS::EC2::Volume',
    name: tagMap(v.Tags)['Name'] ?? id,
    physicalId: id,
    properties: {
      Encrypted: v.Encrypted ?? false,
      KmsKeyId: v.KmsKeyId ?? null,
      AvailabilityZone: v.AvailabilityZone ?? null,
      VolumeType: v.VolumeType ?? null,
      Size: v.Size ?? null,
      SnapshotId: v.SnapshotId || null,
      State: v.State ?? null,
      Attachments: (v.Attachments ?? []).map((a) => defined({ InstanceId: a.InstanceId, Device: a.Device, State: a.State, DeleteOnTermination: a.DeleteOnTermination })),
    },
    tags: tagMap(v.Tags),
  });
}

async function launchTemplates(ctx: Ctx, ec2: EC2Client, arn: Arn): Promise<void> {
  const templates = await ctx.pages(
    'DescribeLaunchTemplates',
    (NextToken, o) => ec2.send(new DescribeLaunchTemplatesCommand({ NextToken, MaxResults: 200 }), o),
    (p) => p.NextToken,
    (p) => p.LaunchTemplates,
  );
  if (!templates.ok) return;
  // One account-wide call gives every template's default version (no template id, Versions: $Default).
  const versions =
    templates.value.length === 0
      ? undefined
      : await ctx.pages(
          'DescribeLaunchTemplateVersions',
          (NextToken, o) => ec2.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Default'], NextToken, MaxResults: 200 }), o),
          (p) => p.NextToken,
          (p) => p.LaunchTemplateVersions,
        );
  const byTemplate = new Map((versions?.ok ? versions.value : []).map((v) => [v.LaunchTemplateId, v]));
  for (const t of templates.value) {
    if (!t.LaunchTemplateId) continue;
    const version = byTemplate.get(t.LaunchTemplateId);
    const unknown: UnknownMark[] = [];
    if (versions && !versions.ok) unknown.push({ path: '/LaunchTemplateData', reason: versions.reason });
    else if (!version) unknown.push({ path: '/LaunchTemplateData', reason: 'missing_data:default-version' });
    ctx.emit({
      uid: arn(`launch-template/${t.LaunchTemplateId}`),
      type: 'AWS::EC2::LaunchTemplate',
      name: t.LaunchTemplateName ?? t.LaunchTemplateId,
      physicalId: t.LaunchTemplateId,
      properties: {
        LaunchTemplateName: t.LaunchTemplateName ?? null,
        DefaultVersionNumber: t.DefaultVersionNumber ?? null,
        LatestVersionNumber: t.LatestVersionNumber ?? null,
        ...(version ? { LaunchTemplateData: launchTemplateData(version) } : {}),
      },
      tags: tagMap(t.Tags),
      unknown,
    });
  }
}

async function ebsEncryptionByDefault(ctx: Ctx, ec2: EC2Client): Promise<void> {
  const setting = await ctx.call('GetEbsEncryptionByDefault', (o) => ec2.send(new GetEbsEncryptionByDefaultCommand({}), o));
  if (setting.ok) ctx.regionFacts({ EbsEncryptionByDefault: setting.value.EbsEncryptionByDefault === true });
  else ctx.regionFacts({}, [{ path: '/EbsEncryptionByDefault', reason: setting.reason }]);
}
