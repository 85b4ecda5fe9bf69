/**
 * RDS databases survive the loss of an Availability Zone: Multi-AZ instances, or clusters with instances in more
 * than one AZ (an assist for RES-006: whether that meets the published SLA is for a person to judge).
 *
 * N/A     an instance that belongs to a cluster (judged on the cluster), or a read replica (`SourceDBInstanceIdentifier`).
 * PASS    `MultiAZ` is true (on a cluster: DescribeDBClusters reports instances in several AZs).
 * FAIL    `MultiAZ` is false.
 * UNKNOWN the value could not be read.
 * CloudFormation default: `MultiAZ` false on AWS::RDS::DBInstance; Aurora clusters get AZ redundancy from a second
 * DB instance, which a template shows as another AWS::RDS::DBInstance.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html
 */
import { defineRule } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';
import { asString } from '../_lib/shape.js';

export default defineRule({
  meta: {
    id: 'rds-multi-az',
    title: 'RDS databases run in more than one Availability Zone',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'RES-006', gates: false, basis: 'informs RES-006.2: whether the databases behind the SLA survive an AZ failure' },
    ],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    sources: ['live'],
    rationale:
      'A single-AZ database is down for as long as its Availability Zone is impaired, and its recovery starts from the last backup. Multi-AZ keeps a synchronous standby that takes over in minutes, which most availability SLAs rely on.',
    remediation: {
      summary: 'Convert the instance to Multi-AZ, or add a reader instance in another AZ to the Aurora cluster.',
      console: [
        'Open the Amazon RDS console, choose Databases and select the DB instance.',
        'Choose Modify; under Availability and durability choose Create a standby instance (Multi-AZ DB instance).',
        'Apply the change (during the maintenance window or immediately). For Aurora, select the cluster and choose Actions > Add reader in a different Availability Zone.',
      ],
      cli: [
        'aws rds modify-db-instance --db-instance-identifier <db-id> --multi-az --apply-immediately',
        '# Aurora: add a reader in another AZ',
        'aws rds create-db-instance --db-cluster-identifier <cluster-id> --db-instance-identifier <cluster-id>-reader \\',
        '  --engine aurora-postgresql --db-instance-class db.r6g.large --availability-zone <other-az>',
      ].join('\n'),
      cloudformation: [
        'Database:',
        '  Type: AWS::RDS::DBInstance',
        '  Properties:',
        '    # ...',
        '    MultiAZ: true',
      ].join('\n'),
      terraform: [
        'resource "aws_db_instance" "main" {',
        '  # ...',
        '  multi_az = true',
        '}',
        '',
        '# Aurora: two or more cluster instances spread over AZs',
        'resource "aws_rds_cluster_instance" "member" {',
        '  count              = 2',
        '  cluster_identifier = aws_rds_cluster.main.id',
        '  instance_class     = "db.r6g.large"',
        '  engine             = aws_rds_cluster.main.engine',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html'],
    },
    messages: {
      multiAz: 'RDS database {{resource}} is Multi-AZ.',
      singleAz: 'RDS database {{resource}} runs in a single Availability Zone.',
      clusterMember: 'RDS instance {{resource}} belongs to cluster {{cluster}}; AZ redundancy is judged on the cluster.',
      readReplica: 'RDS instance {{resource}} is a read replica of {{source}}.',
    },
    needs: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  },
  evaluate(db, ctx) {
    if (db.type === 'AWS::RDS::DBInstance') {
      const cluster = asString(ctx.get(db, '/DBClusterIdentifier'));
      if (cluster) return ctx.notApplicable('clusterMember', { cluster });
      const source = asString(ctx.get(db, '/SourceDBInstanceIdentifier'));
      if (source) return ctx.notApplicable('readReplica', { source });
    }
    // CloudFormation default false on instances; a cluster has no such property in templates (its instances tell).
    const multiAz = readSetting(ctx, db, '/MultiAZ', asBool, db.type === 'AWS::RDS::DBInstance' ? false : undefined);
    if (!multiAz.known) return unknownSetting(ctx, multiAz);
    return multiAz.value ? ctx.pass('multiAz') : ctx.fail('singleAz', {}, { path: '/MultiAZ' });
  },
});
