/**
 * EC2 instances that serve traffic behind a load balancer run in an Auto Scaling group, so capacity follows load and
 * failed instances are replaced (the seed guide's "Auto Scaling for variable workloads, or a documented reason for
 * fixed capacity"). A heuristic: being a registered target of a load balancer is taken as "serves a variable workload".
 *
 * N/A     the instance is not running, or is not an instance target of any target group.
 * PASS    the instance carries the `aws:autoscaling:groupName` tag (an Auto Scaling group launched it).
 * FAIL    it is a registered target of a target group and no Auto Scaling group manages it (severity info).
 * UNKNOWN it is not in a group and the target groups or their targets could not be read; or it is a target whose tags
 *         could not be read (the Auto Scaling tag may be among them).
 * IP targets and Classic Load Balancers are not matched to instances.
 */
import { defineRule } from '../../core/index.js';
import { autoScalingGroupOf, instanceId } from '../_lib/ec2-instance.js';
import { instanceState } from '../_lib/ec2-state.js';
import { asList, asRecord, asString } from '../_lib/shape.js';
import { nameOf } from '../_lib/names.js';
import { tagsUnknown } from '../_lib/tags.js';

export default defineRule({
  meta: {
    id: 'ec2-instance-behind-lb-in-auto-scaling-group',
    title: 'Instances behind a load balancer run in an Auto Scaling group',
    severity: 'info',
    requirements: [],
    bestPractice: 'scaling',
    resourceTypes: ['AWS::EC2::Instance'],
    sources: ['live'],
    rationale:
      'A fixed fleet behind a load balancer neither grows with demand nor replaces a failed instance by itself. The seed guide expects Auto Scaling for variable workloads, or a documented reason for fixed capacity.',
    remediation: {
      summary: 'Move the instances into an Auto Scaling group (launch template + target group attachment + target-tracking policy), or document why capacity is fixed.',
      console: [
        'In the EC2 console select the instance and choose Actions > Image and templates > Create template from instance.',
        'Choose Auto Scaling Groups > Create Auto Scaling group, pick the launch template and subnets in two or more AZs.',
        'Attach the existing target group, turn on ELB health checks, and set a target tracking policy (for example average CPU 50%).',
        'Once the group serves traffic, deregister and terminate the standalone instance.',
      ],
      cli: [
        'aws autoscaling create-auto-scaling-group --auto-scaling-group-name web \\',
        '  --launch-template LaunchTemplateName=web,Version=\'$Latest\' --min-size 2 --max-size 6 \\',
        '  --vpc-zone-identifier "<subnet-a>,<subnet-b>" --target-group-arns <target-group-arn> \\',
        '  --health-check-type ELB --health-check-grace-period 120',
        'aws autoscaling put-scaling-policy --auto-scaling-group-name web --policy-name cpu50 \\',
        '  --policy-type TargetTrackingScaling \\',
        '  --target-tracking-configuration \'{"PredefinedMetricSpecification":{"PredefinedMetricType":"ASGAverageCPUUtilization"},"TargetValue":50}\'',
      ].join('\n'),
      cloudformation: [
        'WebGroup:',
        '  Type: AWS::AutoScaling::AutoScalingGroup',
        '  Properties:',
        '    LaunchTemplate: { LaunchTemplateId: !Ref WebTemplate, Version: !GetAtt WebTemplate.LatestVersionNumber }',
        "    MinSize: '2'",
        "    MaxSize: '6'",
        '    VPCZoneIdentifier: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]',
        '    TargetGroupARNs: [!Ref WebTargetGroup]',
        '    HealthCheckType: ELB',
        'WebCpuPolicy:',
        '  Type: AWS::AutoScaling::ScalingPolicy',
        '  Properties:',
        '    AutoScalingGroupName: !Ref WebGroup',
        '    PolicyType: TargetTrackingScaling',
        '    TargetTrackingConfiguration:',
        '      PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }',
        '      TargetValue: 50',
      ].join('\n'),
      terraform: [
        'resource "aws_autoscaling_group" "web" {',
        '  min_size            = 2',
        '  max_size            = 6',
        '  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]',
        '  target_group_arns   = [aws_lb_target_group.web.arn]',
        '  health_check_type   = "ELB"',
        '  launch_template {',
        '    id      = aws_launch_template.web.id',
        '    version = "$Latest"',
        '  }',
        '}',
        '',
        'resource "aws_autoscaling_policy" "cpu50" {',
        '  name                   = "cpu50"',
        '  autoscaling_group_name = aws_autoscaling_group.web.name',
        '  policy_type            = "TargetTrackingScaling"',
        '  target_tracking_configuration {',
        '    predefined_metric_specification {',
        '      predefined_metric_type = "ASGAverageCPUUtilization"',
        '    }',
        '    target_value = 50',
        '  }',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/autoscaling/ec2/userguide/attach-load-balancer-asg.html',
        'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
      ],
    },
    messages: {
      inGroup: 'Instance {{resource}} runs in Auto Scaling group {{group}}.',
      standalone: 'Instance {{resource}} serves target group {{targetGroup}} but no Auto Scaling group manages it.',
      notRunning: 'Instance {{resource}} is {{state}}.',
      notBehindLoadBalancer: 'Instance {{resource}} is not a target of any load balancer.',
    },
    needs: ['ec2:DescribeInstances', 'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth'],
  },
  evaluate(instance, ctx) {
    const state = instanceState(ctx.get(instance, '/State'));
    if (state === undefined) return ctx.unknown('missing_data:State', { path: '/State' });
    if (state !== 'running') return ctx.notApplicable('notRunning', { state });
    const group = autoScalingGroupOf(instance);
    if (group !== undefined) return ctx.pass('inGroup', { group });
    const id = instanceId(instance);
    if (id === undefined) return ctx.unknown('missing_data:InstanceId');

    const scope = { account: instance.account, region: instance.region, source: instance.source };
    const inventory = ctx.inventory('AWS::ElasticLoadBalancingV2::TargetGroup', scope);
    let uncertain = inventory.complete ? undefined : (inventory.reason ?? 'not_collected:AWS::ElasticLoadBalancingV2::TargetGroup');
    for (const tg of ctx.resources('AWS::ElasticLoadBalancingV2::TargetGroup', scope)) {
      const mark = ctx.unknownAt(tg, '/Targets');
      if (mark) {
        uncertain ??= mark.reason;
        continue;
      }
      const targets = asList(tg.properties['Targets']).map((t) => asString(asRecord(t)?.['Id']));
      if (!targets.includes(id)) continue;
      const tags = tagsUnknown(instance);
      return tags !== undefined ? ctx.unknown(tags, { path: '@tags' }) : ctx.fail('standalone', { targetGroup: nameOf(tg) });
    }
    return uncertain !== undefined ? ctx.unknown(uncertain) : ctx.notApplicable('notBehindLoadBalancer');
  },
});
