/**
 * CloudWatch metric alarms: the metric (or metric-math metrics) each watches and its actions. Composite alarms are
 * not read: the monitoring rules match alarms on metrics and dimensions.
 */
import { CloudWatchClient, DescribeAlarmsCommand, type Dimension, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'cloudwatch',
  scope: 'regional',
  operations: {
    DescribeAlarms: 'cloudwatch:DescribeAlarms',
  },
  listings: { DescribeAlarms: ['AWS::CloudWatch::Alarm'] },
  produces: ['AWS::CloudWatch::Alarm'],
  async collect(ctx) {
    const cloudwatch = ctx.client(CloudWatchClient);
    const alarms = await ctx.pages(
      'DescribeAlarms',
      (NextToken, o) => cloudwatch.send(new DescribeAlarmsCommand({ NextToken, MaxRecords: 100, AlarmTypes: ['MetricAlarm'] }), o),
      (p) => p.NextToken,
      (p) => p.MetricAlarms,
    );
    if (!alarms.ok) return;
    for (const alarm of alarms.value) {
      if (!alarm.AlarmName) continue;
      ctx.emit({
        uid: alarm.AlarmArn ?? buildArn(ctx.apiRegion, 'cloudwatch', ctx.region, ctx.account, `alarm:${alarm.AlarmName}`),
        type: 'AWS::CloudWatch::Alarm',
        name: alarm.AlarmName,
        physicalId: alarm.AlarmName,
        properties: alarmProperties(alarm),
      });
    }
  },
});

const dimensions = (list: readonly Dimension[] | undefined) => (list ?? []).map((d) => defined({ Name: d.Name, Value: d.Value }));

/** CloudFormation's shape; a metric-math alarm has `Metrics` and no `MetricName` (the monitoring rules rely on that). */
function alarmProperties(a: MetricAlarm): Record<string, unknown> {
  return defined({
    AlarmName: a.AlarmName,
    Namespace: a.Namespace,
    MetricName: a.MetricName,
    Dimensions: a.MetricName !== undefined ? dimensions(a.Dimensions) : undefined,
    Statistic: a.Statistic,
    ExtendedStatistic: a.ExtendedStatistic,
    Period: a.Period,
    EvaluationPeriods: a.EvaluationPeriods,
    DatapointsToAlarm: a.DatapointsToAlarm,
    Threshold: a.Threshold,
    ComparisonOperator: a.ComparisonOperator,
    TreatMissingData: a.TreatMissingData,
    Metrics: a.Metrics?.map((m) =>
      defined({
        Id: m.Id,
        Expression: m.Expression,
        Label: m.Label,
        ReturnData: m.ReturnData,
        Period: m.Period,
        AccountId: m.AccountId,
        MetricStat: m.MetricStat
          ? defined({
              Metric: defined({ Namespace: m.MetricStat.Metric?.Namespace, MetricName: m.MetricStat.Metric?.MetricName, Dimensions: dimensions(m.MetricStat.Metric?.Dimensions) }),
              Period: m.MetricStat.Period,
              Stat: m.MetricStat.Stat,
              Unit: m.MetricStat.Unit,
            })
          : undefined,
      }),
    ),
    ActionsEnabled: a.ActionsEnabled,
    AlarmActions: a.AlarmActions ?? [],
    OKActions: a.OKActions ?? [],
    InsufficientDataActions: a.InsufficientDataActions ?? [],
    StateValue: a.StateValue,
  });
}
