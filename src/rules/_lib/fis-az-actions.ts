/**
 * Which AWS FIS actions impair an Availability Zone. Some do so by definition (they take an AZ as their parameter);
 * the others only when their targets are scoped to one AZ (`TargetsAz` on the experiment, set by the collector when
 * the targets filter on a single AZ, `Placement.AvailabilityZone` or an `availabilityZoneIdentifier` parameter). The
 * "AZ Availability: Power Interruption" scenario combines several of both kinds.
 * https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html
 */

const ALWAYS_ZONAL = new Set([
  'aws:ec2:asg-insufficient-instance-capacity-error',
  'aws:elasticache:replicationgroup-interrupt-az-power',
  'aws:elasticache:interrupt-cluster-az-power',
  'aws:arc:start-zonal-autoshift',
]);

const ZONAL_WHEN_TARGETED = new Set([
  'aws:network:disrupt-connectivity',
  'aws:ec2:stop-instances',
  'aws:ec2:terminate-instances',
  'aws:ec2:reboot-instances',
  'aws:ebs:pause-volume-io',
  'aws:rds:failover-db-cluster',
  'aws:rds:reboot-db-instances',
  'aws:ecs:stop-task',
  'aws:eks:terminate-nodegroup-instances',
]);

export function impairsAz(actions: readonly string[], targetsAz: boolean): boolean {
  const ids = actions.map((a) => a.toLowerCase());
  return ids.some((a) => ALWAYS_ZONAL.has(a)) || (targetsAz && ids.some((a) => ZONAL_WHEN_TARGETED.has(a)));
}
