/**
 * Whether a template instance will have a public IPv4 address, and whether its subnet is public: the facts a live
 * scan reads after launch (`PublicIpAddress`, `AWS::EC2::Subnet.Public`), derived the way AWS decides them.
 * - address: an Elastic IP associated with the instance (`AWS::EC2::EIP` / `EIPAssociation` with its `InstanceId`);
 *   else the primary network interface's `AssociatePublicIpAddress` (Terraform `associate_public_ip_address`); else
 *   the subnet's `MapPublicIpOnLaunch` (default false). An instance without a subnet lands in the default VPC, whose
 *   subnets map public addresses — the account's, not the template's, so unknown.
 *   https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#vpc-public-ipv4-addresses
 * - subnet: public when its route table — the explicitly associated one, else the VPC's main table — has a route to
 *   an internet gateway (a gateway of the template, or an `igw-` id). A VPC created by the template starts with a
 *   main table holding only the local route; a subnet of a VPC the template does not create is unknown.
 * Terraform resources the parser does not map (`aws_eip`, `aws_main_route_table_association`, …) could change the
 * answer; when one is in the input, an answer they could overturn is unknown.
 */
import { readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { markAbove, presence } from './code-values.js';
import { asBool, readSetting } from './settings.js';
import { unmappedTerraform } from './unmapped-terraform.js';
import { isRecord } from './values.js';

export type Unknown = { known: false; reason: string; path: string };
export type Fact = { known: true; value: boolean } | Unknown;

const unknown = (reason: string, path: string): Unknown => ({ known: false, reason, path });

/** The primary network interface entry (device index 0) and its index, if the instance declares interfaces. */
function primaryInterface(instance: Resource): { index: number; entry: Record<string, unknown> } | undefined {
  const list = readPointer(instance.properties, '/NetworkInterfaces');
  if (!Array.isArray(list)) return undefined;
  const index = list.findIndex((n) => isRecord(n) && String(n['DeviceIndex']) === '0');
  const entry: unknown = list[index];
  return index >= 0 && isRecord(entry) ? { index, entry } : undefined;
}

/** The subnet an instance launches in: `SubnetId`, or its primary interface's. */
export function instanceSubnet(ctx: RuleContext, instance: Resource): { subnet: Resource } | Unknown {
  const nic = primaryInterface(instance);
  const path = nic && readPointer(instance.properties, '/SubnetId') === undefined ? `/NetworkInterfaces/${nic.index}/SubnetId` : '/SubnetId';
  const id = presence(ctx, instance, path);
  if (id.state === 'unknown') return unknown(id.reason, path);
  if (id.state === 'absent') return unknown('unresolved:default:SubnetId', path);
  const subnet = id.value === undefined ? undefined : ctx.resolve(instance, id.value, 'AWS::EC2::Subnet');
  return subnet ? { subnet } : unknown(id.reason ?? `unresolved:subnet:${id.label}`, path);
}

/** An Elastic IP of the input associated with the instance: yes, no, or unknown (an association left unresolved). */
function elasticIp(ctx: RuleContext, instance: Resource): Fact {
  const related = ['AWS::EC2::EIP', 'AWS::EC2::EIPAssociation'].map((type) => ctx.related(instance, type, 'InstanceId'));
  if (related.some((r) => r.resources.length > 0)) return { known: true, value: true };
  const incomplete = related.find((r) => !r.complete);
  return incomplete ? unknown(incomplete.reason ?? 'unresolved:InstanceId', '@AWS::EC2::EIP') : { known: true, value: false };
}

export function codePublicAddress(ctx: RuleContext, instance: Resource): Fact {
  const eipState = elasticIp(ctx, instance);
  if (eipState.known && eipState.value) return eipState;
  const listMark = markAbove(ctx, instance, '/NetworkInterfaces');
  if (listMark) return unknown(listMark.reason, listMark.path);
  const nic = primaryInterface(instance);
  const path = nic ? `/NetworkInterfaces/${nic.index}/AssociatePublicIpAddress` : '/NetworkInterfaces';
  const mark = nic ? markAbove(ctx, instance, path) : undefined;
  if (mark) return unknown(mark.reason, path);
  let value = nic ? asBool(nic.entry['AssociatePublicIpAddress']) : undefined;
  if (value === undefined) {
    const located = instanceSubnet(ctx, instance);
    if (!('subnet' in located)) return located;
    const mapped = readSetting(ctx, located.subnet, '/MapPublicIpOnLaunch', asBool, false);
    if (!mapped.known) return unknown(mapped.reason, '/SubnetId');
    value = mapped.value;
  }
  if (value) return { known: true, value };
  if (!eipState.known) return eipState;
  const eip = unmappedTerraform(ctx, instance, ['aws_eip', 'aws_eip_association']);
  return eip ? unknown(`unmapped:${String(eip.properties['TerraformType'])}`, '/NetworkInterfaces') : { known: true, value };
}

/** Whether a route sends traffic to an internet gateway. */
function routeToIgw(ctx: RuleContext, route: Resource, pointer: string): Fact {
  const gateway = presence(ctx, route, `${pointer}/GatewayId`);
  if (gateway.state === 'unknown') return unknown(gateway.reason, gateway.path);
  if (gateway.state === 'absent') return { known: true, value: false };
  if (gateway.value === undefined) return unknown(gateway.reason ?? 'unresolved:GatewayId', `${pointer}/GatewayId`);
  if (typeof gateway.value === 'string') return { known: true, value: gateway.value.startsWith('igw-') };
  return { known: true, value: ctx.resolve(route, gateway.value, 'AWS::EC2::InternetGateway') !== undefined };
}

function tablePublic(ctx: RuleContext, table: Resource): Fact {
  const facts: Fact[] = [];
  const routes = ctx.related(table, 'AWS::EC2::Route', 'RouteTableId');
  if (!routes.complete) facts.push(unknown(routes.reason ?? 'not_collected:AWS::EC2::Route', '@AWS::EC2::Route'));
  for (const route of routes.resources) facts.push(routeToIgw(ctx, route, ''));
  const inlineMark = markAbove(ctx, table, '/Routes');
  if (inlineMark) facts.push(unknown(inlineMark.reason, inlineMark.path));
  const inline = readPointer(table.properties, '/Routes');
  if (!inlineMark && Array.isArray(inline)) inline.forEach((_, i) => facts.push(routeToIgw(ctx, table, `/Routes/${i}`)));
  if (facts.some((f) => f.known && f.value)) return { known: true, value: true };
  return facts.find((f) => !f.known) ?? { known: true, value: false };
}

export function codeSubnetPublic(ctx: RuleContext, subnet: Resource): Fact {
  const associations = ctx.related(subnet, 'AWS::EC2::SubnetRouteTableAssociation', 'SubnetId');
  if (!associations.complete) return unknown(associations.reason ?? 'not_collected:AWS::EC2::SubnetRouteTableAssociation', '/SubnetId');
  const association = associations.resources[0];
  if (association) {
    const id = presence(ctx, association, '/RouteTableId');
    if (id.state === 'unknown') return unknown(id.reason, '/SubnetId');
    if (id.state === 'absent' || id.value === undefined) return unknown((id.state === 'set' ? id.reason : undefined) ?? 'unresolved:RouteTableId', '/SubnetId');
    const table = ctx.resolve(association, id.value, 'AWS::EC2::RouteTable');
    return table ? tablePublic(ctx, table) : unknown(`unresolved:route-table:${id.label}`, '/SubnetId');
  }
  const vpcId = presence(ctx, subnet, '/VpcId');
  const vpc = vpcId.state === 'set' && vpcId.value !== undefined ? ctx.resolve(subnet, vpcId.value, 'AWS::EC2::VPC') : undefined;
  if (!vpc || asBool(readPointer(vpc.properties, '/IsDefault')) === true) return unknown('unresolved:main-route-table', '/SubnetId');
  const main = unmappedTerraform(ctx, subnet, ['aws_main_route_table_association', 'aws_default_route_table']);
  return main ? unknown(`unmapped:${String(main.properties['TerraformType'])}`, '/SubnetId') : { known: true, value: false };
}
