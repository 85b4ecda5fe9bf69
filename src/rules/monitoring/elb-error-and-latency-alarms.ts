/**
 * Production load balancers have CloudWatch alarms on their error rate and latency (the seed guide: "alarms for CPU,
 * memory, error rates, and latency on all production services"). A heuristic: any alarm on the right metric with the
 * load balancer's `LoadBalancer` dimension counts, whatever its threshold, period or action.
 * - Application Load Balancer: a 5XX alarm (HTTPCode_ELB_5XX_Count or HTTPCode_Target_5XX_Count) and a latency alarm
 *   (TargetResponseTime), namespace AWS/ApplicationELB.
 * - Network Load Balancer: a target health alarm (UnHealthyHostCount or HealthyHostCount), namespace AWS/NetworkELB;
 *   NLBs publish no latency metric.
 *
 * N/A     the account is not listed in `productionAccounts` (when that fact is set); Gateway Load Balancers.
 * PASS    every alarm kind above exists.
 * FAIL    one is missing (the message names which).
 * UNKNOWN one is missing and the alarms of the account and Region could not all be read.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
import { defineRule } from '../../core/index.js';
import { findAlarms, metricOn } from '../_lib/alarms.js';
import { isProductionAccount } from '../_lib/production.js';
import { asString, listForMessage } from '../_lib/shape.js';

interface Need {
  label: string;
  metrics: string[];
}

const NEEDS: Record<string, { namespace: string; needs: Need[] }> = {
  application: {
    namespace: 'AWS/ApplicationELB',
    needs: [
      { label: '5XX errors', metrics: ['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count'] },
      { label: 'latency (TargetResponseTime)', metrics: ['TargetResponseTime'] },
    ],
  },
  network: { namespace: 'AWS/NetworkELB', needs: [{ label: 'unhealthy targets', metrics: ['UnHealthyHostCount', 'HealthyHostCount'] }] },
};

/** `app/my-lb/50dc6c495c0c9188`: the `LoadBalancer` dimension is the ARN after `loadbalancer/`. */
function dimensionValue(arn: string): string | undefined {
  const at = arn.indexOf(':loadbalancer/');
  return at < 0 ? undefined : arn.slice(at + ':loadbalancer/'.length);
}

