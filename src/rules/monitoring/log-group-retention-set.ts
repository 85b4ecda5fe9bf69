/**
 * CloudWatch Logs log groups have a retention period, so centralised logs are kept deliberately — long enough for
 * investigations, not forever by accident (the seed guide: "set up a centralized logging solution").
 *
 * PASS    `RetentionInDays` is set (any value CloudWatch Logs accepts).
 * FAIL    the log group never expires (live: `RetentionInDays: null`).
 * UNKNOWN the log group could not be read, or the collector did not write the property.
 * CloudFormation default: without `RetentionInDays` a log group never expires.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
 */
import { defineRule } from '../../core/index.js';
import { asInt, readSetting, unknownSetting } from '../_lib/settings.js';

/** `null` is "never expire" (live); a template that omits the property gets the same. */
const retentionDays = (v: unknown): number | null | undefined => (v === null ? null : asInt(v));

export default defineRule({
  meta: {
    id: 'log-group-retention-set',
    title: 'CloudWatch Logs log groups have a retention period',
    severity: 'low',
    requirements: [],
    bestPractice: 'logging',
    resourceTypes: ['AWS::Logs::LogGroup'],
    sources: ['live'],
    rationale:
      'A log group without retention keeps every event forever: cost grows without bound and personal data in logs outlives any retention promise. Setting retention is the sign that logging is run on purpose, as the seed guide expects.',
    remediation: {
      summary: 'Set a retention period on the log group that matches your log policy (for example 90 days, or 365 for audit logs).',
      console: [
        'Open the CloudWatch console and choose Logs > Log groups.',
        'Select the log group, choose Actions > Edit retention setting, pick the period and Save.',
      ],
      cli: 'aws logs put-retention-policy --log-group-name <log-group> --retention-in-days 90',
      cloudformation: ['AppLogs:', '  Type: AWS::Logs::LogGroup', '  Properties:', '    LogGroupName: /app/api', '    RetentionInDays: 90'].join('\n'),
      terraform: ['resource "aws_cloudwatch_log_group" "api" {', '  name              = "/app/api"', '  retention_in_days = 90', '}'].join('\n'),
      links: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention'],
    },
    messages: {
      retained: 'Log group {{resource}} keeps events for {{days}} days.',
      neverExpires: 'Log group {{resource}} has no retention period: events never expire.',
    },
    needs: ['logs:DescribeLogGroups'],
  },
  evaluate(group, ctx) {
    const days = readSetting(ctx, group, '/RetentionInDays', retentionDays, null);
    if (!days.known) return unknownSetting(ctx, days);
    if (days.value === null) return ctx.fail('neverExpires', {}, { path: '/RetentionInDays' });
    return ctx.pass('retained', { days: days.value });
  },
});
