// The EC2 collector against moto through the fault proxy.
// moto gaps seeded around: the default VPC has no internet gateway or 0.0.0.0/0 route (a VPC with an IGW is seeded for
// public subnets), the default security group lacks AWS's self-referencing ingress rule (seeded), and most Describe
// calls ignore MaxResults (the proxy splits their answers; prefix lists, their entries and launch template versions
// need an explicit list spec).
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateFlowLogsCommand,
  CreateInternetGatewayCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateManagedPrefixListCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifySubnetAttributeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ec2Collector from '../../../src/collectors/ec2.js';
import type { Snapshot } from '../../../src/core/index.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, expectNoSecret, named, ofType, recordOf, regionFacts } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const USER_DATA_SECRET = 'Zq8-userdata-hunter2-Secret';
const TEMPLATE_SECRET = 'Xk4-template-Secret-Value';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const AMI = 'ami-12345678';

let h: AwsHarness;
let ec2: EC2Client;
beforeAll(async () => {
  h = await startAwsHarness();
  ec2 = new EC2Client(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

const scan = (options: Parameters<typeof scanWith>[2] = {}) => scanWith(h, [ec2Collector], options);

/** A VPC with an internet gateway, a public subnet routed to it and a private subnet on the main table. */
async function seedVpc() {
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const publicSubnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
  const privateSubnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet!.SubnetId!;
  const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: publicSubnet }));
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: publicSubnet, MapPublicIpOnLaunch: { Value: true } }));
  return { vpc, igw, publicSubnet, privateSubnet, table };
}

async function customerPrefixList(name: string, cidrs: string[]) {
  const list = await ec2.send(
    new CreateManagedPrefixListCommand({ PrefixListName: name, AddressFamily: 'IPv4', MaxEntries: 10, Entries: cidrs.map((Cidr) => ({ Cidr, Description: `office ${Cidr}` })) }),
  );
  return list.PrefixList!.PrefixListId!;
}

async function instanceProfile(name: string) {
  const iam = new IAMClient(clientConfig(h.endpoint));
  await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: name }));
}

async function runInstance(subnet: string, options: { userData?: string; profile?: string; name: string; groups?: string[] }) {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: AMI,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro',
      SubnetId: subnet,
      SecurityGroupIds: options.groups,
      UserData: options.userData === undefined ? undefined : b64(options.userData),
      IamInstanceProfile: options.profile ? { Name: options.profile } : undefined,
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: options.name }] }],
    }),
  );
  return out.Instances![0]!.InstanceId!;
}

