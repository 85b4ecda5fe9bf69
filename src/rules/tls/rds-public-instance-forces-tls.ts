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
 * Templates: `PubliclyAccessible` omitted is unknown (RDS decides from the subnets' VPC; the Terraform parser writes
 * the provider's false); a database that names no parameter group runs on the engine defaults, judged by
 * `EngineVersion` (omitted: unknown, RDS picks the version at deploy time); a group or cluster written as a reference
 * to the template is followed. Parameters without a default, `ImportValue`s, undecidable conditions and values a
 * Terraform plan computes are unknown.
 *
 * A publicly accessible database already fails NETSEC-002 (rds-instance-not-public); this rule matters when that
 * exposure is waived with a justification, because its traffic then crosses the internet.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { engineOf, parameterGroup, parameterOn } from '../_lib/rds-tls-parameters.js';
import { asBool, asString, readSetting, unknownSetting } from '../_lib/settings.js';


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
    sources: ['live', 'cloudformation', 'terraform'],
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
