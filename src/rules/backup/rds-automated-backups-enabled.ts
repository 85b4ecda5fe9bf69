/**
 * RDS DB instances and clusters take automatic backups: automated backups on (`BackupRetentionPeriod` ≥ 1), or an AWS
 * Backup plan that covers them.
 *
 * N/A     an instance that belongs to a cluster (Aurora, Multi-AZ DB cluster: the cluster carries the backups and is
 *         judged itself), or a read replica (`SourceDBInstanceIdentifier`: its data is backed up at its source).
 * PASS    `BackupRetentionPeriod` ≥ 1; or 0 while an AWS Backup selection or vault covers the database.
 * FAIL    `BackupRetentionPeriod` 0 and no AWS Backup coverage.
 * UNKNOWN the retention could not be read; or it is 0 and the AWS Backup selections/vaults could not be read.
 * CloudFormation default: an omitted `BackupRetentionPeriod` means 1 day on both resource types (Aurora clusters
 * cannot go below 1). https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
 */
import { defineRule } from '../../core/index.js';
import { awsBackupCoverage, selectionTarget } from '../_lib/backup-coverage.js';
import { asInt, readSetting, unknownSetting } from '../_lib/settings.js';
import { asString } from '../_lib/shape.js';

/** CloudFormation's default when the template omits the property (both resource types). */
const DEFAULT_RETENTION_DAYS = 1;

export default defineRule({
  meta: {
    id: 'rds-automated-backups-enabled',
    title: 'RDS databases take automatic backups (retention of at least one day, or AWS Backup)',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'BAR-001', gates: true, basis: 'automatic backups of every data store: RDS automated backups or AWS Backup' },
    ],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    sources: ['live'],
    rationale:
      'With a backup retention period of 0 RDS keeps no automated backups and no point-in-time recovery: a dropped table, a bad migration or a corrupted volume cannot be undone. BAR-001 asks for automatic backups of every data store.',
    remediation: {
      summary: 'Set a backup retention period of at least 7 days (1–35), or assign the database to an AWS Backup plan.',
      console: [
        'Open the Amazon RDS console and choose Databases.',
        'Select the DB instance (or the cluster, for Aurora and Multi-AZ DB clusters) and choose Modify.',
        'Under Backup, set Backup retention period to 7 days or more and pick a backup window.',
        'Choose Continue, then Apply immediately (turning backups on from 0 causes a brief outage on single-AZ instances) and Modify DB instance.',
      ],
      cli: [
        'aws rds modify-db-instance --db-instance-identifier <db-id> --backup-retention-period 7 --apply-immediately',
        'aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --backup-retention-period 7 --apply-immediately',
      ].join('\n'),
      cloudformation: [
        'Database:',
        '  Type: AWS::RDS::DBInstance',
        '  Properties:',
        '    # ...',
        '    BackupRetentionPeriod: 7          # 1-35 days; 0 turns automated backups off (omitted = 1)',
        "    PreferredBackupWindow: '03:00-04:00'",
      ].join('\n'),
      terraform: [
        'resource "aws_db_instance" "main" {',
        '  # ...',
        '  backup_retention_period = 7 # 0 turns automated backups off',
        '  backup_window           = "03:00-04:00"',
        '}',
        '',
        'resource "aws_rds_cluster" "main" {',
        '  # ...',
        '  backup_retention_period = 7',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
        'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
      ],
    },
    messages: {
      retained: 'RDS database {{resource}} keeps automated backups for {{days}} day(s).',
      coveredByBackup: 'RDS database {{resource}} has automated backups off, but AWS Backup protects it ({{by}}).',
      noBackups: 'RDS database {{resource}} has automated backups off (BackupRetentionPeriod 0) and no AWS Backup plan covers it.',
      clusterMember: 'RDS instance {{resource}} belongs to cluster {{cluster}}; backups are judged on the cluster.',
      readReplica: 'RDS instance {{resource}} is a read replica of {{source}}; its data is backed up at the source.',
    },
    needs: [
      'rds:DescribeDBInstances',
      'rds:DescribeDBClusters',
      'backup:ListBackupPlans',
      'backup:ListBackupSelections',
      'backup:GetBackupSelection',
      'backup:ListBackupVaults',
      'backup:ListProtectedResourcesByBackupVault',
    ],
  },
  evaluate(db, ctx) {
    if (db.type === 'AWS::RDS::DBInstance') {
      const cluster = asString(ctx.get(db, '/DBClusterIdentifier'));
      if (cluster) return ctx.notApplicable('clusterMember', { cluster });
      const source = asString(ctx.get(db, '/SourceDBInstanceIdentifier'));
      if (source) return ctx.notApplicable('readReplica', { source });
    }
    const retention = readSetting(ctx, db, '/BackupRetentionPeriod', asInt, DEFAULT_RETENTION_DAYS);
    if (!retention.known) return unknownSetting(ctx, retention);
    if (retention.value >= 1) return ctx.pass('retained', { days: retention.value });
    const coverage = awsBackupCoverage(ctx, db, [selectionTarget(db)]);
    if (coverage.status === 'covered') return ctx.pass('coveredByBackup', { by: coverage.by });
    if (coverage.status === 'uncertain') return ctx.unknown(coverage.reason, { path: '/BackupRetentionPeriod' });
    return ctx.fail('noBackups', {}, { path: '/BackupRetentionPeriod' });
  },
});
