// Security groups (inline and separate ingress rules), a small VPC, and load balancers with their listeners.
import { SHARED, resource, type Block } from './block.js';
import { getAtt, getAzs, iff, join, noValue, ref, select, sub, tags, type Json } from './intrinsics.js';

type Ingress = Record<string, Json>;

const ingressFor = (variant: string, id: number): Ingress[] => {
  switch (variant) {
    case 'web':
      return [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS from anywhere' },
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0', Description: 'HTTP redirect' },
      ];
    case 'ssh-open':
      return [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0', Description: 'temporary SSH' }];
    case 'rdp-open':
      return [{ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, CidrIpv6: '::/0' }];
    case 'db-open':
      return [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' }];
    case 'all-open':
      return [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }];
    case 'internal':
      return [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/8', Description: 'SSH from the VPN' },
        { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8090, SourceSecurityGroupId: ref(`AppSg${id}`), Description: 'app ports' },
      ];
    default:
      return [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: ref(`AppSg${id}`), Description: 'database from the app tier' }];
  }
};

export const securityGroups: Block = {
  name: 'security-groups',
  weight: 10,
  build({ rng, id }) {
    const variant = rng.weighted([['web', 5], ['internal', 5], ['tier', 6], ['ssh-open', 1], ['rdp-open', 0.5], ['db-open', 0.5], ['all-open', 0.3]] as const);
    const out: Record<string, Json> = {
      [`AppSg${id}`]: resource('AWS::EC2::SecurityGroup', {
        GroupDescription: sub(`\${AWS::StackName} app tier ${id}`),
        VpcId: ref(SHARED.vpc),
        SecurityGroupIngress: ingressFor(variant, id),
        SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0', Description: 'all outbound' }],
        Tags: tags({ Name: sub(`\${AWS::StackName}-app-${id}`) }),
      }),
    };
    if (rng.chance(0.5)) {
      const open = rng.chance(0.1);
      out[`AppSgIngress${id}`] = resource('AWS::EC2::SecurityGroupIngress', {
        GroupId: getAtt(`AppSg${id}`, 'GroupId'),
        IpProtocol: 'tcp',
        FromPort: open ? 22 : 9000,
        ToPort: open ? 22 : 9100,
        CidrIp: open ? '0.0.0.0/0' : iff(SHARED.isProd, '10.0.0.0/16', '10.1.0.0/16'),
        Description: 'added rule',
      });
    }
    return out;
  },
};

export const network: Block = {
  name: 'vpc',
  weight: 2,
  build({ rng, id }) {
    const cidr = `10.${rng.int(0, 200)}.0.0/16`;
    const out: Record<string, Json> = {
      [`Vpc${id}`]: resource('AWS::EC2::VPC', { CidrBlock: cidr, EnableDnsHostnames: true, EnableDnsSupport: true, Tags: tags({ Name: sub(`\${AWS::StackName}-vpc-${id}`) }) }),
      [`Igw${id}`]: resource('AWS::EC2::InternetGateway', {}),
      [`IgwAttach${id}`]: resource('AWS::EC2::VPCGatewayAttachment', { VpcId: ref(`Vpc${id}`), InternetGatewayId: ref(`Igw${id}`) }),
      [`PublicRoutes${id}`]: resource('AWS::EC2::RouteTable', { VpcId: ref(`Vpc${id}`) }),
      [`PublicDefault${id}`]: resource('AWS::EC2::Route', { RouteTableId: ref(`PublicRoutes${id}`), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(`Igw${id}`) }, { DependsOn: `IgwAttach${id}` }),
    };
    for (const az of [0, 1]) {
      out[`Subnet${id}x${az}`] = resource('AWS::EC2::Subnet', {
        VpcId: ref(`Vpc${id}`),
        CidrBlock: { 'Fn::Select': [String(az), { 'Fn::Cidr': [getAtt(`Vpc${id}`, 'CidrBlock'), 4, 8] }] },
        AvailabilityZone: select(az, getAzs()),
        MapPublicIpOnLaunch: az === 0 && rng.chance(0.5),
      });
      out[`SubnetRoutes${id}x${az}`] = resource('AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref(`Subnet${id}x${az}`), RouteTableId: ref(`PublicRoutes${id}`) });
    }
    return out;
  },
};

export const loadBalancer: Block = {
  name: 'elbv2',
  weight: 4,
  build({ rng, id }) {
    const listener = rng.weighted([['https', 6], ['https-old', 1], ['redirect', 3], ['http', 1]] as const);
    const out: Record<string, Json> = {
      [`Alb${id}`]: resource('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Type: 'application',
        Scheme: rng.chance(0.7) ? 'internet-facing' : 'internal',
        Subnets: ref(SHARED.subnets),
        SecurityGroups: [ref(`AlbSg${id}`)],
        LoadBalancerAttributes: [
          { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
          { Key: 'access_logs.s3.enabled', Value: iff(SHARED.isProd, 'true', 'false') },
          { Key: 'access_logs.s3.bucket', Value: iff(SHARED.isProd, ref(SHARED.logBucket), noValue) },
        ],
      }),
      [`AlbSg${id}`]: resource('AWS::EC2::SecurityGroup', {
        GroupDescription: 'load balancer',
        VpcId: ref(SHARED.vpc),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS' }],
      }),
      [`AlbTargets${id}`]: resource('AWS::ElasticLoadBalancingV2::TargetGroup', {
        VpcId: ref(SHARED.vpc),
        Port: 8080,
        Protocol: 'HTTP',
        TargetType: 'ip',
        HealthCheckPath: '/health',
        Matcher: { HttpCode: '200-299' },
      }),
    };
    const forward = [{ Type: 'forward', TargetGroupArn: ref(`AlbTargets${id}`) }];
    if (listener === 'https' || listener === 'https-old' || listener === 'redirect') {
      out[`AlbHttps${id}`] = resource('AWS::ElasticLoadBalancingV2::Listener', {
        LoadBalancerArn: ref(`Alb${id}`),
        Port: 443,
        Protocol: 'HTTPS',
        SslPolicy: listener === 'https-old' ? 'ELBSecurityPolicy-2016-08' : rng.pick(['ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS-1-2-2017-01']),
        Certificates: [{ CertificateArn: ref(SHARED.certificate) }],
        DefaultActions: forward,
      });
    }
    out[`AlbHttp${id}`] = resource('AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: ref(`Alb${id}`),
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions:
        listener === 'http'
          ? forward
          : [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' } }],
    });
    if (rng.chance(0.5)) {
      out[`Alb5xxAlarm${id}`] = resource('AWS::CloudWatch::Alarm', {
        AlarmDescription: sub(`\${AWS::StackName} ALB ${id} 5xx`),
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_ELB_5XX_Count',
        Dimensions: [{ Name: 'LoadBalancer', Value: getAtt(`Alb${id}`, 'LoadBalancerFullName') }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 5,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [join(':', ['arn', ref('AWS::Partition'), 'sns', ref('AWS::Region'), ref('AWS::AccountId'), 'alerts'])],
      });
    }
    return out;
  },
};
