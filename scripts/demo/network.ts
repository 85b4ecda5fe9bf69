import { arn, regional, type Props } from './builder.js';

const ec2 = (region: string, rest: string) => arn('ec2', region, rest);
type Region = 'us-east-1' | 'eu-west-1';

interface Net {
  vpc: string;
  publicSubnets: string[];
  privateSubnets: string[];
}

function network(region: Region, cidr: string, suffix: string): Net {
  const vpc = `vpc-0${suffix}a1`;
  regional('AWS::EC2::VPC', region, ec2(region, `vpc/${vpc}`), `bw-${region}`, { CidrBlock: `${cidr}.0.0/16`, IsDefault: false, FlowLogs: region === 'us-east-1' ? 1 : 0 }, { physicalId: vpc });
  const igw = `igw-0${suffix}b2`;
  regional('AWS::EC2::InternetGateway', region, ec2(region, `internet-gateway/${igw}`), igw, { Attachments: [{ VpcId: vpc }] }, { physicalId: igw });
  const azs = region === 'us-east-1' ? ['us-east-1a', 'us-east-1b'] : ['eu-west-1a', 'eu-west-1b'];
  const publicSubnets: string[] = [];
  const privateSubnets: string[] = [];
  azs.forEach((az, i) => {
    const pub = `subnet-0${suffix}p${i}`;
    const priv = `subnet-0${suffix}q${i}`;
    regional('AWS::EC2::Subnet', region, ec2(region, `subnet/${pub}`), `public-${az}`, { VpcId: vpc, CidrBlock: `${cidr}.${i}.0/24`, AvailabilityZone: az, MapPublicIpOnLaunch: true, Public: true }, { physicalId: pub });
    regional('AWS::EC2::Subnet', region, ec2(region, `subnet/${priv}`), `private-${az}`, { VpcId: vpc, CidrBlock: `${cidr}.${10 + i}.0/24`, AvailabilityZone: az, MapPublicIpOnLaunch: false, Public: false }, { physicalId: priv });
    publicSubnets.push(pub);
    privateSubnets.push(priv);
  });
  const nat = `nat-0${suffix}c3`;
  regional('AWS::EC2::NatGateway', region, ec2(region, `natgateway/${nat}`), nat, { SubnetId: publicSubnets[0], ConnectivityType: 'public' }, { physicalId: nat });
  const rtbPublic = `rtb-0${suffix}pub`;
  const rtbPrivate = `rtb-0${suffix}prv`;
  regional('AWS::EC2::RouteTable', region, ec2(region, `route-table/${rtbPublic}`), 'public', { VpcId: vpc, Routes: [{ DestinationCidrBlock: `${cidr}.0.0/16`, GatewayId: 'local' }, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }], Associations: publicSubnets.map((s) => ({ SubnetId: s, Main: false })) }, { physicalId: rtbPublic });
  regional('AWS::EC2::RouteTable', region, ec2(region, `route-table/${rtbPrivate}`), 'private', { VpcId: vpc, Routes: [{ DestinationCidrBlock: `${cidr}.0.0/16`, GatewayId: 'local' }, { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat }], Associations: [{ Main: true }, ...privateSubnets.map((s) => ({ SubnetId: s, Main: false }))] }, { physicalId: rtbPrivate });
  regional('AWS::EC2::NetworkAcl', region, ec2(region, `network-acl/acl-0${suffix}d4`), 'default', { VpcId: vpc, IsDefault: true, Entries: [{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }, { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' }] });
  return { vpc, publicSubnets, privateSubnets };
}

export const nets = { 'us-east-1': network('us-east-1', '10.20', '1'), 'eu-west-1': network('eu-west-1', '10.40', '2') };

const rule = (protocol: string, from: number, to: number, source: Props) => ({ IpProtocol: protocol, FromPort: from, ToPort: to, ...source });
const allOut = [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }];
function sg(region: Region, id: string, name: string, ingress: Props[], egress: Props[] = allOut): string {
  regional('AWS::EC2::SecurityGroup', region, ec2(region, `security-group/${id}`), name, { GroupName: name, GroupDescription: name, VpcId: nets[region].vpc, SecurityGroupIngress: ingress, SecurityGroupEgress: egress, IsDefault: name === 'default' }, { physicalId: id });
  return id;
}
export const groups = {
  alb: sg('us-east-1', 'sg-0alb0001', 'bw-public-alb', [rule('tcp', 443, 443, { CidrIp: '0.0.0.0/0' }), rule('tcp', 443, 443, { CidrIpv6: '::/0' }), rule('tcp', 80, 80, { CidrIp: '0.0.0.0/0' })]),
  app: sg('us-east-1', 'sg-0app0001', 'bw-app', [rule('tcp', 8080, 8080, { SourceSecurityGroupId: 'sg-0alb0001' })]),
  db: sg('us-east-1', 'sg-0db00001', 'bw-database', [rule('tcp', 5432, 5432, { SourceSecurityGroupId: 'sg-0app0001' })]),
  bastion: sg('us-east-1', 'sg-0bst0001', 'bw-bastion', [rule('tcp', 22, 22, { CidrIp: '0.0.0.0/0', Description: 'temporary: vendor support' })]),
  cache: sg('us-east-1', 'sg-0rds0001', 'bw-cache', [rule('tcp', 6379, 6379, { SourceSecurityGroupId: 'sg-0app0001' })]),
  defaultUse1: sg('us-east-1', 'sg-0dflt001', 'default', [], []),
  euApp: sg('eu-west-1', 'sg-0euapp01', 'bw-eu-app', [rule('tcp', 8080, 8080, { CidrIp: '10.40.0.0/16' })]),
  euLegacy: sg('eu-west-1', 'sg-0eulgc01', 'bw-eu-legacy-reporting', [rule('tcp', 3000, 3500, { CidrIp: '0.0.0.0/0' }), rule('tcp', 5432, 5432, { CidrIp: '0.0.0.0/0' })]),
  euDefault: sg('eu-west-1', 'sg-0dflt002', 'default', [rule('-1', -1, -1, { SourceSecurityGroupId: 'sg-0dflt002' })]),
};

function instance(region: Region, id: string, name: string, p: { subnet: string; sgs: string[]; publicIp?: string; profile?: string; tokens: 'required' | 'optional'; userData?: { Present: boolean; LooksLikeCredential: boolean } }) {
  const volume = `vol-0${id.slice(3)}`;
  regional('AWS::EC2::Instance', region, ec2(region, `instance/${id}`), name, {
    InstanceType: 'm6i.large',
    SubnetId: p.subnet,
    SecurityGroupIds: p.sgs,
    ...(p.profile ? { IamInstanceProfile: p.profile } : {}),
    MetadataOptions: { HttpTokens: p.tokens, HttpEndpoint: 'enabled' },
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: volume } }],
    PublicIpAddress: p.publicIp ?? null,
    State: 'running',
    UserData: p.userData ?? { Present: false, LooksLikeCredential: false },
  }, { physicalId: id, tags: { Name: name, env: 'prod' } });
  return { id, volume };
}
const use1 = nets['us-east-1'];
const euw1 = nets['eu-west-1'];
export const instances = [
  instance('us-east-1', 'i-0app00001', 'bw-app-1', { subnet: use1.privateSubnets[0]!, sgs: [groups.app], profile: 'brightwave-ec2-app', tokens: 'required' }),
  instance('us-east-1', 'i-0app00002', 'bw-app-2', { subnet: use1.privateSubnets[1]!, sgs: [groups.app], profile: 'brightwave-ec2-app', tokens: 'required' }),
  instance('us-east-1', 'i-0app00003', 'bw-app-3', { subnet: use1.privateSubnets[0]!, sgs: [groups.app], profile: 'brightwave-ec2-app', tokens: 'required' }),
  instance('us-east-1', 'i-0bst00001', 'bw-bastion', { subnet: use1.publicSubnets[0]!, sgs: [groups.bastion], publicIp: '203.0.113.24', tokens: 'optional' }),
  instance('us-east-1', 'i-0wrk00001', 'bw-batch-worker', { subnet: use1.privateSubnets[1]!, sgs: [groups.app], profile: 'brightwave-ec2-app', tokens: 'required', userData: { Present: true, LooksLikeCredential: false } }),
  instance('us-east-1', 'i-0leg00001', 'bw-legacy-cron', { subnet: use1.privateSubnets[0]!, sgs: [groups.app], tokens: 'optional', userData: { Present: true, LooksLikeCredential: true } }),
  instance('eu-west-1', 'i-0eu000001', 'bw-eu-app-1', { subnet: euw1.privateSubnets[0]!, sgs: [groups.euApp], profile: 'brightwave-ec2-app', tokens: 'required' }),
  instance('eu-west-1', 'i-0eu000002', 'bw-eu-reporting', { subnet: euw1.publicSubnets[0]!, sgs: [groups.euLegacy], publicIp: '198.51.100.7', profile: 'brightwave-ec2-app', tokens: 'optional' }),
];

