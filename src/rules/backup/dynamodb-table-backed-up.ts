/**
 * DynamoDB tables are backed up automatically: point-in-time recovery (continuous backups) on, or an AWS Backup plan
 * that covers the table.
 *
 * PASS    `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled` is true; or an AWS Backup selection or vault
 *         covers the table (even when PITR is off or could not be read).
 * FAIL    PITR off and no AWS Backup coverage.
 * UNKNOWN PITR off (or unreadable) and the AWS Backup selections/vaults could not be read — a table that may be in a
 *         backup plan is never failed.
 * CloudFormation default: PITR is off unless `PointInTimeRecoverySpecification` turns it on.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html
 */
import { defineRule } from '../../core/index.js';
import { awsBackupCoverage, selectionTarget } from '../_lib/backup-coverage.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

const PITR = '/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled';

export default defineRule({
  meta: {
    id: 'dynamodb-table-backed-up',
    title: 'DynamoDB tables have point-in-time recovery or an AWS Backup plan',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'BAR-001', gates: true, basis: 'automatic backups of every data store: DynamoDB point-in-time recovery or AWS Backup' },
    ],
    resourceTypes: ['AWS::DynamoDB::Table'],
    sources: ['live'],
    rationale:
      'A DynamoDB table without point-in-time recovery or a scheduled backup cannot be restored after an accidental delete, a faulty deployment or a bulk overwrite. BAR-001 asks for automatic backups of every data store.',
    remediation: {
      summary: 'Turn on point-in-time recovery for the table, or assign it to an AWS Backup plan.',
      console: [
        'Open the DynamoDB console, choose Tables and select the table.',
        'On the Backups tab, under Point-in-time recovery (PITR), choose Edit.',
        'Select Turn on point-in-time recovery, choose the recovery period, and save.',
      ],
      cli: 'aws dynamodb update-continuous-backups --table-name <table> \\\n  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
      cloudformation: [
        'Table:',
        '  Type: AWS::DynamoDB::Table',
        '  Properties:',
        '    # ...',
        '    PointInTimeRecoverySpecification:',
        '      PointInTimeRecoveryEnabled: true',
      ].join('\n'),
      terraform: [
        'resource "aws_dynamodb_table" "main" {',
        '  # ...',
        '  point_in_time_recovery {',
        '    enabled = true',
        '  }',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html',
        'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
      ],
    },
    messages: {
      pitr: 'DynamoDB table {{resource}} has point-in-time recovery on.',
      coveredByBackup: 'DynamoDB table {{resource}} is protected by AWS Backup ({{by}}).',
      noBackups: 'DynamoDB table {{resource}} has point-in-time recovery off and no AWS Backup plan covers it.',
    },
    needs: [
      'dynamodb:ListTables',
      'dynamodb:DescribeTable',
      'dynamodb:DescribeContinuousBackups',
      'backup:ListBackupPlans',
      'backup:ListBackupSelections',
      'backup:GetBackupSelection',
      'backup:ListBackupVaults',
      'backup:ListProtectedResourcesByBackupVault',
    ],
  },
  evaluate(table, ctx) {
    const pitr = readSetting(ctx, table, PITR, asBool, false);
    if (pitr.known && pitr.value) return ctx.pass('pitr');
    const coverage = awsBackupCoverage(ctx, table, [selectionTarget(table)]);
    if (coverage.status === 'covered') return ctx.pass('coveredByBackup', { by: coverage.by });
    if (!pitr.known) return unknownSetting(ctx, pitr);
    if (coverage.status === 'uncertain') return ctx.unknown(coverage.reason, { path: PITR });
    return ctx.fail('noBackups', {}, { path: PITR });
  },
});
