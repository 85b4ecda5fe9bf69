/**
 * AWS Config records configuration changes in every scanned Region (the seed guide: "Use AWS Config rules and AWS
 * Security Hub to automate parts of this assessment"; Config is also what Security Hub's controls evaluate).
 *
 * PASS    the Region has a configuration recorder that is recording (`Config.Recording`).
 * FAIL    no recorder, or a recorder that is stopped.
 * UNKNOWN the recorder status could not be read.
 * Cost note: continuous recording of every resource type can cost more than expected in accounts with high churn
 * (autoscaling, containers); daily (periodic) recording or excluding noisy types keeps it in check.
 * https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html
 */
import { defineRule } from '../../core/index.js';
import { asRecord } from '../_lib/shape.js';

export default defineRule({
  meta: {
    id: 'config-recording-enabled',
    title: 'AWS Config is recording in every scanned Region',
    severity: 'low',
    requirements: [],
    bestPractice: 'governance',
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale:
      'AWS Config keeps the configuration history reviewers ask about ("when did this bucket become public?") and feeds Security Hub controls. A Region without a recorder is a blind spot where changes, or resources an attacker creates, go unrecorded.',
    remediation: {
      summary: 'Set up AWS Config in every Region you use (across an organization: a CloudFormation StackSet or Systems Manager Quick Setup), recording all resource types — daily recording for noisy types to control cost.',
      console: [
        'Open the AWS Config console in the Region and choose Get started (or Settings > Edit if a recorder exists).',
        'Choose Record all current and future resource types, set the recording frequency (continuous, or daily for cost), include global resources in one Region only.',
        'Choose or create the S3 bucket (ideally in the log-archive account) and the service-linked role, then Confirm; make sure Recording is on.',
      ],
      cli: [
        'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=arn:aws:iam::<account-id>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig \\',
        '  --recording-group allSupported=true,includeGlobalResourceTypes=false',
        'aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<config-bucket>',
        'aws configservice start-configuration-recorder --configuration-recorder-name default',
      ].join('\n'),
      cloudformation: [
        'Recorder:',
        '  Type: AWS::Config::ConfigurationRecorder',
        '  Properties:',
        '    RoleARN: !Sub arn:aws:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
        '    RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: false }',
        '    RecordingMode: { RecordingFrequency: DAILY }',
        'DeliveryChannel:',
        '  Type: AWS::Config::DeliveryChannel',
        '  Properties:',
        '    S3BucketName: !Ref ConfigBucket',
      ].join('\n'),
      terraform: [
        'resource "aws_config_configuration_recorder" "default" {',
        '  role_arn = aws_iam_service_linked_role.config.arn',
        '  recording_group {',
        '    all_supported = true',
        '  }',
        '  recording_mode {',
        '    recording_frequency = "DAILY"',
        '  }',
        '}',
        '',
        'resource "aws_config_delivery_channel" "default" {',
        '  s3_bucket_name = aws_s3_bucket.config.id',
        '  depends_on     = [aws_config_configuration_recorder.default]',
        '}',
        '',
        'resource "aws_config_configuration_recorder_status" "default" {',
        '  name       = aws_config_configuration_recorder.default.name',
        '  is_enabled = true',
        '  depends_on = [aws_config_delivery_channel.default]',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/config/latest/developerguide/gs-console.html', 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html'],
    },
    messages: {
      recording: 'AWS Config is recording in {{region}} of account {{account}}.',
      noRecorder: 'AWS Config has no configuration recorder in {{region}} of account {{account}}.',
      notRecording: 'The AWS Config recorder in {{region}} of account {{account}} is stopped.',
    },
    needs: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
  },
  evaluate(region, ctx) {
    const config = asRecord(ctx.get(region, '/Config'));
    const data = { region: region.region ?? 'unknown Region', account: region.account ?? 'unknown' };
    if (!config || typeof config['Recording'] !== 'boolean') return ctx.unknown('missing_data:Config', { path: '/Config' });
    if (config['Recording']) return ctx.pass('recording', data);
    return config['Recorders'] === 0 ? ctx.fail('noRecorder', data, { path: '/Config' }) : ctx.fail('notRecording', data, { path: '/Config/Recording' });
  },
});