describe('a seeded account', () => {
  let seeded: Awaited<ReturnType<typeof seedVpc>> & { web: string; app: string; office: string; defaultGroup: string; publicInstance: string; privateInstance: string; spare: string };
  let snapshot: Snapshot;

  beforeAll(async () => {
    await h.reset();
    const vpc = await seedVpc();
    const office = await customerPrefixList('office', ['203.0.113.0/24', '198.51.100.0/24']);
    const app = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'app', Description: 'app tier', VpcId: vpc.vpc }))).GroupId!;
    const web = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web tier', VpcId: vpc.vpc }))).GroupId!;
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: web,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }, { CidrIp: '10.0.0.0/8' }] },
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: app }] },
          { IpProtocol: '-1', PrefixListIds: [{ PrefixListId: office }] },
        ],
      }),
    );
    // AWS creates every default group with an all-traffic self-reference; moto does not.
    const defaultGroup = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.vpc] }, { Name: 'group-name', Values: ['default'] }] })))
      .SecurityGroups![0]!.GroupId!;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: defaultGroup, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: defaultGroup }] }] }));

    await ec2.send(
      new CreateFlowLogsCommand({ ResourceIds: [vpc.vpc], ResourceType: 'VPC', TrafficType: 'REJECT', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'flows', DeliverLogsPermissionArn: 'arn:aws:iam::123456789012:role/flows' }),
    );
    const eip = (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
    await ec2.send(new CreateNatGatewayCommand({ SubnetId: vpc.publicSubnet, AllocationId: eip }));

    await instanceProfile('web-role');
    const publicInstance = await runInstance(vpc.publicSubnet, { name: 'public-web', userData: `#!/bin/bash\nexport DB_PASSWORD=${USER_DATA_SECRET}\n`, profile: 'web-role', groups: [web] });
    const privateInstance = await runInstance(vpc.privateSubnet, { name: 'private-worker', userData: '#!/bin/bash\necho hello\n' });
    await ec2.send(new StopInstancesCommand({ InstanceIds: [privateInstance] }));
    const spare = (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 20, VolumeType: 'gp3', Encrypted: true }))).VolumeId!;
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));

    const clean = await ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'clean-default',
        LaunchTemplateData: { ImageId: AMI, UserData: b64('#!/bin/bash\nyum update -y\n'), MetadataOptions: { HttpTokens: 'required' }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 30 } }] },
      }),
    );
    // A later, non-default version with a secret: only the default version is judged.
    await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: clean.LaunchTemplate!.LaunchTemplateId, LaunchTemplateData: { ImageId: AMI, UserData: b64(`API_TOKEN=${TEMPLATE_SECRET}`) } }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'leaky', LaunchTemplateData: { ImageId: AMI, UserData: b64(`#!/bin/sh\nexport DB_PASSWORD=${TEMPLATE_SECRET}\n`) } }));

    seeded = { ...vpc, web, app, office, defaultGroup, publicInstance, privateInstance, spare };
    snapshot = await scan();
  });

  it('records every listing as complete, one per resource type', () => {
    expectListings(snapshot, {
      'ec2:DescribeSecurityGroups': ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
      'ec2:DescribeManagedPrefixLists': ['AWS::EC2::PrefixList'],
      'ec2:DescribeVpcs': ['AWS::EC2::VPC'],
      'ec2:DescribeSubnets': ['AWS::EC2::Subnet'],
      'ec2:DescribeRouteTables': ['AWS::EC2::RouteTable'],
      'ec2:DescribeInternetGateways': ['AWS::EC2::InternetGateway'],
      'ec2:DescribeNatGateways': ['AWS::EC2::NatGateway'],
      'ec2:DescribeNetworkAcls': ['AWS::EC2::NetworkAcl'],
      'ec2:DescribeFlowLogs': ['AWS::EC2::FlowLog'],
      'ec2:DescribeInstances': ['AWS::EC2::Instance'],
      'ec2:DescribeVolumes': ['AWS::EC2::Volume'],
      'ec2:DescribeLaunchTemplates': ['AWS::EC2::LaunchTemplate'],
      'ec2:DescribeInstanceAttribute': [],
      'ec2:GetManagedPrefixListEntries': [],
      'ec2:DescribeLaunchTemplateVersions': [],
      'ec2:GetEbsEncryptionByDefault': [],
    });
    expect(recordOf(snapshot, 'ec2:DescribeInstanceAttribute').calls).toEqual({ ok: 2 });
  });

  it('writes security groups with one CloudFormation entry per source', () => {
    const web = named(snapshot, 'AWS::EC2::SecurityGroup', seeded.web);
    expect(web.uid).toBe(`arn:aws:ec2:us-east-1:123456789012:security-group/${seeded.web}`);
    expect(web.name).toBe('web');
    expect(web.properties).toMatchObject({ GroupId: seeded.web, GroupName: 'web', GroupDescription: 'web tier', VpcId: seeded.vpc, IsDefault: false });
    expect(web.properties['SecurityGroupIngress']).toEqual(
      expect.arrayContaining([
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0', Description: 'ssh' },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/8' },
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' },
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: seeded.app }),
        { IpProtocol: '-1', SourcePrefixListId: seeded.office },
      ]),
    );
    expect(web.properties['SecurityGroupIngress']).toHaveLength(5);
    expect(web.properties['SecurityGroupEgress']).toEqual([{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }]);
    const defaultGroup = named(snapshot, 'AWS::EC2::SecurityGroup', seeded.defaultGroup);
    expect(defaultGroup.properties['IsDefault']).toBe(true);
    expect(defaultGroup.properties['SecurityGroupIngress']).toEqual([expect.objectContaining({ IpProtocol: '-1', SourceSecurityGroupId: seeded.defaultGroup })]);
  });

  it('writes prefix lists: customer entries, AWS-managed lists by owner', () => {
    const office = named(snapshot, 'AWS::EC2::PrefixList', seeded.office);
    expect(office.properties).toMatchObject({ PrefixListName: 'office', AddressFamily: 'IPv4', MaxEntries: 10, OwnerId: '123456789012' });
    expect(office.properties['Entries']).toEqual(
      expect.arrayContaining([
        { Cidr: '203.0.113.0/24', Description: 'office 203.0.113.0/24' },
        { Cidr: '198.51.100.0/24', Description: 'office 198.51.100.0/24' },
      ]),
    );
    const managed = ofType(snapshot, 'AWS::EC2::PrefixList').filter((p) => p.properties['OwnerId'] === 'AWS');
    expect(managed.length).toBeGreaterThan(0);
    for (const list of managed) expect(list.properties['Entries']).toBeUndefined();
    // Only customer lists cost an entries call.
    expect(recordOf(snapshot, 'ec2:GetManagedPrefixListEntries').calls).toEqual({ ok: 1 });
  });

  it('derives public subnets from route tables and counts VPC flow logs', () => {
    expect(named(snapshot, 'AWS::EC2::Subnet', seeded.publicSubnet).properties).toMatchObject({ VpcId: seeded.vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', MapPublicIpOnLaunch: true, Public: true });
    expect(named(snapshot, 'AWS::EC2::Subnet', seeded.privateSubnet).properties).toMatchObject({ CidrBlock: '10.0.2.0/24', MapPublicIpOnLaunch: false, Public: false });
    // moto's default VPC has no internet gateway, so its default subnets are private here (AWS: public).
    for (const subnet of ofType(snapshot, 'AWS::EC2::Subnet').filter((s) => s.properties['DefaultForAz'] === true)) expect(subnet.properties['Public']).toBe(false);
    expect(named(snapshot, 'AWS::EC2::VPC', seeded.vpc).properties).toEqual({ CidrBlock: '10.0.0.0/16', IsDefault: false, InstanceTenancy: 'default', FlowLogs: 1 });
    expect(ofType(snapshot, 'AWS::EC2::VPC').find((v) => v.properties['IsDefault'] === true)?.properties['FlowLogs']).toBe(0);
    const table = named(snapshot, 'AWS::EC2::RouteTable', seeded.table);
    expect(table.properties['Routes']).toEqual(expect.arrayContaining([expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: seeded.igw })]));
    expect(table.properties['Associations']).toEqual([{ SubnetId: seeded.publicSubnet, Main: false }]);
    expect(named(snapshot, 'AWS::EC2::InternetGateway', seeded.igw).properties).toEqual({ Attachments: [{ VpcId: seeded.vpc, State: 'available' }] });
    const [flowLog] = ofType(snapshot, 'AWS::EC2::FlowLog');
    expect(flowLog?.properties).toMatchObject({ ResourceId: seeded.vpc, ResourceType: 'VPC', TrafficType: 'REJECT', LogGroupName: 'flows' });
    expect(ofType(snapshot, 'AWS::EC2::NatGateway')[0]?.properties).toMatchObject({ SubnetId: seeded.publicSubnet, VpcId: seeded.vpc, ConnectivityType: 'public' });
    expect(ofType(snapshot, 'AWS::EC2::NetworkAcl').find((a) => a.properties['VpcId'] === seeded.vpc)?.properties).toMatchObject({ IsDefault: true });
  });

  it('writes instances with the properties the rules read, user data as flags only', () => {
    const web = named(snapshot, 'AWS::EC2::Instance', seeded.publicInstance);
    expect(web.uid).toBe(`arn:aws:ec2:us-east-1:123456789012:instance/${seeded.publicInstance}`);
    expect(web.name).toBe('public-web');
    expect(web.tags).toEqual({ Name: 'public-web' });
    expect(web.unknown).toEqual([]);
    expect(web.properties).toMatchObject({
      InstanceId: seeded.publicInstance,
      InstanceType: 't3.micro',
      SubnetId: seeded.publicSubnet,
      VpcId: seeded.vpc,
      SecurityGroupIds: [seeded.web],
      IamInstanceProfile: 'web-role',
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
      State: 'running',
      UserData: { Present: true, LooksLikeCredential: true },
    });
    expect(web.properties['PublicIpAddress']).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(web.properties['BlockDeviceMappings']).toEqual([{ DeviceName: '/dev/sda1', Ebs: expect.objectContaining({ VolumeId: expect.stringMatching(/^vol-/), Encrypted: false }) }]);

    const worker = named(snapshot, 'AWS::EC2::Instance', seeded.privateInstance);
    expect(worker.properties).toMatchObject({ State: 'stopped', PublicIpAddress: null, IamInstanceProfile: null, UserData: { Present: true, LooksLikeCredential: false } });
  });

  it('writes volumes with encryption and attachments, and the Region default', () => {
    expect(named(snapshot, 'AWS::EC2::Volume', seeded.spare).properties).toMatchObject({ Encrypted: true, AvailabilityZone: 'us-east-1a', VolumeType: 'gp3', Size: 20, Attachments: [] });
    const root = ofType(snapshot, 'AWS::EC2::Volume').find((v) => JSON.stringify(v.properties['Attachments']).includes(seeded.publicInstance));
    expect(root?.properties['Attachments']).toEqual([expect.objectContaining({ InstanceId: seeded.publicInstance })]);
    expect(regionFacts(snapshot).properties['EbsEncryptionByDefault']).toBe(true);
  });

  it('judges the default version of each launch template', () => {
    const clean = named(snapshot, 'AWS::EC2::LaunchTemplate', 'clean-default');
    expect(clean.properties).toMatchObject({ LaunchTemplateName: 'clean-default', DefaultVersionNumber: 1, LatestVersionNumber: 2 });
    expect(clean.properties['LaunchTemplateData']).toEqual({
      ImageId: AMI,
      MetadataOptions: { HttpTokens: 'required' },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 30 } }],
      UserData: { Present: true, LooksLikeCredential: false },
    });
    expect(named(snapshot, 'AWS::EC2::LaunchTemplate', 'leaky').properties['LaunchTemplateData']).toMatchObject({ UserData: { Present: true, LooksLikeCredential: true } });
    expect(recordOf(snapshot, 'ec2:DescribeLaunchTemplateVersions').calls).toEqual({ ok: 1 });
  });

  it('never stores a user data or launch template secret', () => {
    expectNoSecret(snapshot, USER_DATA_SECRET, TEMPLATE_SECRET);
  });

  it('gives the rules what they need to judge', () => {
    const judged = verdicts(snapshot, [
      'ec2-instance-not-public',
      'ec2-user-data-no-credentials',
      'ec2-default-sg-restricts-all',
      'ec2-sg-no-public-admin-ports',
      'ebs-encryption-by-default',
      'ebs-volume-encrypted',
      'ec2-instance-has-instance-profile',
    ]);
    expect(Object.fromEntries([...judged].map(([id, v]) => [id, v.status]))).toEqual({
      'ec2-instance-not-public': 'fail',
      'ec2-user-data-no-credentials': 'fail',
      'ec2-default-sg-restricts-all': 'fail',
      'ec2-sg-no-public-admin-ports': 'fail',
      'ebs-encryption-by-default': 'pass',
      'ebs-volume-encrypted': 'fail',
      'ec2-instance-has-instance-profile': 'fail',
    });
  });
});

