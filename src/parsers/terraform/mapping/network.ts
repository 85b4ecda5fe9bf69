import { Unresolved } from '../../shared/values.js';
import { at, blocks, bool, compact, num, opt, type Values } from './helpers.js';
import { oneToOne, type MapContext, type MappedResource, type TfMapping } from './types.js';

function protocol(value: unknown): unknown {
  if (value === 'all' || value === -1 || value === '-1') return '-1';
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** A list attribute, or an unknown one, as something to iterate. */
function listOf(value: unknown): unknown[] | Unresolved {
  if (value instanceof Unresolved) return value;
  return Array.isArray(value) ? value : [];
}

/**
 * One Terraform rule (inline block or rule resource) becomes one CloudFormation rule entry per source: each CIDR,
 * each IPv6 CIDR, each security group, each prefix list, and the group itself for `self = true`.
 */
function ruleEntries(rule: unknown, direction: 'ingress' | 'egress', ctx: MapContext, groupRef?: unknown): Record<string, unknown>[] {
  const base = compact({
    IpProtocol: protocol(at(rule, 'protocol')),
    FromPort: num(at(rule, 'from_port')),
    ToPort: num(at(rule, 'to_port')),
    Description: opt(at(rule, 'description')),
  }) ?? {};
  const sgKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const prefixKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const entries: Record<string, unknown>[] = [];
  const sources: Array<[string, unknown]> = [
    ['CidrIp', at(rule, 'cidr_blocks')],
    ['CidrIpv6', at(rule, 'ipv6_cidr_blocks')],
    [sgKey, at(rule, 'security_groups') ?? (at(rule, 'source_security_group_id') !== undefined ? [at(rule, 'source_security_group_id')] : undefined)],
    [prefixKey, at(rule, 'prefix_list_ids')],
  ];
  for (const [key, value] of sources) {
    const items = listOf(value);
    if (items instanceof Unresolved) entries.push({ ...base, [key]: items });
    else for (const item of items) if (item !== null && item !== '') entries.push({ ...base, [key]: item });
  }
  if (bool(at(rule, 'self')) === true) entries.push({ ...base, [sgKey]: groupRef ?? ctx.self() });
  else if (at(rule, 'self') instanceof Unresolved) entries.push({ ...base, [sgKey]: at(rule, 'self') });
  return entries;
}

function inlineRules(values: Values, direction: 'ingress' | 'egress', ctx: MapContext): unknown {
  const rules = blocks(values, direction);
  if (rules instanceof Unresolved) {
    if (rules.reason.startsWith('computed:')) {
      ctx.assume(`the security group's inline ${direction} rules are computed by the provider; rules written as separate resources are read on their own`);
      return undefined;
    }
    return rules;
  }
  const entries = rules.flatMap((rule) => ruleEntries(rule, direction, ctx));
  return entries.length > 0 ? entries : undefined;
}

function securityGroup(isDefault: boolean): TfMapping {
  return oneToOne('AWS::EC2::SecurityGroup', (values, ctx) => ({
    ...compact({
      GroupName: opt(at(values, 'name')),
      GroupDescription: opt(at(values, 'description')),
      VpcId: opt(at(values, 'vpc_id')),
      SecurityGroupIngress: inlineRules(values, 'ingress', ctx),
      SecurityGroupEgress: inlineRules(values, 'egress', ctx),
    }),
    ...(isDefault ? { IsDefault: true } : {}),
  }));
}

/** `aws_security_group_rule`: one ingress or egress resource per source. */
const securityGroupRule: TfMapping = {
  map(values, ctx) {
    const direction = at(values, 'type') === 'egress' ? 'egress' : 'ingress';
    const type = direction === 'egress' ? 'AWS::EC2::SecurityGroupEgress' : 'AWS::EC2::SecurityGroupIngress';
    const group = at(values, 'security_group_id');
    const entries = ruleEntries(values, direction, ctx, group);
    const list = entries.length > 0 ? entries : [compact({ IpProtocol: protocol(at(values, 'protocol')), FromPort: num(at(values, 'from_port')), ToPort: num(at(values, 'to_port')) }) ?? {}];
    return list.map((entry, i): MappedResource => ({ type, properties: { GroupId: group, ...entry }, ...(i > 0 ? { suffix: `source${i}` } : {}) }));
  },
};

function vpcRule(direction: 'ingress' | 'egress'): TfMapping {
  return oneToOne(direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress', (values) => ({
    GroupId: at(values, 'security_group_id'),
    ...compact({
      IpProtocol: protocol(at(values, 'ip_protocol')),
      FromPort: num(opt(at(values, 'from_port'))),
      ToPort: num(opt(at(values, 'to_port'))),
      CidrIp: opt(at(values, 'cidr_ipv4')),
      CidrIpv6: opt(at(values, 'cidr_ipv6')),
      [direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId']: opt(at(values, 'referenced_security_group_id')),
      [direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId']: opt(at(values, 'prefix_list_id')),
      Description: opt(at(values, 'description')),
    }),
  }));
}

const FLOW_LOG_TARGETS: ReadonlyArray<[string, string]> = [
  ['vpc_id', 'VPC'],
  ['subnet_id', 'Subnet'],
  ['eni_id', 'NetworkInterface'],
  ['transit_gateway_id', 'TransitGateway'],
  ['transit_gateway_attachment_id', 'TransitGatewayAttachment'],
];

const flowLog = oneToOne('AWS::EC2::FlowLog', (values) => {
  const target = FLOW_LOG_TARGETS.find(([attr]) => opt(at(values, attr)) !== undefined);
  return compact({
    ResourceId: target ? at(values, target[0]) : undefined,
    ResourceType: target?.[1],
    TrafficType: at(values, 'traffic_type'),
    LogDestinationType: opt(at(values, 'log_destination_type')),
    LogDestination: opt(at(values, 'log_destination')),
    LogGroupName: opt(at(values, 'log_group_name')),
  }) ?? {};
});

const routeTable = oneToOne('AWS::EC2::RouteTable', (values) => {
  const routes = blocks(values, 'route');
  return compact({
    VpcId: at(values, 'vpc_id'),
    Routes:
      routes instanceof Unresolved
        ? routes.reason.startsWith('computed:')
          ? undefined
          : routes
        : routes.length === 0
          ? undefined
          : routes.map((route) =>
              compact({
                DestinationCidrBlock: opt(at(route, 'cidr_block')),
                DestinationIpv6CidrBlock: opt(at(route, 'ipv6_cidr_block')),
                GatewayId: opt(at(route, 'gateway_id')),
                NatGatewayId: opt(at(route, 'nat_gateway_id')),
                TransitGatewayId: opt(at(route, 'transit_gateway_id')),
                VpcPeeringConnectionId: opt(at(route, 'vpc_peering_connection_id')),
              }),
            ),
  }) ?? {};
});

const internetGateway: TfMapping = {
  map(values, ctx) {
    const out: MappedResource[] = [{ type: 'AWS::EC2::InternetGateway', properties: {} }];
    const vpc = opt(at(values, 'vpc_id'));
    if (vpc !== undefined) out.push({ type: 'AWS::EC2::VPCGatewayAttachment', properties: { VpcId: vpc, InternetGatewayId: ctx.self() }, suffix: 'attachment' });
    return out;
  },
};

export const NETWORK_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_security_group: securityGroup(false),
  aws_default_security_group: securityGroup(true),
  aws_security_group_rule: securityGroupRule,
  aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
  aws_vpc_security_group_egress_rule: vpcRule('egress'),
  aws_vpc: oneToOne('AWS::EC2::VPC', (values) => compact({ CidrBlock: at(values, 'cidr_block'), EnableDnsSupport: bool(at(values, 'enable_dns_support')), EnableDnsHostnames: bool(at(values, 'enable_dns_hostnames')), InstanceTenancy: opt(at(values, 'instance_tenancy')) }) ?? {}),
  aws_default_vpc: oneToOne('AWS::EC2::VPC', (values) => ({ ...compact({ CidrBlock: at(values, 'cidr_block') }), IsDefault: true })),
  aws_subnet: oneToOne('AWS::EC2::Subnet', (values) => compact({ VpcId: at(values, 'vpc_id'), CidrBlock: at(values, 'cidr_block'), AvailabilityZone: opt(at(values, 'availability_zone')), MapPublicIpOnLaunch: bool(at(values, 'map_public_ip_on_launch')) ?? false }) ?? {}),
  aws_route_table: routeTable,
  aws_route: oneToOne('AWS::EC2::Route', (values) => compact({ RouteTableId: at(values, 'route_table_id'), DestinationCidrBlock: opt(at(values, 'destination_cidr_block')), DestinationIpv6CidrBlock: opt(at(values, 'destination_ipv6_cidr_block')), GatewayId: opt(at(values, 'gateway_id')), NatGatewayId: opt(at(values, 'nat_gateway_id')), TransitGatewayId: opt(at(values, 'transit_gateway_id')) }) ?? {}),
  aws_route_table_association: oneToOne('AWS::EC2::SubnetRouteTableAssociation', (values) => compact({ SubnetId: opt(at(values, 'subnet_id')), RouteTableId: at(values, 'route_table_id') }) ?? {}),
  aws_internet_gateway: internetGateway,
  aws_nat_gateway: oneToOne('AWS::EC2::NatGateway', (values) => compact({ SubnetId: at(values, 'subnet_id'), AllocationId: opt(at(values, 'allocation_id')), ConnectivityType: opt(at(values, 'connectivity_type')) }) ?? {}),
  aws_flow_log: flowLog,
  aws_network_acl: oneToOne('AWS::EC2::NetworkAcl', (values) => compact({ VpcId: at(values, 'vpc_id') }) ?? {}),
};
