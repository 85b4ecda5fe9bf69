/**
 * AWS Backup shows a completed restore in the last 12 months (an assist for BAR-002: the restore-test report, its
 * integrity check and the time taken against the RTO still have to be attested).
 *
 * PASS    an AWS Backup restore job in any scanned Region of the account has Status COMPLETED and a CompletionDate
 *         within the last 12 months (the boundary day included).
 * FAIL    every Region was read and no such job exists (none at all, none completed, or only older ones).
 * UNKNOWN no such job was seen and some Region's restore jobs could not be read.
 * Restores done outside AWS Backup (RDS point-in-time restore, DynamoDB PITR restore, manual snapshot restores) do not
 * appear here, and AWS Backup may not keep job history that far back: a FAIL is "not seen", to be answered by attestation.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html
 */
import { defineRule } from '../../core/index.js';
import { readAcrossRegions } from '../_lib/account-regions.js';
import { asList, asRecord, asString } from '../_lib/shape.js';
import { parseTime } from '../_lib/dates.js';
import { isoDay, withinLastMonths } from '../_lib/time-window.js';

interface Job {
  status: string;
  completed: Date | undefined;
  resourceType: string;
  region: string;
}

export default defineRule({
  meta: {
    id: 'backup-restore-tested-yearly',
    title: 'An AWS Backup restore completed in the last 12 months',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'BAR-002', gates: false, basis: 'informs the date of the latest restore test (BAR-002.1); the report itself is attested' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Backups only count if they restore. A completed restore job is dated proof that a restore was exercised; BAR-002 also wants the integrity check and the time taken compared with the RTO and RPO, which only the test report shows.',
    remediation: {
      summary: 'Run a restore test at least yearly — ideally an AWS Backup restore testing plan — and record the result against your RTO/RPO.',
      console: [
        'Open the AWS Backup console and choose Restore testing, then Create restore testing plan.',
        'Choose a frequency (for example monthly), the recovery point selection (latest) and a start window.',
        'Add protected resource types to test (for example RDS, DynamoDB, EBS) and create the plan.',
        'After a run, check the restore job under Jobs > Restore jobs, validate the restored data, and file the report as BAR-002 evidence.',
      ],
      cli: [
        'aws backup create-restore-testing-plan --restore-testing-plan \'{"RestoreTestingPlanName":"monthly_restore_test","ScheduleExpression":"cron(0 5 ? * 1 *)","RecoveryPointSelection":{"Algorithm":"LATEST_WITHIN_WINDOW","IncludeVaults":["*"],"RecoveryPointTypes":["SNAPSHOT"],"SelectionWindowDays":7}}\'',
        'aws backup list-restore-jobs --by-status COMPLETED --by-complete-after <yyyy-mm-dd>',
      ].join('\n'),
      cloudformation: [
        'RestoreTestingPlan:',
        '  Type: AWS::Backup::RestoreTestingPlan',
        '  Properties:',
        '    RestoreTestingPlanName: monthly_restore_test',
        "    ScheduleExpression: 'cron(0 5 ? * 1 *)'",
        '    RecoveryPointSelection:',
        '      Algorithm: LATEST_WITHIN_WINDOW',
        "      IncludeVaults: ['*']",
        '      RecoveryPointTypes: [SNAPSHOT]',
        '      SelectionWindowDays: 7',
      ].join('\n'),
      terraform: [
        'resource "aws_backup_restore_testing_plan" "monthly" {',
        '  name                = "monthly_restore_test"',
        '  schedule_expression = "cron(0 5 ? * 1 *)"',
        '',
        '  recovery_point_selection {',
        '    algorithm             = "LATEST_WITHIN_WINDOW"',
        '    include_vaults        = ["*"]',
        '    recovery_point_types  = ["SNAPSHOT"]',
        '    selection_window_days = 7',
        '  }',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html', 'https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-a-backup.html'],
    },
    messages: {
      restored: 'Account {{resource}}: the latest completed AWS Backup restore ({{resourceType}}, {{region}}) finished on {{date}}.',
      tooOld: 'Account {{resource}}: the latest completed AWS Backup restore finished on {{date}}, more than 12 months ago.',
      noneCompleted: 'Account {{resource}}: {{count}} AWS Backup restore job(s) found, none completed.',
      noRestores: 'Account {{resource}}: no AWS Backup restore job was found; restores done outside AWS Backup need an attestation.',
    },
    needs: ['backup:ListRestoreJobs'],
  },
  evaluate(account, ctx) {
    const read = readAcrossRegions(ctx, account, '/Backup/RestoreJobs');
    const jobs: Job[] = read.values.flatMap(({ region, value }) =>
      asList(value).map((raw) => {
        const job = asRecord(raw) ?? {};
        return {
          status: (asString(job['Status']) ?? '').toUpperCase(),
          completed: parseTime(job['CompletionDate']),
          resourceType: asString(job['ResourceType']) ?? 'unknown type',
          region,
        };
      }),
    );
    const completed = jobs
      .filter((j): j is Job & { completed: Date } => j.status === 'COMPLETED' && j.completed !== undefined)
      .sort((a, b) => b.completed.getTime() - a.completed.getTime());
    const latest = completed[0];
    if (latest && withinLastMonths(latest.completed, ctx.now, 12)) {
      return ctx.pass('restored', { date: isoDay(latest.completed), resourceType: latest.resourceType, region: latest.region });
    }
    if (read.uncertain !== undefined) return ctx.unknown(read.uncertain, { path: '/Backup/RestoreJobs' });
    if (latest) return ctx.fail('tooOld', { date: isoDay(latest.completed) });
    if (jobs.length > 0) return ctx.fail('noneCompleted', { count: jobs.length });
    return ctx.fail('noRestores');
  },
});
