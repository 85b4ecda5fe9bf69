/**
 * Production EC2 instances that no Auto Scaling group manages have a CloudWatch alarm on CPU utilisation (the seed
 * guide: alarms on CPU and memory for production services). A heuristic: an alarm on AWS/EC2 CPUUtilization with the
 * instance's `InstanceId` dimension counts, whatever its threshold. Memory is reported, not required: EC2 publishes no
 * memory metric without the CloudWatch agent (CWAgent `mem_used_percent`).
 *
 * N/A     the account is not listed in `productionAccounts` (when set); the instance is not running; an Auto Scaling
 *         group launched it (alarms belong on the group: asg-cpu-alarm).
 * PASS    a CPU alarm exists (the message says whether a memory alarm exists too).
 * FAIL    no CPU alarm.
 * UNKNOWN no CPU alarm seen and the alarms of the account and Region could not all be read, or the instance's tags
 *         could not be read (the Auto Scaling tag may be among them).
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-createalarm.html
 */
import { defineRule } from '../../core/index.js';
import { findAlarms, metricOn } from '../_lib/alarms.js';
import { autoScalingGroupOf, instanceId } from '../_lib/ec2-instance.js';
import { instanceState } from '../_lib/ec2-state.js';
import { isProductionAccount } from '../_lib/production.js';
import { listForMessage } from '../_lib/shape.js';
import { tagsUnknown } from '../_lib/tags.js';

export default defineRule({
  meta: {
    id: 'ec2-instance-cpu-alarm',
    title: 'Production EC2 instances have a CloudWatch CPU alarm',
    severity: 'low',
    requirements: [],
    bestPractice: 'monitoring',
    resourceTypes: ['AWS::EC2::Instance'],
    sources: ['live'],
    rationale:
      'A saturated or runaway instance degrades the service long before it fails a health check. The seed guide expects CloudWatch alarms on CPU and memory for production services; memory needs the CloudWatch agent.',
    remediation: {
      summary: 'Create a CloudWatch alarm on CPUUtilization for the instance (and, with the CloudWatch agent, on mem_used_percent), notifying your on-call channel.',
      console: [
        'Open the EC2 console, select the instance, and on the Monitoring tab choose Manage CloudWatch alarms.',
        'Choose Create an alarm, metric CPU utilization, Average over 5 minutes, threshold for example ≥ 80% for 3 periods, and an SNS topic.',
        'For memory, install the CloudWatch agent (AmazonCloudWatch-linux SSM document) and alarm on CWAgent mem_used_percent.',
      ],
      cli: [
        'aws cloudwatch put-metric-alarm --alarm-name <instance-id>-cpu-high --namespace AWS/EC2 --metric-name CPUUtilization \\',
        '  --dimensions Name=InstanceId,Value=<instance-id> --statistic Average --period 300 --evaluation-periods 3 \\',
        '  --threshold 80 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn>',
      ].join('\n'),
      cloudformation: [
        'CpuAlarm:',
        '  Type: AWS::CloudWatch::Alarm',
        '  Properties:',
        '    Namespace: AWS/EC2',
        '    MetricName: CPUUtilization',
        '    Dimensions: [{ Name: InstanceId, Value: !Ref AppInstance }]',
        '    Statistic: Average',
        '    Period: 300',
        '    EvaluationPeriods: 3',
        '    Threshold: 80',
        '    ComparisonOperator: GreaterThanOrEqualToThreshold',
        '    AlarmActions: [!Ref OnCallTopic]',
      ].join('\n'),
      terraform: [
        'resource "aws_cloudwatch_metric_alarm" "cpu_high" {',
        '  alarm_name          = "app-cpu-high"',
        '  namespace           = "AWS/EC2"',
        '  metric_name         = "CPUUtilization"',
        '  dimensions          = { InstanceId = aws_instance.app.id }',
        '  statistic           = "Average"',
        '  period              = 300',
        '  evaluation_periods  = 3',
        '  threshold           = 80',
        '  comparison_operator = "GreaterThanOrEqualToThreshold"',
        '  alarm_actions       = [aws_sns_topic.on_call.arn]',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-createalarm.html',
        'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/metrics-collected-by-CloudWatch-agent.html',
      ],
    },
    messages: {
      cpuAndMemory: 'Instance {{resource}} has CPU and memory alarms ({{alarms}}).',
      cpuOnly: 'Instance {{resource}} has a CPU alarm ({{alarms}}) but no memory alarm (memory needs the CloudWatch agent).',
      noCpuAlarm: 'Instance {{resource}} has no CloudWatch alarm on CPUUtilization.',
      notProduction: 'Instance {{resource}} is in an account not listed as production.',
      notRunning: 'Instance {{resource}} is {{state}}.',
      inAutoScalingGroup: 'Instance {{resource}} belongs to Auto Scaling group {{group}}, where alarms are judged.',
    },
    needs: ['ec2:DescribeInstances', 'cloudwatch:DescribeAlarms'],
  },
  evaluate(instance, ctx) {
    if (!isProductionAccount(ctx, instance.account)) return ctx.notApplicable('notProduction');
    const state = instanceState(ctx.get(instance, '/State'));
    if (state === undefined) return ctx.unknown('missing_data:State', { path: '/State' });
    if (state !== 'running') return ctx.notApplicable('notRunning', { state });
    const group = autoScalingGroupOf(instance);
    if (group !== undefined) return ctx.notApplicable('inAutoScalingGroup', { group });
    const id = instanceId(instance);
    if (id === undefined) return ctx.unknown('missing_data:InstanceId');

    const cpu = findAlarms(ctx, instance, metricOn('AWS/EC2', ['CPUUtilization'], 'InstanceId', id));
    if (cpu.matched.length === 0) {
      const uncertain = cpu.uncertain ?? tagsUnknown(instance);
      return uncertain !== undefined ? ctx.unknown(uncertain) : ctx.fail('noCpuAlarm');
    }
    const memory = findAlarms(ctx, instance, (m) => m.dimensions['InstanceId'] === id && /mem/i.test(m.metricName ?? ''));
    const alarms = listForMessage([...new Set([...cpu.matched, ...memory.matched])]);
    return memory.matched.length > 0 ? ctx.pass('cpuAndMemory', { alarms }) : ctx.pass('cpuOnly', { alarms });
  },
});
