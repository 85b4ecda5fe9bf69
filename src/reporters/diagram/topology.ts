/**
 * The network topology the diagram draws, built from snapshot resources: per account and Region, VPCs with their
 * subnets (public, private, or not known), what sits in each subnet, load balancers spanning subnets, resources known
 * to be in a VPC whose subnet is not known, and the rest. Nothing is guessed: a subnet is public when the collector
 * said so (`Public`) or a route table sends it to an internet gateway; otherwise its tier is "not known".
 */
import type { Resource } from '../../core/index.js';
import { compareText } from '../_lib/findings.js';
import { KIND_ORDER, memberOf, type Member, type NodeKind } from './members.js';
import { displayName, isRecord, list, Lookup, text } from './refs.js';

export type Tier = 'public' | 'private' | 'unknown';

export interface DiagramNode {
  uid: string;
  kind: NodeKind;
  name: string;
  detail: string;
  public: boolean;
  securityGroups: string[];
  /** Subnet uids it sits in (several for a load balancer). */
  subnets: string[];
}

export interface DiagramSubnet {
  uid: string;
  name: string;
  id: string;
  az?: string;
  cidr?: string;
  tier: Tier;
  /** Why the tier is what it is, for the tooltip. */
  tierBasis: string;
  nodes: DiagramNode[];
}

export interface DiagramVpc {
  uid: string;
  name: string;
  id: string;
  cidr?: string;
  isDefault: boolean;
  inSnapshot: boolean;
  internetGateway?: string;
  flowLogs?: number;
  subnets: DiagramSubnet[];
  spanning: DiagramNode[];
  unplaced: DiagramNode[];
}

export interface DiagramRegion {
  region: string;
  vpcs: DiagramVpc[];
  outside: DiagramNode[];
}

export interface DiagramAccount {
  id: string;
  name?: string;
  edge: DiagramNode[];
  regions: DiagramRegion[];
}

export interface Topology {
  accounts: DiagramAccount[];
  /** Nodes placed, subnets and VPCs drawn (before any cap). */
  counts: { nodes: number; subnets: number; vpcs: number };
}

const UNKNOWN_ACCOUNT = 'templates';
const UNKNOWN_REGION = 'Region not known';

function publicRouteTables(resources: readonly Resource[], lookup: Lookup): Set<string> {
  const isIgw = (value: unknown, near: Resource) => lookup.find(value, 'AWS::EC2::InternetGateway', near) !== undefined || (typeof value === 'string' && value.startsWith('igw-'));
  const tables = new Set<string>();
  for (const r of resources) {
    if (r.type === 'AWS::EC2::RouteTable' && list(r.properties['Routes']).some((route) => isRecord(route) && isIgw(route['GatewayId'], r))) tables.add(r.uid);
    if (r.type === 'AWS::EC2::Route' && isIgw(r.properties['GatewayId'], r)) {
      const table = lookup.find(r.properties['RouteTableId'], 'AWS::EC2::RouteTable', r);
      if (table) tables.add(table.uid);
    }
  }
  return tables;
}

/** Subnet uid → route table uid, and VPC uid → its main route table uid. */
function routeAssociations(resources: readonly Resource[], lookup: Lookup): { subnet: Map<string, string>; main: Map<string, string> } {
  const subnet = new Map<string, string>();
  const main = new Map<string, string>();
  for (const r of resources) {
    if (r.type === 'AWS::EC2::RouteTable') {
      for (const a of list(r.properties['Associations'])) {
        if (!isRecord(a)) continue;
        const s = lookup.find(a['SubnetId'], 'AWS::EC2::Subnet', r);
        if (s) subnet.set(s.uid, r.uid);
        const vpc = lookup.find(r.properties['VpcId'], 'AWS::EC2::VPC', r);
        if (a['Main'] === true && vpc) main.set(vpc.uid, r.uid);
      }
    }
    if (r.type === 'AWS::EC2::SubnetRouteTableAssociation') {
      const s = lookup.find(r.properties['SubnetId'], 'AWS::EC2::Subnet', r);
      const table = lookup.find(r.properties['RouteTableId'], 'AWS::EC2::RouteTable', r);
      if (s && table) subnet.set(s.uid, table.uid);
    }
  }
  return { subnet, main };
}