describe('pagination', () => {
  it('follows every page of every listing to the end', async () => {
    await h.reset();
    const vpc = await seedVpc();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc.vpc }));
    await customerPrefixList('many', ['10.1.0.0/24', '10.2.0.0/24', '10.3.0.0/24', '10.4.0.0/24', '10.5.0.0/24']);
    for (const name of ['i1', 'i2', 'i3']) await runInstance(vpc.privateSubnet, { name, userData: 'echo hi' });
    for (const name of ['t1', 't2', 't3']) await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: { ImageId: AMI } }));
    const whole = await scan();

    const xml = (list: string) => ({ format: 'xml' as const, lists: [list], token: 'nextToken' });
    const builtIn = ['DescribeSecurityGroups', 'DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables', 'DescribeNetworkAcls', 'DescribeInstances', 'DescribeVolumes', 'DescribeLaunchTemplates'];
    for (const operation of builtIn) h.proxy.paginate({ service: 'ec2', operation }, { pageSize: 1 });
    h.proxy.paginate({ service: 'ec2', operation: 'DescribeManagedPrefixLists' }, { pageSize: 1, spec: xml('prefixListSet') });
    h.proxy.paginate({ service: 'ec2', operation: 'GetManagedPrefixListEntries' }, { pageSize: 1, spec: xml('entrySet') });
    h.proxy.paginate({ service: 'ec2', operation: 'DescribeLaunchTemplateVersions' }, { pageSize: 1, spec: xml('launchTemplateVersionSet') });
    const paged = await scan();

    for (const operation of [...builtIn, 'DescribeManagedPrefixLists', 'GetManagedPrefixListEntries', 'DescribeLaunchTemplateVersions']) {
      expect({ operation, pages: answeredBy(h, 'ec2', operation).includes('page') }).toEqual({ operation, pages: true });
    }
    const uids = (s: Snapshot) => s.resources.map((r) => r.uid).sort();
    expect(uids(paged)).toEqual(uids(whole));
    expect(ofType(paged, 'AWS::EC2::SecurityGroup').length).toBeGreaterThanOrEqual(7);
    expect(named(paged, 'AWS::EC2::PrefixList', 'many').properties['Entries']).toHaveLength(5);
    expect(ofType(paged, 'AWS::EC2::LaunchTemplate').map((t) => t.properties['LaunchTemplateData'])).toEqual([{ ImageId: AMI }, { ImageId: AMI }, { ImageId: AMI }]);
    expectListings(paged, { 'ec2:DescribeInstances': ['AWS::EC2::Instance'] });
  });

  it('a listing that breaks part way completes nothing', async () => {
    h.proxy.clearFaults();
    h.proxy.paginate({ service: 'ec2', operation: 'DescribeInstances' }, { pageSize: 1, failAfterPages: 1 });
    const snapshot = await scan();
    expectFailed(snapshot, 'ec2:DescribeInstances', 'error');
    h.proxy.clearFaults();
  });
});

