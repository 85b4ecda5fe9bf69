/**
 * The server parameter that makes an RDS or Aurora database refuse connections without TLS, and the parameter group
 * that holds it (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html):
 * - `rds.force_ssl` (PostgreSQL, SQL Server, Aurora PostgreSQL) or `require_secure_transport` (MySQL, MariaDB,
 *   Aurora MySQL); Aurora keeps it in the cluster's parameter group;
 * - the engine default forces TLS from RDS for PostgreSQL 15, MySQL 9.7 and MariaDB 11.8;
 * - a database without a group of its own (a template that omits the name, or a `default.*` group) runs on the
 *   engine defaults. In a template the group and the cluster are names or references to resources of the template.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { presence } from './code-values.js';
import { isRecord } from './values.js';

export interface Engine {
  parameter: string;
  /** Whether the engine default forces TLS for this version. */
  defaultOn: (version: number[]) => boolean;
  cluster: boolean;
}

function atLeast(version: number[], min: number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const v = version[i] ?? 0;
    const m = min[i] ?? 0;
    if (v !== m) return v > m;
  }
  return true;
}

export function engineOf(engine: string): Engine | undefined {
  if (engine === 'postgres') return { parameter: 'rds.force_ssl', defaultOn: (v) => atLeast(v, [15]), cluster: false };
  if (engine === 'mysql') return { parameter: 'require_secure_transport', defaultOn: (v) => atLeast(v, [9, 7]), cluster: false };
  if (engine === 'mariadb') return { parameter: 'require_secure_transport', defaultOn: (v) => atLeast(v, [11, 8]), cluster: false };
  if (engine.startsWith('sqlserver')) return { parameter: 'rds.force_ssl', defaultOn: () => false, cluster: false };
  if (engine === 'aurora-postgresql') return { parameter: 'rds.force_ssl', defaultOn: () => false, cluster: true };
  if (engine === 'aurora-mysql' || engine === 'aurora') return { parameter: 'require_secure_transport', defaultOn: () => false, cluster: true };
  return undefined;
}

export function parameterOn(value: unknown): boolean | undefined {
  const text = String(value).trim().toLowerCase();
  if (['1', 'on', 'true'].includes(text)) return true;
  if (['0', 'off', 'false'].includes(text)) return false;
  return undefined;
}

export type Group = { found: true; parameters: Record<string, unknown>; name: string } | { found: false; name: string } | { unknown: string; path: string };

/** A named resource a database refers to (its cluster, its parameter group), or why it cannot be told. */
function referenced(ctx: RuleContext, from: Resource, property: string, type: string): { resource: Resource; name: string } | { absent: true } | { literal: string } | { unknown: string } {
  const value = presence(ctx, from, `/${property}`);
  if (value.state === 'absent') return { absent: true };
  if (value.state === 'unknown') return { unknown: value.reason };
  if (value.value === undefined) return { unknown: value.reason ?? `unresolved:${property}` };
  const resource = ctx.resolve(from, value.value, type);
  if (resource) return { resource, name: value.label };
  return typeof value.value === 'string' ? { literal: value.value } : { unknown: `unresolved:${property}` };
}

/** The parameter group that holds the TLS parameter: the instance's, or for Aurora its cluster's. */
export function parameterGroup(ctx: RuleContext, db: Resource, engine: Engine): Group {
  const code = db.source !== 'live';
  let holder = db;
  let property = 'DBParameterGroupName';
  let type = 'AWS::RDS::DBParameterGroup';
  if (engine.cluster) {
    const cluster = referenced(ctx, db, 'DBClusterIdentifier', 'AWS::RDS::DBCluster');
    if ('unknown' in cluster) return { unknown: cluster.unknown, path: '/DBClusterIdentifier' };
    if ('absent' in cluster) return { unknown: `${code ? 'unresolved:default' : 'missing_data'}:DBClusterIdentifier`, path: '/DBClusterIdentifier' };
    if ('literal' in cluster) return { unknown: `missing_data:cluster:${cluster.literal}`, path: '/DBClusterIdentifier' };
    holder = cluster.resource;
    property = 'DBClusterParameterGroupName';
    type = 'AWS::RDS::DBClusterParameterGroup';
  }
  const path = engine.cluster ? '/DBClusterIdentifier' : `/${property}`;
  const group = referenced(ctx, holder, property, type);
  if ('unknown' in group) return { unknown: group.unknown, path };
  if ('absent' in group) return code ? { found: false, name: 'the default parameter group' } : { unknown: `missing_data:${property}`, path };
  if ('literal' in group) return group.literal.startsWith('default.') ? { found: false, name: group.literal } : { unknown: `missing_data:parameter-group:${group.literal}`, path };
  const mark = ctx.unknownAt(group.resource, '/Parameters');
  if (mark) return { unknown: mark.reason, path };
  const parameters = ctx.get(group.resource, '/Parameters');
  return { found: true, parameters: isRecord(parameters) ? parameters : {}, name: group.name };
}