/** Text order with runs of digits compared as numbers (worker-2 before worker-10); the same on every machine. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) || x.length - y.length : compareText(x, y);
    if (order !== 0) return order;
  }
  return pa.length - pb.length || compareText(a, b);
}

function compareNodes(a: DiagramNode, b: DiagramNode): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || naturalCompare(a.name, b.name) || compareText(a.uid, b.uid);
}

const TIER_ORDER: Record<Tier, number> = { public: 0, private: 1, unknown: 2 };

export function buildTopology(resources: readonly Resource[]): Topology {
  const lookup = new Lookup(resources);
  const publicTables = publicRouteTables(resources, lookup);
  const associations = routeAssociations(resources, lookup);
  const accounts = new Map<string, DiagramAccount>();
  const accountNames = new Map(resources.filter((r) => r.type === 'AWS::Account').map((r) => [r.account ?? r.physicalId ?? '', r.name]));
  const accountOf = (account: string): DiagramAccount => {
    let a = accounts.get(account);
    if (!a) {
      const name = accountNames.get(account);
      a = { id: account, ...(name !== undefined ? { name } : {}), edge: [], regions: [] };
      accounts.set(account, a);
    }
    return a;
  };
  const regionOf = (account: string, region: string): DiagramRegion => {
    const a = accountOf(account);
    let r = a.regions.find((x) => x.region === region);
    if (!r) {
      r = { region, vpcs: [], outside: [] };
      a.regions.push(r);
    }
    return r;
  };
  const where = (r: Resource) => ({ account: r.account ?? UNKNOWN_ACCOUNT, region: r.region ?? UNKNOWN_REGION });

  const vpcs = new Map<string, DiagramVpc>();
  const vpcBox = (key: string, make: () => DiagramVpc, near: Resource): DiagramVpc => {
    let box = vpcs.get(key);
    if (!box) {
      box = make();
      vpcs.set(key, box);
      const { account, region } = where(near);
      regionOf(account, region).vpcs.push(box);
    }
    return box;
  };
  const vpcFor = (ref: unknown, near: Resource): DiagramVpc | undefined => {
    const vpc = lookup.find(ref, 'AWS::EC2::VPC', near);
    if (vpc) {
      const igw = resources.find((g) => g.type === 'AWS::EC2::InternetGateway' && list(g.properties['Attachments']).some((a) => isRecord(a) && lookup.find(a['VpcId'], 'AWS::EC2::VPC', g)?.uid === vpc.uid));
      const attachment = resources.find((g) => g.type === 'AWS::EC2::VPCGatewayAttachment' && lookup.find(g.properties['VpcId'], 'AWS::EC2::VPC', g)?.uid === vpc.uid);
      const attachedIgw = igw ?? (attachment ? lookup.find(attachment.properties['InternetGatewayId'], 'AWS::EC2::InternetGateway', attachment) : undefined);
      const flowLogs = vpc.properties['FlowLogs'];
      const cidr = text(vpc.properties['CidrBlock']);
      return vpcBox(vpc.uid, () => ({
        uid: vpc.uid,
        name: vpc.name ?? vpc.physicalId ?? 'VPC',
        id: vpc.physicalId ?? vpc.uid,
        ...(cidr !== undefined ? { cidr } : {}),
        isDefault: vpc.properties['IsDefault'] === true,
        inSnapshot: true,
        ...(attachedIgw ? { internetGateway: attachedIgw.physicalId ?? displayName(attachedIgw) } : {}),
        ...(typeof flowLogs === 'number' ? { flowLogs } : {}),
        subnets: [],
        spanning: [],
        unplaced: [],
      }), near);
    }
    const id = text(ref);
    if (id === undefined) return undefined;
    const { account, region } = where(near);
    return vpcBox(`missing:${account}|${region}|${id}`, () => ({ uid: id, name: id, id, isDefault: false, inSnapshot: false, subnets: [], spanning: [], unplaced: [] }), near);
  };

  const subnets = new Map<string, { box: DiagramSubnet; vpc: DiagramVpc | undefined }>();
  for (const s of resources.filter((r) => r.type === 'AWS::EC2::Subnet').sort((a, b) => compareText(a.uid, b.uid))) {
    const p = s.properties;
    const vpc = vpcFor(p['VpcId'], s);
    const table = associations.subnet.get(s.uid) ?? (vpc ? associations.main.get(vpc.uid) : undefined);
    let tier: Tier = 'unknown';
    let tierBasis = 'no route table or Public flag seen';
    if (typeof p['Public'] === 'boolean') [tier, tierBasis] = [p['Public'] ? 'public' : 'private', 'as collected (route to an internet gateway)'];
    else if (table !== undefined) [tier, tierBasis] = [publicTables.has(table) ? 'public' : 'private', 'from its route table'];
    const az = text(p['AvailabilityZone']);
    const cidr = text(p['CidrBlock']);
    const box: DiagramSubnet = { uid: s.uid, name: displayName(s), id: s.physicalId ?? s.uid, ...(az !== undefined ? { az } : {}), ...(cidr !== undefined ? { cidr } : {}), tier, tierBasis, nodes: [] };
    subnets.set(s.uid, { box, vpc });
    vpc?.subnets.push(box);
  }

  const listenersOf = (lb: Resource) => resources.filter((l) => l.type === 'AWS::ElasticLoadBalancingV2::Listener' && lookup.find(l.properties['LoadBalancerArn'], 'AWS::ElasticLoadBalancingV2::LoadBalancer', l)?.uid === lb.uid);
  const groupName = (ref: unknown, near: Resource) => {
    const sg = lookup.find(ref, 'AWS::EC2::SecurityGroup', near);
    return sg ? (text(sg.properties['GroupName']) ?? displayName(sg)) : (text(ref) ?? 'a security group');
  };
  let placed = 0;
  for (const r of [...resources].sort((a, b) => compareText(a.uid, b.uid))) {
    const member: Member | undefined = memberOf(r, listenersOf);
    if (!member) continue;
    placed++;
    const inSubnets = member.subnetRefs.map((ref) => lookup.find(ref, 'AWS::EC2::Subnet', r)).filter((s): s is Resource => s !== undefined);
    const node: DiagramNode = {
      uid: r.uid,
      kind: member.kind,
      name: member.name,
      detail: member.detail,
      public: member.public,
      securityGroups: [...new Set(member.securityGroupRefs.map((ref) => groupName(ref, r)))].sort(compareText),
      subnets: inSubnets.map((s) => s.uid),
    };
    const { account, region } = where(r);
    if (member.edge) {
      accountOf(account).edge.push(node);
      continue;
    }
    const first = inSubnets[0] ? subnets.get(inSubnets[0].uid) : undefined;
    if (first?.vpc && (node.kind === 'load-balancer' || inSubnets.length > 1)) first.vpc.spanning.push(node);
    else if (first?.vpc) first.box.nodes.push(node);
    else {
      const viaGroup = member.securityGroupRefs.map((ref) => lookup.find(ref, 'AWS::EC2::SecurityGroup', r)).find((sg) => sg !== undefined);
      const vpc = viaGroup ? vpcFor(viaGroup.properties['VpcId'], viaGroup) : undefined;
      if (vpc) vpc.unplaced.push(node);
      else regionOf(account, region).outside.push(node);
    }
  }

  const ordered = [...accounts.values()].sort((a, b) => compareText(a.id, b.id));
  for (const a of ordered) {
    a.edge.sort(compareNodes);
    a.regions = a.regions.filter((r) => r.vpcs.length > 0 || r.outside.length > 0).sort((x, y) => compareText(x.region, y.region));
    for (const region of a.regions) {
      region.outside.sort(compareNodes);
      region.vpcs.sort((x, y) => Number(x.isDefault) - Number(y.isDefault) || naturalCompare(x.name, y.name) || compareText(x.uid, y.uid));
      for (const vpc of region.vpcs) {
        vpc.subnets.sort((x, y) => TIER_ORDER[x.tier] - TIER_ORDER[y.tier] || compareText(x.az ?? '~', y.az ?? '~') || naturalCompare(x.cidr ?? '', y.cidr ?? '') || compareText(x.uid, y.uid));
        for (const s of vpc.subnets) s.nodes.sort(compareNodes);
        vpc.spanning.sort(compareNodes);
        vpc.unplaced.sort(compareNodes);
      }
    }
  }
  const drawn = ordered.filter((a) => a.regions.length > 0 || a.edge.length > 0);
  return { accounts: drawn, counts: { nodes: placed, subnets: subnets.size, vpcs: vpcs.size } };
}
