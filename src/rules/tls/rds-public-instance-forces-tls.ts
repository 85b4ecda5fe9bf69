/**
 * A database reachable from outside the VPC refuses connections that do not use TLS.
 *
 * N/A     the DB instance is not publicly accessible: its clients are inside the VPC, so nothing leaves it.
 * PASS    the parameter that forces TLS is on in the instance's parameter group (the cluster parameter group for
 *         Aurora): `rds.force_ssl` = 1 (PostgreSQL, SQL Server, Aurora PostgreSQL) or `require_secure_transport` =
 *         ON/1 (MySQL, MariaDB, Aurora MySQL); or the group leaves it at an engine default that forces TLS
 *         (RDS for PostgreSQL 15+, MySQL 9.7+, MariaDB 11.8+).
 * FAIL    the parameter is off, or left at a default that allows plain connections.
 * UNKNOWN publicity, engine, or the parameter group was not collected (a group named `default.*` that was not
 *         collected holds engine defaults); Oracle and Db2 enforce TLS through option groups and listener settings,
 *         which are not collected.
 *
 * A publicly accessible database already fails NETSEC-002 (rds-instance-not-public); this rule matters when that
 * exposure is waived with a justification, because its traffic then crosses the internet.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';
import { asBool, asString, readSetting, unknownSetting } from '../_lib/settings.js';
import { isRecord } from '../_lib/values.js';

interface Engine {
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

function engineOf(engine: string): Engine | undefined {
  if (engine === 'postgres') return { parameter: 'rds.force_ssl', defaultOn: (v) => atLeast(v, [15]), cluster: false };
  if (engine === 'mysql') return { parameter: 'require_secure_transport', defaultOn: (v) => atLeast(v, [9, 7]), cluster: false };
  if (engine === 'mariadb') return { parameter: 'require_secure_transport', defaultOn: (v) => atLeast(v, [11, 8]), cluster: false };
  if (engine.startsWith('sqlserver')) return { parameter: 'rds.force_ssl', defaultOn: () => false, cluster: false };
  if (engine === 'aurora-postgresql') return { parameter: 'rds.force_ssl', defaultOn: () => false, cluster: true };
  if (engine === 'aurora-mysql' || engine === 'aurora') return { parameter: 'require_secure_transport', defaultOn: () => false, cluster: true };
  return undefined;
}

function parameterOn(value: unknown): boolean | undefined {
  const text = String(value).trim().toLowerCase();
  if (['1', 'on', 'true'].includes(text)) return true;
  if (['0', 'off', 'false'].includes(text)) return false;
  return undefined;
}

type Group = { found: true; parameters: Record<string, unknown>; name: string } | { found: false; name: string } | { unknown: string; path: string };

/** The parameter group that holds the TLS parameter: the instance's, or for Aurora its cluster's. */
function parameterGroup(ctx: RuleContext, db: Resource, engine: Engine): Group {
  let holder = db;
  let property = 'DBParameterGroupName';
  let type = 'AWS::RDS::DBParameterGroup';
  if (engine.cluster) {
    const clusterId = readSetting(ctx, db, '/DBClusterIdentifier', asString);
    if (!clusterId.known) return { unknown: clusterId.reason, path: clusterId.path };
    const cluster = ctx.resolve(db, clusterId.value, 'AWS::RDS::DBCluster');
    if (!cluster) return { unknown: `missing_data:cluster:${clusterId.value}`, path: '/DBClusterIdentifier' };
    holder = cluster;
    property = 'DBClusterParameterGroupName';
    type = 'AWS::RDS::DBClusterParameterGroup';
  }
  const name = readSetting(ctx, holder, `/${property}`, asString);
  if (!name.known) return { unknown: name.reason, path: engine.cluster ? '/DBClusterIdentifier' : name.path };
  const group = ctx.resolve(holder, name.value, type);
  if (!group) return name.value.startsWith('default.') ? { found: false, name: name.value } : { unknown: `missing_data:parameter-group:${name.value}`, path: `/${property}` };
  const mark = ctx.unknownAt(group, '/Parameters');
  if (mark) return { unknown: mark.reason, path: `/${property}` };
  const parameters = ctx.get(group, '/Parameters');
  return { found: true, parameters: isRecord(parameters) ? parameters : {}, name: name.value };
}

