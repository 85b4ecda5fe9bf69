/**
 * EC2 Auto Scaling groups: sizes, the subnets and Availability Zones they launch into, and what they attach to.
 * `VPCZoneIdentifier` is a list of subnet ids, as in CloudFormation (the API gives one comma-separated string).
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { buildArn, defined, tagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'autoscaling',
  scope: 'regional',
  operations: {
    DescribeAutoScalingGroups: 'autoscaling:DescribeAutoScalingGroups',
  },
  listings: { DescribeAutoScalingGroups: ['AWS::AutoScaling::AutoScalingGroup'] },
  produces: ['AWS::AutoScaling::AutoScalingGroup'],
  async collect(ctx) {
    const autoscaling = ctx.client(AutoScalingClient);
    const groups = await ctx.pages(
      'DescribeAutoScalingGroups',
      (NextToken, o) => autoscaling.send(new DescribeAutoScalingGroupsCommand({ NextToken, MaxRecords: 100 }), o),
      (p) => p.NextToken,
      (p) => p.AutoScalingGroups,
    );
    if (!groups.ok) return;
    for (const g of groups.value) {
      const name = g.AutoScalingGroupName;
      if (!name) continue;
      const template = g.LaunchTemplate;
      ctx.emit({
        uid: g.AutoScalingGroupARN ?? buildArn(ctx.apiRegion, 'autoscaling', ctx.region, ctx.account, `autoScalingGroup:*:autoScalingGroupName/${name}`),
        type: 'AWS::AutoScaling::AutoScalingGroup',
        name,
        physicalId: name,
        properties: {
          AutoScalingGroupName: name,
          MinSize: g.MinSize ?? null,
          MaxSize: g.MaxSize ?? null,
          DesiredCapacity: g.DesiredCapacity ?? null,
          AvailabilityZones: g.AvailabilityZones ?? [],
          VPCZoneIdentifier: (g.VPCZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter(Boolean),
          LaunchTemplate: template ? defined({ LaunchTemplateId: template.LaunchTemplateId, LaunchTemplateName: template.LaunchTemplateName, Version: template.Version }) : null,
          LaunchConfigurationName: g.LaunchConfigurationName ?? null,
          TargetGroupARNs: g.TargetGroupARNs ?? [],
          LoadBalancerNames: g.LoadBalancerNames ?? [],
          HealthCheckType: g.HealthCheckType ?? null,
          Instances: (g.Instances ?? []).map((i) => defined({ InstanceId: i.InstanceId, AvailabilityZone: i.AvailabilityZone, LifecycleState: i.LifecycleState })),
        },
        tags: tagMap(g.Tags),
      });
    }
  },
});
