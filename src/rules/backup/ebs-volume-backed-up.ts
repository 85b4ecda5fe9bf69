/**
 * EBS volumes are snapshotted automatically: by an AWS Backup plan (selecting the volume, or the EC2 instance it is
 * attached to — an EC2 backup includes its attached volumes) or by a Data Lifecycle Manager policy (targeting the
 * volume's or its instance's tags, or a default policy).
 *
 * N/A     the volume is attached to an instance an Auto Scaling group launched (`aws:autoscaling:groupName` tag):
 *         such instances are replaceable by design, so their disks are not a data store.
 * PASS    an AWS Backup selection or vault, or an enabled DLM policy, covers the volume.
 * FAIL    nothing covers it.
 * UNKNOWN the attachments, the attached instance, the backup selections/vaults or the DLM policies could not be read;
 *         or nothing covers it while the tags of the volume or its instance (Auto Scaling, selections) were not read.
 * https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { awsBackupCoverage, selectionTarget } from '../_lib/backup-coverage.js';
import { combineCoverage } from '../_lib/coverage.js';
import { dlmCoverage } from '../_lib/dlm-coverage.js';
import { autoScalingGroupOf } from '../_lib/ec2-instance.js';
import { asRecord, asString } from '../_lib/shape.js';
import { tagsUnknown } from '../_lib/tags.js';

export default defineRule({
  meta: {
    id: 'ebs-volume-backed-up',
    title: 'EBS volumes are snapshotted by AWS Backup or a Data Lifecycle Manager policy',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'BAR-001', gates: true, basis: 'automatic backups of every data store: scheduled EBS snapshots (AWS Backup or DLM)' },
    ],
    resourceTypes: ['AWS::EC2::Volume'],
    sources: ['live'],
    rationale:
      'An EBS volume with no scheduled snapshot is lost with its Availability Zone, an accidental delete or a corrupting bug. BAR-001 asks for automatic backups of every data store; instance disks that hold state need them too.',
    remediation: {
      summary: 'Create a Data Lifecycle Manager snapshot policy that targets the volume (or its instance) by tag, or assign the volume or instance to an AWS Backup plan.',
      console: [
        'Open the EC2 console; under Elastic Block Store choose Lifecycle Manager, then Create lifecycle policy.',
        'Choose EBS snapshot policy, target resource type Volume (or Instance), and the target tag (for example backup=daily).',
        'Set the schedule (for example every 24 hours at 03:00 UTC) and the retention (for example 7 snapshots), then Create policy.',
        'Tag the volume (or its instance) with the target tag. Alternatively, in the AWS Backup console, add a resource assignment for EBS volumes to a backup plan.',
      ],
      cli: [
        'aws dlm create-default-role --resource-type snapshot',
        'aws dlm create-lifecycle-policy --description "Daily EBS snapshots" --state ENABLED \\',
        '  --execution-role-arn arn:aws:iam::<account-id>:role/AWSDataLifecycleManagerDefaultRole \\',
        '  --policy-details \'{"PolicyType":"EBS_SNAPSHOT_MANAGEMENT","ResourceTypes":["VOLUME"],"TargetTags":[{"Key":"backup","Value":"daily"}],"Schedules":[{"Name":"daily","CreateRule":{"Interval":24,"IntervalUnit":"HOURS","Times":["03:00"]},"RetainRule":{"Count":7},"CopyTags":true}]}\'',
        'aws ec2 create-tags --resources <volume-id> --tags Key=backup,Value=daily',
      ].join('\n'),
      cloudformation: [
        'VolumeSnapshots:',
        '  Type: AWS::DLM::LifecyclePolicy',
        '  Properties:',
        '    Description: Daily EBS snapshots',
        '    State: ENABLED',
        '    ExecutionRoleArn: !Sub arn:aws:iam::${AWS::AccountId}:role/AWSDataLifecycleManagerDefaultRole',
        '    PolicyDetails:',
        '      PolicyType: EBS_SNAPSHOT_MANAGEMENT',
        '      ResourceTypes: [VOLUME]',
        '      TargetTags:',
        '        - { Key: backup, Value: daily }',
        '      Schedules:',
        '        - Name: daily',
        "          CreateRule: { Interval: 24, IntervalUnit: HOURS, Times: ['03:00'] }",
        '          RetainRule: { Count: 7 }',
        '          CopyTags: true',
      ].join('\n'),
      terraform: [
        'resource "aws_dlm_lifecycle_policy" "ebs_daily" {',
        '  description        = "Daily EBS snapshots"',
        '  execution_role_arn = aws_iam_role.dlm.arn',
        '  state              = "ENABLED"',
        '',
        '  policy_details {',
        '    resource_types = ["VOLUME"]',
        '    target_tags    = { backup = "daily" }',
        '',
        '    schedule {',
        '      name      = "daily"',
        '      copy_tags = true',
        '      create_rule {',
        '        interval      = 24',
        '        interval_unit = "HOURS"',
        '        times         = ["03:00"]',
        '      }',
        '      retain_rule {',
        '        count = 7',
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html',
        'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
      ],
    },
    messages: {
      covered: 'EBS volume {{resource}} is snapshotted automatically ({{by}}).',
      noBackups: 'EBS volume {{resource}} is not covered by any AWS Backup plan or Data Lifecycle Manager policy.',
      autoScaled: 'EBS volume {{resource}} belongs to instance {{instance}} of Auto Scaling group {{group}}, which is replaceable by design.',
    },
    needs: [
      'ec2:DescribeVolumes',
      'ec2:DescribeInstances',
      'dlm:GetLifecyclePolicies',
      'dlm:GetLifecyclePolicy',
      'backup:ListBackupPlans',
      'backup:ListBackupSelections',
      'backup:GetBackupSelection',
      'backup:ListBackupVaults',
      'backup:ListProtectedResourcesByBackupVault',
    ],
  },
  evaluate(volume, ctx) {
    const attachments = ctx.get(volume, '/Attachments');
    if (!Array.isArray(attachments)) return ctx.unknown('missing_data:Attachments', { path: '/Attachments' });
    const instanceIds = attachments.map((a) => asString(asRecord(a)?.['InstanceId'])).filter((id): id is string => id !== undefined);
    const instances: Resource[] = [];
    let instanceUnknown: string | undefined;
    for (const id of instanceIds) {
      const instance = ctx.resolve(volume, id, 'AWS::EC2::Instance');
      if (instance) instances.push(instance);
      else {
        const inventory = ctx.inventory('AWS::EC2::Instance', { account: volume.account, region: volume.region, source: volume.source });
        if (!inventory.complete) instanceUnknown ??= inventory.reason ?? 'not_collected:AWS::EC2::Instance';
      }
    }
    const scaled = instances.find((i) => autoScalingGroupOf(i) !== undefined);
    if (scaled) return ctx.notApplicable('autoScaled', { instance: scaled.physicalId ?? scaled.uid, group: autoScalingGroupOf(scaled) ?? '' });

    const coverage = combineCoverage(
      awsBackupCoverage(ctx, volume, [selectionTarget(volume), ...instances.map(selectionTarget)]),
      dlmCoverage(ctx, volume, instances),
    );
    if (coverage.status === 'covered') return ctx.pass('covered', { by: coverage.by });
    // An instance whose tags were not read may have been launched by an Auto Scaling group (then not applicable).
    const reason = instanceUnknown ?? (coverage.status === 'uncertain' ? coverage.reason : undefined) ?? instances.map(tagsUnknown).find((r) => r !== undefined);
    if (reason !== undefined) return ctx.unknown(reason);
    return ctx.fail('noBackups');
  },
});