describe('failures', () => {
  let ids: { publicInstance: string; stoppedInstance: string; template: string };

  beforeAll(async () => {
    await h.reset();
    const vpc = await seedVpc();
    const office = await customerPrefixList('office', ['203.0.113.0/24']);
    const group = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'office-only', Description: 'from the office list', VpcId: vpc.vpc }))).GroupId!;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group, IpPermissions: [{ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: office }] }] }));
    const publicInstance = await runInstance(vpc.publicSubnet, { name: 'public', userData: 'echo clean' });
    const stoppedInstance = await runInstance(vpc.privateSubnet, { name: 'second', userData: 'echo clean' });
    await runInstance(vpc.privateSubnet, { name: 'third' });
    const template = (await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'lt', LaunchTemplateData: { ImageId: AMI, UserData: b64('echo clean') } }))).LaunchTemplate!.LaunchTemplateId!;
    ids = { publicInstance, stoppedInstance, template };
  });

  const operations = Object.keys(ec2Collector.operations);

  it.each(operations)('access denied on %s: recorded, its data unknown, dependent rules unknown', async (operation) => {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'ec2', operation }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    const action = `ec2:${operation}`;
    expectFailed(snapshot, action, 'access_denied');
    const marked = (type: string, path: string) => ofType(snapshot, type).filter((r) => r.unknown.some((m) => m.path === path && m.reason === `collection_failed:${action}`));
    switch (operation) {
      case 'DescribeInstanceAttribute':
        expect(marked('AWS::EC2::Instance', '/UserData')).toHaveLength(3);
        break;
      case 'DescribeRouteTables':
        expect(marked('AWS::EC2::Subnet', '/Public').length).toBe(ofType(snapshot, 'AWS::EC2::Subnet').length);
        break;
      case 'DescribeFlowLogs':
        expect(marked('AWS::EC2::VPC', '/FlowLogs').length).toBe(ofType(snapshot, 'AWS::EC2::VPC').length);
        break;
      case 'DescribeVolumes':
        expect(marked('AWS::EC2::Instance', '/BlockDeviceMappings/0/Ebs/Encrypted')).toHaveLength(3);
        break;
      case 'DescribeManagedPrefixLists':
        expect(marked('AWS::EC2::SecurityGroup', '/SecurityGroupIngress/0/SourcePrefixListId')).toHaveLength(1);
        break;
      case 'GetManagedPrefixListEntries':
        expect(marked('AWS::EC2::PrefixList', '/Entries')).toHaveLength(1);
        break;
      case 'DescribeLaunchTemplateVersions':
        expect(marked('AWS::EC2::LaunchTemplate', '/LaunchTemplateData').map((t) => t.physicalId)).toEqual([ids.template]);
        break;
      case 'GetEbsEncryptionByDefault':
        expect(regionFacts(snapshot).unknown).toEqual([{ path: '/EbsEncryptionByDefault', reason: `collection_failed:${action}` }]);
        break;
      default:
        // A denied listing writes nothing of its type, and leaves the others complete.
        expect(snapshot.collection.filter((r) => r.action !== action).every((r) => r.outcome === 'ok')).toBe(true);
    }
  });

  it('persistent throttling leaves the listing unknown', async () => {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'ec2', operation: 'DescribeSecurityGroups' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, 'ec2:DescribeSecurityGroups', 'throttled');
    expect(h.proxy.callsTo('ec2', 'DescribeSecurityGroups').length).toBeGreaterThan(1);
  });

  it('one denied user data read marks only that instance', async () => {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'ec2', operation: 'DescribeInstanceAttribute' }, { kind: 'access_denied', times: 1 });
    const snapshot = await scan();
    h.proxy.clearFaults();
    const instances = ofType(snapshot, 'AWS::EC2::Instance');
    const marked = instances.filter((i) => i.unknown.some((m) => m.path === '/UserData'));
    expect(marked).toHaveLength(1);
    expect(instances.filter((i) => i.properties['UserData'] !== undefined)).toHaveLength(2);
    const record = recordOf(snapshot, 'ec2:DescribeInstanceAttribute');
    expect(record).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 }, affected: [marked[0]!.uid] });
    // The inventory itself is whole; only the one instance's user data is not known.
    expect(recordOf(snapshot, 'ec2:DescribeInstances').lists).toEqual(['AWS::EC2::Instance']);
    expect(verdicts(snapshot, ['ec2-user-data-no-credentials']).get('ec2-user-data-no-credentials')?.status).toBe('unknown');
    expect(verdicts(snapshot, ['ec2-instance-not-public']).get('ec2-instance-not-public')?.status).not.toBe('unknown');
  });
});