export default defineRule({
  meta: {
    id: 'rds-public-instance-forces-tls',
    title: 'Publicly accessible databases refuse connections without TLS',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; a publicly accessible database is reached from outside it',
      },
    ],
    resourceTypes: ['AWS::RDS::DBInstance'],
    sources: ['live'],
    rationale:
      'Database clients fall back to plain connections when the server allows them (libpq and JDBC default to "prefer"). For a database reached across the internet, forcing TLS on the server is the only guarantee that credentials and query results are encrypted.',
    remediation: {
      summary:
        'Set rds.force_ssl = 1 (PostgreSQL, SQL Server, Aurora PostgreSQL) or require_secure_transport = ON (MySQL, MariaDB, Aurora MySQL) in a custom parameter group attached to the database — better still, make it private.',
      console: [
        'RDS console, Parameter groups, Create parameter group for the engine family (a DB cluster parameter group for Aurora).',
        'Edit it: set rds.force_ssl to 1, or require_secure_transport to ON/1; Save changes.',
        'Modify the DB instance (or Aurora cluster) to use the group; reboot if the parameter is static for your engine.',
      ],
      cli: 'aws rds create-db-parameter-group --db-parameter-group-name pg16-tls --db-parameter-group-family postgres16 --description "force TLS"\naws rds modify-db-parameter-group --db-parameter-group-name pg16-tls --parameters ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=immediate\naws rds modify-db-instance --db-instance-identifier mydb --db-parameter-group-name pg16-tls --apply-immediately\n# Aurora MySQL:\naws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name aurora-mysql8-tls --parameters ParameterName=require_secure_transport,ParameterValue=ON,ApplyMethod=immediate',
      cloudformation:
        'TlsParameters:\n  Type: AWS::RDS::DBParameterGroup\n  Properties:\n    Family: postgres16\n    Description: force TLS\n    Parameters:\n      rds.force_ssl: "1"\n\nDatabase:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBParameterGroupName: !Ref TlsParameters',
      terraform:
        'resource "aws_db_parameter_group" "tls" {\n  name   = "pg16-tls"\n  family = "postgres16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n\nresource "aws_db_instance" "main" {\n  # ...\n  parameter_group_name = aws_db_parameter_group.tls.name\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html#PostgreSQL.Concepts.General.SSL.Requiring',
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html',
      ],
    },
    messages: {
      forcesTls: 'Publicly accessible database {{resource}} refuses connections without TLS ({{parameter}} in {{group}}).',
      private: 'Database {{resource}} is not publicly accessible; its connections stay in the VPC.',
      allowsPlaintext: 'Publicly accessible database {{resource}} accepts connections without TLS ({{parameter}} {{state}} in {{group}}).',
    },
    needs: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'rds:DescribeDBParameters', 'rds:DescribeDBClusterParameters'],
  },
  evaluate(db: Resource, ctx) {
    const pub = readSetting(ctx, db, '/PubliclyAccessible', asBool);
    if (!pub.known) return unknownSetting(ctx, pub);
    if (!pub.value) return ctx.notApplicable('private');
    const engineName = readSetting(ctx, db, '/Engine', asString);
    if (!engineName.known) return unknownSetting(ctx, engineName);
    const engine = engineOf(engineName.value);
    if (!engine) return ctx.unknown(`unverifiable:tls-enforcement:${engineName.value}`, { path: '/Engine' });
    const group = parameterGroup(ctx, db, engine);
    if ('unknown' in group) return ctx.unknown(group.unknown, { path: group.path });
    const set = group.found ? group.parameters[engine.parameter] : undefined;
    let on = set === undefined ? undefined : parameterOn(set);
    if (set !== undefined && on === undefined) return ctx.unknown(`unresolved:${engine.parameter}`, { path: '/DBParameterGroupName' });
    let state = on ? 'on' : 'off';
    if (on === undefined) {
      const version = readSetting(ctx, db, '/EngineVersion', asString);
      if (!version.known) return unknownSetting(ctx, version);
      on = engine.defaultOn(version.value.split('.').map((p) => Number.parseInt(p, 10) || 0));
      state = `left at the engine default (${on ? 'on' : 'off'})`;
    }
    const data = { parameter: engine.parameter, group: group.name, state };
    return on ? ctx.pass('forcesTls', data) : ctx.fail('allowsPlaintext', data, { path: engine.cluster ? '/DBClusterIdentifier' : '/DBParameterGroupName' });
  },
});
