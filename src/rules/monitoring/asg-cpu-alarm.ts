/**
 * Production Auto Scaling groups have a CloudWatch alarm on the group's CPU utilisation (the seed guide: alarms on CPU
 * and memory for production services). A heuristic: an alarm on AWS/EC2 CPUUtilization with the group's
 * `AutoScalingGroupName` dimension counts — including the alarms a CPU target-tracking policy creates. Memory is
 * reported, not required (CloudWatch agent metrics with the `AutoScalingGroupName` dimension).
 *
 * N/A     the account is not listed in `productionAccounts` (when set).
 * PASS    a CPU alarm exists on the group.
 * FAIL    none.
 * UNKNOWN none seen and the alarms of the account and Region could not all be read.
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 */
import { defineRule } from '../../core/index.js';
import { findAlarms, metricOn } from '../_lib/alarms.js';
import { isProductionAccount } from '../_lib/production.js';
import { asString, listForMessage } from '../_lib/shape.js';

export default defineRule({
  meta: {
    id: 'asg-cpu-alarm',
    title: 'Production Auto Scaling groups have a CloudWatch CPU alarm',
    severity: 'low',
    requirements: [],
    bestPractice: 'monitoring',
    resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
    sources: ['live'],
    rationale:
      'Auto Scaling hides individual instances; the group is what to watch. An alarm on the group’s CPU (or a CPU target-tracking policy, whose alarms count) shows when capacity runs short. The seed guide expects CPU and memory alarms on production services.',
    remediation: {
      summary: 'Add a CPU alarm on the group (AutoScalingGroupName dimension), or a target-tracking policy on ASGAverageCPUUtilization, with notification to your on-call channel.',
      console: [
        'Open the CloudWatch console and choose Alarms > Create alarm > Select metric > EC2 > By Auto Scaling Group.',
        'Pick the group and CPUUtilization; statistic Average over 5 minutes, threshold for example ≥ 80% for 3 periods.',
        'Choose an SNS topic, name the alarm and create it.',
      ],
      cli: [
        'aws cloudwatch put-metric-alarm --alarm-name <group>-cpu-high --namespace AWS/EC2 --metric-name CPUUtilization \\',
        '  --dimensions Name=AutoScalingGroupName,Value=<group> --statistic Average --period 300 --evaluation-periods 3 \\',
        '  --threshold 80 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn>',
      ].join('\n'),
      cloudformation: [
        'GroupCpuAlarm:',
        '  Type: AWS::CloudWatch::Alarm',
        '  Properties:',
        '    Namespace: AWS/EC2',
        '    MetricName: CPUUtilization',
        '    Dimensions: [{ Name: AutoScalingGroupName, Value: !Ref WebGroup }]',
        '    Statistic: Average',
        '    Period: 300',
        '    EvaluationPeriods: 3',
        '    Threshold: 80',
        '    ComparisonOperator: GreaterThanOrEqualToThreshold',
        '    AlarmActions: [!Ref OnCallTopic]',
      ].join('\n'),
      terraform: [
        'resource "aws_cloudwatch_metric_alarm" "group_cpu_high" {',
        '  alarm_name          = "web-cpu-high"',
        '  namespace           = "AWS/EC2"',
        '  metric_name         = "CPUUtilization"',
        '  dimensions          = { AutoScalingGroupName = aws_autoscaling_group.web.name }',
        '  statistic           = "Average"',
        '  period              = 300',
        '  evaluation_periods  = 3',
        '  threshold           = 80',
        '  comparison_operator = "GreaterThanOrEqualToThreshold"',
        '  alarm_actions       = [aws_sns_topic.on_call.arn]',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html', 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html'],
    },
    messages: {
      cpuAndMemory: 'Auto Scaling group {{resource}} has CPU and memory alarms ({{alarms}}).',
      cpuOnly: 'Auto Scaling group {{resource}} has a CPU alarm ({{alarms}}) but no memory alarm (memory needs the CloudWatch agent).',
      noCpuAlarm: 'Auto Scaling group {{resource}} has no CloudWatch alarm on CPUUtilization.',
      notProduction: 'Auto Scaling group {{resource}} is in an account not listed as production.',
    },
    needs: ['autoscaling:DescribeAutoScalingGroups', 'cloudwatch:DescribeAlarms'],
  },
  evaluate(group, ctx) {
    if (!isProductionAccount(ctx, group.account)) return ctx.notApplicable('notProduction');
    const name = group.physicalId ?? asString(group.properties['AutoScalingGroupName']) ?? group.name;
    if (name === undefined) return ctx.unknown('missing_data:AutoScalingGroupName');
    const cpu = findAlarms(ctx, group, metricOn('AWS/EC2', ['CPUUtilization'], 'AutoScalingGroupName', name));
    if (cpu.matched.length === 0) return cpu.uncertain !== undefined ? ctx.unknown(cpu.uncertain) : ctx.fail('noCpuAlarm');
    const memory = findAlarms(ctx, group, (m) => m.dimensions['AutoScalingGroupName'] === name && /mem/i.test(m.metricName ?? ''));
    const alarms = listForMessage([...new Set([...cpu.matched, ...memory.matched])]);
    return memory.matched.length > 0 ? ctx.pass('cpuAndMemory', { alarms }) : ctx.pass('cpuOnly', { alarms });
  },
});
