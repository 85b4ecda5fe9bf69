// Test-only: CloudWatch metric alarms on the Region's instances, load balancers and databases (seeded last: an alarm
// names its resource by id or ARN suffix), notifying one of the Region's topics.
import { CloudWatchClient, PutMetricAlarmCommand, type Dimension } from '@aws-sdk/client-cloudwatch';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AlarmSpec, RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';
import type { SeededCompute } from './ec2.js';

async function dimension(target: SeedTarget, region: string, alarm: AlarmSpec, compute: SeededCompute): Promise<{ Namespace: string; Dimensions: Dimension[] }> {
  const { target: on } = alarm;
  if ('instance' in on) {
    const id = compute.instances[on.instance];
    if (!id) throw new Error(`alarm ${alarm.name}: no instance named ${on.instance}`);
    return { Namespace: 'AWS/EC2', Dimensions: [{ Name: 'InstanceId', Value: id }] };
  }
  if ('database' in on) return { Namespace: 'AWS/RDS', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: on.database }] };
  const described = await target.client(ElasticLoadBalancingV2Client, region).send(new DescribeLoadBalancersCommand({ Names: [on.loadBalancer] }));
  const arn = described.LoadBalancers?.[0]?.LoadBalancerArn;
  if (!arn) throw new Error(`alarm ${alarm.name}: no load balancer named ${on.loadBalancer}`);
  // The metric dimension is the ARN's suffix: app/<name>/<id>.
  return { Namespace: 'AWS/ApplicationELB', Dimensions: [{ Name: 'LoadBalancer', Value: arn.split(':loadbalancer/')[1] ?? '' }] };
}

export async function seedAlarms(target: SeedTarget, region: string, spec: RegionSpec, compute: SeededCompute, concurrency = 8): Promise<void> {
  if (!spec.alarms?.length) return;
  const cloudwatch = target.client(CloudWatchClient, region);
  await eachLimited(spec.alarms, concurrency, async (alarm) => {
    const { Namespace, Dimensions } = await dimension(target, region, alarm, compute);
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarm.name,
        Namespace,
        MetricName: alarm.metric,
        Dimensions,
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 2,
        Threshold: alarm.threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        ...(alarm.topic ? { AlarmActions: [`arn:aws:sns:${region}:${target.accountId}:${alarm.topic}`] } : {}),
      }),
    );
  });
}