export default defineRule({
  meta: {
    id: 'elb-error-and-latency-alarms',
    title: 'Production load balancers have CloudWatch alarms on errors and latency',
    severity: 'low',
    requirements: [],
    bestPractice: 'monitoring',
    resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    sources: ['live'],
    rationale:
      'The load balancer sees every failed and slow request first. Without alarms on its 5XX count and response time, degradation is found by customers. The seed guide names missing error-rate and latency alarms as a common FTR blocker.',
    remediation: {
      summary: 'Create CloudWatch alarms on HTTPCode_Target_5XX_Count (or HTTPCode_ELB_5XX_Count) and TargetResponseTime for each ALB (UnHealthyHostCount for NLBs), notifying your on-call channel.',
      console: [
        'Open the CloudWatch console and choose Alarms > Create alarm > Select metric.',
        'Choose ApplicationELB > Per AppELB Metrics, pick the load balancer and HTTPCode_Target_5XX_Count; set statistic Sum over 5 minutes and a threshold that fits your traffic.',
        'Choose an SNS topic for notification, name the alarm and create it.',
        'Repeat for TargetResponseTime (statistic p99 or Average, threshold from your latency objective).',
      ],
      cli: [
        'aws cloudwatch put-metric-alarm --alarm-name web-alb-5xx --namespace AWS/ApplicationELB \\',
        '  --metric-name HTTPCode_Target_5XX_Count --dimensions Name=LoadBalancer,Value=app/web/50dc6c495c0c9188 \\',
        '  --statistic Sum --period 300 --evaluation-periods 1 --threshold 10 --comparison-operator GreaterThanThreshold \\',
        '  --treat-missing-data notBreaching --alarm-actions <sns-topic-arn>',
        'aws cloudwatch put-metric-alarm --alarm-name web-alb-latency --namespace AWS/ApplicationELB \\',
        '  --metric-name TargetResponseTime --dimensions Name=LoadBalancer,Value=app/web/50dc6c495c0c9188 \\',
        '  --extended-statistic p99 --period 300 --evaluation-periods 3 --threshold 1 --comparison-operator GreaterThanThreshold \\',
        '  --alarm-actions <sns-topic-arn>',
      ].join('\n'),
      cloudformation: [
        'Alb5xxAlarm:',
        '  Type: AWS::CloudWatch::Alarm',
        '  Properties:',
        '    Namespace: AWS/ApplicationELB',
        '    MetricName: HTTPCode_Target_5XX_Count',
        '    Dimensions: [{ Name: LoadBalancer, Value: !GetAtt LoadBalancer.LoadBalancerFullName }]',
        '    Statistic: Sum',
        '    Period: 300',
        '    EvaluationPeriods: 1',
        '    Threshold: 10',
        '    ComparisonOperator: GreaterThanThreshold',
        '    TreatMissingData: notBreaching',
        '    AlarmActions: [!Ref OnCallTopic]',
        'AlbLatencyAlarm:',
        '  Type: AWS::CloudWatch::Alarm',
        '  Properties:',
        '    Namespace: AWS/ApplicationELB',
        '    MetricName: TargetResponseTime',
        '    Dimensions: [{ Name: LoadBalancer, Value: !GetAtt LoadBalancer.LoadBalancerFullName }]',
        '    ExtendedStatistic: p99',
        '    Period: 300',
        '    EvaluationPeriods: 3',
        '    Threshold: 1',
        '    ComparisonOperator: GreaterThanThreshold',
        '    AlarmActions: [!Ref OnCallTopic]',
      ].join('\n'),
      terraform: [
        'resource "aws_cloudwatch_metric_alarm" "alb_5xx" {',
        '  alarm_name          = "web-alb-5xx"',
        '  namespace           = "AWS/ApplicationELB"',
        '  metric_name         = "HTTPCode_Target_5XX_Count"',
        '  dimensions          = { LoadBalancer = aws_lb.web.arn_suffix }',
        '  statistic           = "Sum"',
        '  period              = 300',
        '  evaluation_periods  = 1',
        '  threshold           = 10',
        '  comparison_operator = "GreaterThanThreshold"',
        '  treat_missing_data  = "notBreaching"',
        '  alarm_actions       = [aws_sns_topic.on_call.arn]',
        '}',
        '',
        'resource "aws_cloudwatch_metric_alarm" "alb_latency" {',
        '  alarm_name          = "web-alb-latency"',
        '  namespace           = "AWS/ApplicationELB"',
        '  metric_name         = "TargetResponseTime"',
        '  dimensions          = { LoadBalancer = aws_lb.web.arn_suffix }',
        '  extended_statistic  = "p99"',
        '  period              = 300',
        '  evaluation_periods  = 3',
        '  threshold           = 1',
        '  comparison_operator = "GreaterThanThreshold"',
        '  alarm_actions       = [aws_sns_topic.on_call.arn]',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html',
        'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html',
      ],
    },
    messages: {
      alarmed: 'Load balancer {{resource}} has alarms on {{covered}} ({{alarms}}).',
      missingAlarms: 'Load balancer {{resource}} has no CloudWatch alarm on {{missing}}.',
      notProduction: 'Load balancer {{resource}} is in an account not listed as production.',
      gatewayLoadBalancer: 'Gateway Load Balancer {{resource}} carries no application traffic metrics.',
    },
    needs: ['elasticloadbalancing:DescribeLoadBalancers', 'cloudwatch:DescribeAlarms'],
  },
  evaluate(lb, ctx) {
    if (!isProductionAccount(ctx, lb.account)) return ctx.notApplicable('notProduction');
    const type = (asString(ctx.get(lb, '/Type')) ?? 'application').toLowerCase();
    const spec = NEEDS[type];
    if (!spec) return ctx.notApplicable('gatewayLoadBalancer');
    const dimension = dimensionValue(lb.location.arn ?? lb.uid) ?? dimensionValue(lb.physicalId ?? '');
    if (dimension === undefined) return ctx.unknown('missing_data:LoadBalancerArn');

    const results = spec.needs.map((need) => ({ need, found: findAlarms(ctx, lb, metricOn(spec.namespace, need.metrics, 'LoadBalancer', dimension)) }));
    const missing = results.filter((r) => r.found.matched.length === 0);
    if (missing.length === 0) {
      return ctx.pass('alarmed', {
        covered: results.map((r) => r.need.label).join(' and '),
        alarms: listForMessage([...new Set(results.flatMap((r) => r.found.matched))]),
      });
    }
    const uncertain = missing.find((r) => r.found.uncertain !== undefined)?.found.uncertain;
    if (uncertain !== undefined) return ctx.unknown(uncertain);
    return ctx.fail('missingAlarms', { missing: missing.map((r) => r.need.label).join(' and ') });
  },
});