for (const inst of instances) {
  const region: Region = inst.id.startsWith('i-0eu') ? 'eu-west-1' : 'us-east-1';
  const encrypted = !(inst.id === 'i-0eu000002' || inst.id === 'i-0leg00001');
  regional('AWS::EC2::Volume', region, ec2(region, `volume/${inst.volume}`), inst.volume, { Encrypted: encrypted, ...(encrypted ? { KmsKeyId: arn('kms', region, 'alias/aws/ebs') } : {}), AvailabilityZone: `${region}a`, Size: 50, VolumeType: 'gp3', Attachments: [{ InstanceId: inst.id }] }, { physicalId: inst.volume, tags: { backup: encrypted ? 'daily' : 'none' } });
}
regional('AWS::EC2::Volume', 'us-east-1', ec2('us-east-1', 'volume/vol-0data0001'), 'bw-analytics-scratch', { Encrypted: true, KmsKeyId: arn('kms', 'us-east-1', 'key/1f0c'), AvailabilityZone: 'us-east-1b', Size: 500, VolumeType: 'gp3', Attachments: [] }, { physicalId: 'vol-0data0001' });

regional('AWS::EC2::LaunchTemplate', 'us-east-1', ec2('us-east-1', 'launch-template/lt-0app00001'), 'bw-app', { LaunchTemplateName: 'bw-app', LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' }, BlockDeviceMappings: [{ Ebs: { Encrypted: true } }], UserData: { Present: true, LooksLikeCredential: false } } }, { physicalId: 'lt-0app00001' });
regional('AWS::EC2::FlowLog', 'us-east-1', ec2('us-east-1', 'vpc-flow-log/fl-0a1'), 'fl-0a1', { ResourceId: use1.vpc, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });

// Load balancers and their listeners.
const elb = (region: Region, rest: string) => arn('elasticloadbalancing', region, rest);
const publicAlb = elb('us-east-1', 'loadbalancer/app/bw-public/50dc6c495c0c9188');
regional('AWS::ElasticLoadBalancingV2::LoadBalancer', 'us-east-1', publicAlb, 'bw-public', { Scheme: 'internet-facing', Type: 'application', Subnets: use1.publicSubnets, SecurityGroups: [groups.alb], AvailabilityZones: ['us-east-1a', 'us-east-1b'] }, { physicalId: publicAlb });
regional('AWS::ElasticLoadBalancingV2::Listener', 'us-east-1', elb('us-east-1', 'listener/app/bw-public/50dc6c495c0c9188/f2f7dc8efc522ab2'), 'bw-public:443', { LoadBalancerArn: publicAlb, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', DefaultActions: [{ Type: 'forward' }] });
regional('AWS::ElasticLoadBalancingV2::Listener', 'us-east-1', elb('us-east-1', 'listener/app/bw-public/50dc6c495c0c9188/a1b2c3d4e5f60718'), 'bw-public:80', { LoadBalancerArn: publicAlb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] });
const euAlb = elb('eu-west-1', 'loadbalancer/app/bw-eu-reports/7d1c9e2b3a4f5e6d');
regional('AWS::ElasticLoadBalancingV2::LoadBalancer', 'eu-west-1', euAlb, 'bw-eu-reports', { Scheme: 'internet-facing', Type: 'application', Subnets: [euw1.publicSubnets[0]], SecurityGroups: [groups.euLegacy], AvailabilityZones: ['eu-west-1a'] }, { physicalId: euAlb });
regional('AWS::ElasticLoadBalancingV2::Listener', 'eu-west-1', elb('eu-west-1', 'listener/app/bw-eu-reports/7d1c9e2b3a4f5e6d/0a0b0c0d0e0f1a2b'), 'bw-eu-reports:80', { LoadBalancerArn: euAlb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward' }] });
regional('AWS::ElasticLoadBalancingV2::Listener', 'eu-west-1', elb('eu-west-1', 'listener/app/bw-eu-reports/7d1c9e2b3a4f5e6d/1a1b1c1d1e1f2a2b'), 'bw-eu-reports:443', { LoadBalancerArn: euAlb, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: [{ Type: 'forward' }] });
const internalNlb = elb('us-east-1', 'loadbalancer/net/bw-internal/3e4f5a6b7c8d9e0f');
regional('AWS::ElasticLoadBalancingV2::LoadBalancer', 'us-east-1', internalNlb, 'bw-internal', { Scheme: 'internal', Type: 'network', Subnets: use1.privateSubnets, AvailabilityZones: ['us-east-1a', 'us-east-1b'] }, { physicalId: internalNlb });
regional('AWS::ElasticLoadBalancingV2::Listener', 'us-east-1', elb('us-east-1', 'listener/net/bw-internal/3e4f5a6b7c8d9e0f/9f8e7d6c5b4a3928'), 'bw-internal:6379', { LoadBalancerArn: internalNlb, Port: 6379, Protocol: 'TCP', DefaultActions: [{ Type: 'forward' }] });

export { publicAlb, euAlb };
