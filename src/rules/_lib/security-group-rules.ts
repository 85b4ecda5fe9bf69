/**
 * The rules of a security group, wherever they are written: inline (`SecurityGroupIngress` / `SecurityGroupEgress`
 * on `AWS::EC2::SecurityGroup`) or as standalone `AWS::EC2::SecurityGroupIngress` / `Egress` resources whose `GroupId`
 * refers to the group (docs/resource-model.md). Reads never throw: what cannot be known is returned as such, so a rule
 * can still fail on another entry it sees clearly.
 */
import { readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { describeRange, isWorldCidr, portRangeOf, protocolOf, worldLabel, type PortRange, type Protocol } from './network.js';
import { isRecord } from './values.js';

export interface SgEntry {
  /** The resource the entry is written on: the group itself, or a standalone ingress/egress resource. */
  owner: Resource;
  /** JSON pointer of the entry inside `owner.properties` (`''` for a standalone resource). */
  path: string;
}

export interface Unknowable {
  reason: string;
  path: string;
  subject?: string | undefined;
}

export interface SgEntries {
  entries: SgEntry[];
  unknown: Unknowable[];
}

const STANDALONE = {
  ingress: { inline: '/SecurityGroupIngress', type: 'AWS::EC2::SecurityGroupIngress' },
  egress: { inline: '/SecurityGroupEgress', type: 'AWS::EC2::SecurityGroupEgress' },
} as const;

/** Every ingress or egress entry of a group, with what could not be read. */
export function groupEntries(ctx: RuleContext, group: Resource, direction: 'ingress' | 'egress'): SgEntries {
  const { inline, type } = STANDALONE[direction];
  const out: SgEntries = { entries: [], unknown: [] };
  // A mark on the list itself makes every inline entry unknown; a mark inside one entry is read per field below.
  const found = ctx.unknownAt(group, inline);
  const mark = found && found.path.split('/').filter(Boolean).length <= 1 ? found : undefined;
  const list = mark ? undefined : readPointer(group.properties, inline);
  if (mark) out.unknown.push({ reason: mark.reason, path: inline });
  else if (Array.isArray(list)) list.forEach((_, i) => out.entries.push({ owner: group, path: `${inline}/${i}` }));
  else if (list === undefined && group.source === 'live') out.unknown.push({ reason: `missing_data:${inline.slice(1)}`, path: inline });
  else if (list !== undefined) out.unknown.push({ reason: `unresolved:${inline.slice(1)}`, path: inline });

  const related = ctx.related(group, type, 'GroupId');
  for (const resource of related.resources) out.entries.push({ owner: resource, path: '' });
  if (!related.complete) out.unknown.push({ reason: related.reason ?? `not_collected:${type}`, path: `@${type}` });
  return out;
}

type Field = { ok: true; value: unknown } | { ok: false; unknown: Unknowable };

/** One property of an entry (`CidrIp`, `FromPort` …). */
export function entryField(ctx: RuleContext, entry: SgEntry, name: string): Field {
  const pointer = `${entry.path}/${name}`;
  const mark = ctx.unknownAt(entry.owner, pointer);
  if (mark) return { ok: false, unknown: { reason: mark.reason, path: pointer, subject: entry.owner.uid } };
  return { ok: true, value: ctx.get(entry.owner, pointer) };
}

export type Traffic = { ok: true; protocol: Protocol; ports: PortRange | undefined } | { ok: false; unknown: Unknowable };

/** What an entry lets through: its protocol and, for tcp/udp (and all traffic), its port range. */
export function entryTraffic(ctx: RuleContext, entry: SgEntry): Traffic {
  const fields = ['IpProtocol', 'FromPort', 'ToPort'].map((name) => entryField(ctx, entry, name));
  const failed = fields.find((f): f is { ok: false; unknown: Unknowable } => !f.ok);
  if (failed) return failed;
  const [protocolValue, fromPort, toPort] = fields.map((f) => (f.ok ? f.value : undefined));
  const protocol = protocolOf(protocolValue);
  if (protocol === undefined) return { ok: false, unknown: { reason: 'unresolved:IpProtocol', path: `${entry.path}/IpProtocol`, subject: entry.owner.uid } };
  if (protocol === 'all') return { ok: true, protocol, ports: { from: 0, to: 65535 } };
  if (protocol !== 'tcp' && protocol !== 'udp') return { ok: true, protocol, ports: undefined };
  const ports = portRangeOf(fromPort, toPort);
  if (!ports) return { ok: false, unknown: { reason: 'unresolved:FromPort', path: `${entry.path}/FromPort`, subject: entry.owner.uid } };
  return { ok: true, protocol, ports };
}

export type Source = { ok: true; world: string | undefined } | { ok: false; unknown: Unknowable };

/**
 * Whether an ingress entry's source is the whole internet, and how to name it. A prefix list is judged by its entries
 * (`AWS::EC2::PrefixList`): an AWS-managed list (service ranges) is never the internet; a customer list whose entries
 * were not collected is unknown, because its contents are not a pass.
 */
export function entryWorldSource(ctx: RuleContext, entry: SgEntry): Source {
  for (const name of ['CidrIp', 'CidrIpv6']) {
    const field = entryField(ctx, entry, name);
    if (!field.ok) return field;
    if (isWorldCidr(field.value)) return { ok: true, world: worldLabel(String(field.value)) };
  }
  const prefixList = entryField(ctx, entry, 'SourcePrefixListId');
  if (!prefixList.ok) return prefixList;
  if (prefixList.value === undefined) return { ok: true, world: undefined };
  return prefixListWorld(ctx, entry, prefixList.value);
}

function prefixListWorld(ctx: RuleContext, entry: SgEntry, id: unknown): Source {
  const label = typeof id === 'string' ? id : 'a prefix list';
  const subject = entry.owner.uid;
  const path = `${entry.path}/SourcePrefixListId`;
  const list = ctx.resolve(entry.owner, id, 'AWS::EC2::PrefixList');
  if (!list) return { ok: false, unknown: { reason: `missing_data:prefix-list:${label}`, path, subject } };
  if (ctx.unknownAt(list, '/OwnerId') === undefined && ctx.get(list, '/OwnerId') === 'AWS') return { ok: true, world: undefined };
  const mark = ctx.unknownAt(list, '/Entries');
  if (mark) return { ok: false, unknown: { reason: mark.reason, path, subject } };
  const entries = ctx.get(list, '/Entries');
  if (!Array.isArray(entries)) return { ok: false, unknown: { reason: `missing_data:prefix-list-entries:${label}`, path, subject } };
  const world = entries.find((e) => isRecord(e) && isWorldCidr(e['Cidr']));
  return { ok: true, world: world && isRecord(world) ? `prefix list ${label} (${worldLabel(String(world['Cidr']))})` : undefined };
}

type KnownTraffic = Extract<Traffic, { ok: true }>;

export interface PublicHit {
  entry: SgEntry;
  /** `0.0.0.0/0`, `::/0` or `prefix list pl-… (0.0.0.0/0)`. */
  source: string;
  /** What the entry lets through, for a message: `tcp 22`, `tcp 0-65535`, `all traffic`. */
  rule: string;
  /** The labels `portsOf` returned for the entry. */
  ports: string[];
}

/**
 * The ingress entries of a group that let the internet reach ports of interest. `portsOf` names the ports of interest
 * an entry's traffic covers (empty: none). Traffic is judged first, so an unreadable source on an irrelevant port
 * never makes the result unknown.
 */
export function publicIngress(
  ctx: RuleContext,
  group: Resource,
  portsOf: (traffic: KnownTraffic) => string[],
): { hits: PublicHit[]; unknown: Unknowable[] } {
  const { entries, unknown } = groupEntries(ctx, group, 'ingress');
  return judgeIngress(ctx, entries, unknown, portsOf);
}

/**
 * A standalone ingress resource whose group is not a resource of the same input (a group id from a parameter, an
 * existing group, a VPC's default group through `Fn::GetAtt Vpc.DefaultSecurityGroup`): judged on its own, because
 * no group's evaluation will see it. Undefined when its group is in the input (the group's evaluation judges it).
 */
export function orphanIngress(
  ctx: RuleContext,
  ingress: Resource,
  portsOf: (traffic: KnownTraffic) => string[],
): { hits: PublicHit[]; unknown: Unknowable[]; group: string } | undefined {
  const mark = ctx.unknownAt(ingress, '/GroupId');
  const groupId = mark ? undefined : readPointer(ingress.properties, '/GroupId');
  if (groupId !== undefined && ctx.resolve(ingress, groupId, 'AWS::EC2::SecurityGroup')) return undefined;
  const label = typeof groupId === 'string' ? groupId : typeof readPointer(ingress.properties, '/GroupName') === 'string' ? String(readPointer(ingress.properties, '/GroupName')) : 'a group outside the input';
  return { ...judgeIngress(ctx, [{ owner: ingress, path: '' }], [], portsOf), group: label };
}

function judgeIngress(ctx: RuleContext, entries: SgEntry[], unknown: Unknowable[], portsOf: (traffic: KnownTraffic) => string[]): { hits: PublicHit[]; unknown: Unknowable[] } {
  const hits: PublicHit[] = [];
  for (const entry of entries) {
    const traffic = entryTraffic(ctx, entry);
    const ports = traffic.ok ? portsOf(traffic) : undefined;
    if (ports?.length === 0) continue;
    const source = entryWorldSource(ctx, entry);
    if (!source.ok) unknown.push(source.unknown);
    else if (source.world === undefined) continue;
    else if (!traffic.ok || ports === undefined) unknown.push(traffic.ok ? { reason: 'unresolved:ports', path: entry.path, subject: entry.owner.uid } : traffic.unknown);
    else {
      const rule = traffic.protocol === 'all' || !traffic.ports ? 'all traffic' : `${traffic.protocol} ${describeRange(traffic.ports)}`;
      hits.push({ entry, source: source.world, rule, ports });
    }
  }
  return { hits, unknown };
}

/** Where an outcome about an entry points: the entry inside the group, or the standalone resource. */
export function entryLocation(group: Resource, entry: SgEntry): { path: string } | { subject: string } | Record<string, never> {
  if (entry.owner !== group) return { subject: entry.owner.uid };
  return entry.path === '' ? {} : { path: entry.path };
}

export function unknowableOptions(u: Unknowable): { path: string; subject?: string } {
  return { path: u.path, ...(u.subject !== undefined ? { subject: u.subject } : {}) };
}
