/**
 * The resources the network diagram places, per type: what kind of box each is, what it says, and the properties that
 * say where it sits (subnets, security groups, VPC). Property names follow docs/resource-model.md.
 */
import type { Resource } from '../../core/index.js';
import { displayName, isRecord, list, text } from './refs.js';

export type NodeKind = 'load-balancer' | 'nat' | 'instance' | 'function' | 'database' | 'cache' | 'search' | 'cdn' | 'api';

export const KIND_ORDER: readonly NodeKind[] = ['load-balancer', 'nat', 'instance', 'function', 'database', 'cache', 'search', 'cdn', 'api'];

export const KIND_LABEL: Record<NodeKind, string> = {
  'load-balancer': 'Load balancer',
  nat: 'NAT gateway',
  instance: 'EC2 instance',
  function: 'Lambda function',
  database: 'Database',
  cache: 'Cache',
  search: 'OpenSearch',
  cdn: 'CloudFront',
  api: 'API Gateway',
};

export interface Member {
  kind: NodeKind;
  name: string;
  detail: string;
  public: boolean;
  subnetRefs: unknown[];
  securityGroupRefs: unknown[];
  /** True for what is global by nature (CloudFront): drawn at the account's edge. */
  edge?: boolean;
}

const join = (...parts: Array<string | undefined | false>) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');

function instance(r: Resource): Member {
  const p = r.properties;
  const nic = list(p['NetworkInterfaces']).find(isRecord);
  const publicIp = text(p['PublicIpAddress']);
  return {
    kind: 'instance',
    name: displayName(r),
    detail: join(text(p['InstanceType']), p['State'] !== 'running' && text(p['State']), publicIp !== undefined && `public IP ${publicIp}`),
    public: publicIp !== undefined,
    subnetRefs: [p['SubnetId'] ?? nic?.['SubnetId']].filter((v) => v !== undefined),
    securityGroupRefs: [...list(p['SecurityGroupIds']), ...list(p['SecurityGroups']), ...list(nic?.['GroupSet'])],
  };
}

function loadBalancer(r: Resource, listeners: readonly Resource[]): Member {
  const p = r.properties;
  const scheme = text(p['Scheme']) ?? 'internet-facing';
  const ports = listeners
    .map((l) => {
      const port = text(l.properties['Port']);
      const protocol = text(l.properties['Protocol']);
      const redirect = list(l.properties['DefaultActions']).some((a) => isRecord(a) && a['Type'] === 'redirect' && isRecord(a['RedirectConfig']) && a['RedirectConfig']['Protocol'] === 'HTTPS');
      return port === undefined ? undefined : `${port} ${protocol ?? ''}${redirect ? '→HTTPS' : ''}`.trim();
    })
    .filter((x): x is string => x !== undefined)
    .sort();
  return {
    kind: 'load-balancer',
    name: displayName(r),
    detail: join(`${text(p['Type']) ?? 'application'} LB`, scheme, ports.length > 0 && `listeners ${ports.join(', ')}`),
    public: scheme === 'internet-facing',
    subnetRefs: [...list(p['Subnets']), ...list(p['SubnetMappings']).map((m) => (isRecord(m) ? m['SubnetId'] : undefined))].filter((v) => v !== undefined),
    securityGroupRefs: list(p['SecurityGroups']),
  };
}

function nat(r: Resource): Member {
  const p = r.properties;
  return { kind: 'nat', name: displayName(r), detail: join(text(p['ConnectivityType']) ?? 'public'), public: false, subnetRefs: [p['SubnetId']].filter((v) => v !== undefined), securityGroupRefs: [] };
}

function database(r: Resource): Member {
  const p = r.properties;
  const publicly = p['PubliclyAccessible'] === true;
  return {
    kind: 'database',
    name: displayName(r),
    detail: join(text(p['Engine']), p['MultiAZ'] === true && 'Multi-AZ', publicly && 'publicly accessible', text(p['DBSubnetGroupName']) !== undefined && `subnet group ${text(p['DBSubnetGroupName'])}`),
    public: publicly,
    subnetRefs: list(p['SubnetIds']),
    securityGroupRefs: [...list(p['VPCSecurityGroups']), ...list(p['VpcSecurityGroupIds'])],
  };
}

function cache(r: Resource): Member {
  const p = r.properties;
  return {
    kind: 'cache',
    name: displayName(r),
    detail: join(`ElastiCache ${text(p['Engine']) ?? ''}`.trim(), p['MultiAZEnabled'] === true && 'Multi-AZ'),
    public: false,
    subnetRefs: list(p['SubnetIds']),
    securityGroupRefs: [...list(p['SecurityGroupIds']), ...list(p['CacheSecurityGroupNames'])],
  };
}

function search(r: Resource): Member {
  const p = r.properties;
  const vpc = isRecord(p['VPCOptions']) ? p['VPCOptions'] : undefined;
  return {
    kind: 'search',
    name: displayName(r),
    detail: vpc ? 'VPC endpoint' : p['VPCOptions'] === null ? 'public endpoint' : 'endpoint not known',
    public: p['VPCOptions'] === null,
    subnetRefs: list(vpc?.['SubnetIds']),
    securityGroupRefs: list(vpc?.['SecurityGroupIds']),
  };
}

function lambda(r: Resource): Member | undefined {
  const vpc = isRecord(r.properties['VpcConfig']) ? r.properties['VpcConfig'] : undefined;
  if (!vpc || list(vpc['SubnetIds']).length === 0) return undefined;
  return { kind: 'function', name: displayName(r), detail: join(text(r.properties['Runtime'])), public: false, subnetRefs: list(vpc['SubnetIds']), securityGroupRefs: list(vpc['SecurityGroupIds']) };
}

function distribution(r: Resource): Member {
  const config = isRecord(r.properties['DistributionConfig']) ? r.properties['DistributionConfig'] : {};
  const aliases = list(config['Aliases']).filter((a): a is string => typeof a === 'string');
  return { kind: 'cdn', name: displayName(r), detail: join(aliases.length > 0 && aliases.join(', ')), public: true, subnetRefs: [], securityGroupRefs: [], edge: true };
}

function apiDomain(r: Resource): Member {
  return { kind: 'api', name: displayName(r), detail: 'custom domain', public: true, subnetRefs: [], securityGroupRefs: [] };
}

/** The diagram's view of one resource, or undefined for types it does not draw. */
export function memberOf(r: Resource, listenersOf: (lb: Resource) => Resource[]): Member | undefined {
  switch (r.type) {
    case 'AWS::EC2::Instance':
      return instance(r);
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return loadBalancer(r, listenersOf(r));
    case 'AWS::EC2::NatGateway':
      return nat(r);
    case 'AWS::RDS::DBInstance':
    case 'AWS::RDS::DBCluster':
      return database(r);
    case 'AWS::ElastiCache::ReplicationGroup':
      return cache(r);
    case 'AWS::OpenSearchService::Domain':
      return search(r);
    case 'AWS::Lambda::Function':
      return lambda(r);
    case 'AWS::CloudFront::Distribution':
      return distribution(r);
    case 'AWS::ApiGateway::DomainName':
    case 'AWS::ApiGatewayV2::DomainName':
      return apiDomain(r);
    default:
      return undefined;
  }
}
