/**
 * EFS file systems are backed up automatically: EFS automatic backups on (`BackupPolicy.Status` ENABLED, which puts
 * the file system in the AWS Backup plan `aws/efs/automatic-backup-plan`), or another AWS Backup plan covers it.
 *
 * PASS    `BackupPolicy.Status` is ENABLED (or ENABLING); or an AWS Backup selection or vault covers the file system.
 * FAIL    automatic backups off (DISABLED / DISABLING) and no AWS Backup coverage.
 * UNKNOWN the backup policy could not be read and no AWS Backup coverage was seen; or backups are off and the AWS
 *         Backup selections/vaults could not be read.
 * CloudFormation default: without `BackupPolicy` automatic backups follow the CreateFileSystem default — off for
 * Regional file systems, on for One Zone ones (`AvailabilityZoneName` set).
 * https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html
 */
import { defineRule } from '../../core/index.js';
import { awsBackupCoverage, selectionTarget } from '../_lib/backup-coverage.js';
import { asString, readSetting, unknownSetting } from '../_lib/settings.js';

const STATUS = '/BackupPolicy/Status';
const ON = new Set(['ENABLED', 'ENABLING']);

export default defineRule({
  meta: {
    id: 'efs-file-system-backed-up',
    title: 'EFS file systems have automatic backups or an AWS Backup plan',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'BAR-001', gates: true, basis: 'automatic backups of every data store: EFS automatic backups or AWS Backup' },
    ],
    resourceTypes: ['AWS::EFS::FileSystem'],
    sources: ['live'],
    rationale:
      'EFS replicates data across Availability Zones but keeps no history: a deleted or overwritten file is gone unless a backup exists. BAR-001 asks for automatic backups of every data store.',
    remediation: {
      summary: 'Turn on EFS automatic backups for the file system, or assign it to an AWS Backup plan.',
      console: [
        'Open the Amazon EFS console and choose File systems, then the file system.',
        'On the General tab choose Edit.',
        'Under Automatic backups, select Enable automatic backups and choose Save changes.',
      ],
      cli: 'aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED',
      cloudformation: [
        'FileSystem:',
        '  Type: AWS::EFS::FileSystem',
        '  Properties:',
        '    # ...',
        '    BackupPolicy:',
        '      Status: ENABLED',
      ].join('\n'),
      terraform: [
        'resource "aws_efs_backup_policy" "main" {',
        '  file_system_id = aws_efs_file_system.main.id',
        '',
        '  backup_policy {',
        '    status = "ENABLED"',
        '  }',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html', 'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html'],
    },
    messages: {
      automatic: 'EFS file system {{resource}} has automatic backups {{status}}.',
      coveredByBackup: 'EFS file system {{resource}} is protected by AWS Backup ({{by}}).',
      noBackups: 'EFS file system {{resource}} has automatic backups {{status}} and no AWS Backup plan covers it.',
    },
    needs: [
      'elasticfilesystem:DescribeFileSystems',
      'elasticfilesystem:DescribeBackupPolicy',
      'backup:ListBackupPlans',
      'backup:ListBackupSelections',
      'backup:GetBackupSelection',
      'backup:ListBackupVaults',
      'backup:ListProtectedResourcesByBackupVault',
    ],
  },
  evaluate(fs, ctx) {
    // No code default: CreateFileSystem's own default depends on the file system type (see the header).
    const setting = readSetting(ctx, fs, STATUS, (v) => asString(v)?.toUpperCase());
    if (setting.known && ON.has(setting.value)) return ctx.pass('automatic', { status: setting.value.toLowerCase() });
    const coverage = awsBackupCoverage(ctx, fs, [selectionTarget(fs)]);
    if (coverage.status === 'covered') return ctx.pass('coveredByBackup', { by: coverage.by });
    if (!setting.known) return unknownSetting(ctx, setting);
    if (coverage.status === 'uncertain') return ctx.unknown(coverage.reason, { path: STATUS });
    return ctx.fail('noBackups', { status: setting.value.toLowerCase() }, { path: STATUS });
  },
});
