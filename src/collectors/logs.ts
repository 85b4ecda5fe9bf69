/**
 * CloudWatch Logs log groups: retention and KMS key. One paginated listing and no call per group, because accounts
 * can hold hundreds of thousands of groups (competitors.md §2); the scan keeps this service's concurrency low.
 */
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { buildArn } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'logs',
  scope: 'regional',
  operations: {
    DescribeLogGroups: 'logs:DescribeLogGroups',
  },
  listings: { DescribeLogGroups: ['AWS::Logs::LogGroup'] },
  produces: ['AWS::Logs::LogGroup'],
  async collect(ctx) {
    const logs = ctx.client(CloudWatchLogsClient);
    // 50 is the largest page DescribeLogGroups allows.
    const groups = await ctx.pages(
      'DescribeLogGroups',
      (nextToken, o) => logs.send(new DescribeLogGroupsCommand({ nextToken, limit: 50 }), o),
      (p) => p.nextToken,
      (p) => p.logGroups,
    );
    if (!groups.ok) return;
    for (const g of groups.value) {
      const name = g.logGroupName;
      if (!name) continue;
      ctx.emit({
        // `arn` ends in `:*` (the streams); `logGroupArn` is the group's own ARN.
        uid: g.logGroupArn ?? g.arn?.replace(/:\*$/, '') ?? buildArn(ctx.apiRegion, 'logs', ctx.region, ctx.account, `log-group:${name}`),
        type: 'AWS::Logs::LogGroup',
        name,
        physicalId: name,
        properties: {
          LogGroupName: name,
          RetentionInDays: g.retentionInDays ?? null,
          KmsKeyId: g.kmsKeyId ?? null,
          LogGroupClass: g.logGroupClass ?? null,
        },
      });
    }
  },
});
