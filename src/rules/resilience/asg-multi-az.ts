/**
 * Auto Scaling groups launch instances in at least two Availability Zones (an assist for RES-006).
 *
 * PASS    the group spans two or more AZs: `AvailabilityZones`, or the AZs of the subnets in `VPCZoneIdentifier`.
 * FAIL    it spans one.
 * UNKNOWN neither the AZ list nor every subnet's AZ could be read.
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html
 */
import { defineRule } from '../../core/index.js';
import { asList, asString, stringList } from '../_lib/shape.js';

export default defineRule({
  meta: {
    id: 'asg-multi-az',
    title: 'Auto Scaling groups span at least two Availability Zones',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'RES-006', gates: false, basis: 'informs RES-006.2: whether the compute behind the SLA survives an AZ failure' },
    ],
    resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
    sources: ['live'],
    rationale:
      'An Auto Scaling group limited to one Availability Zone replaces failed instances only inside that zone; if the zone is impaired, the group has nowhere to launch and the service stops.',
    remediation: {
      summary: 'Give the group subnets in two or more Availability Zones.',
      console: [
        'Open the EC2 console and choose Auto Scaling Groups, then the group.',
        'On the Details tab, under Network, choose Edit.',
        'Add subnets in at least one more Availability Zone and choose Update.',
      ],
      cli: 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name <group> \\\n  --vpc-zone-identifier "<subnet-in-az-a>,<subnet-in-az-b>"',
      cloudformation: [
        'WebGroup:',
        '  Type: AWS::AutoScaling::AutoScalingGroup',
        '  Properties:',
        '    # ...',
        '    VPCZoneIdentifier:',
        '      - !Ref PrivateSubnetA   # one subnet per Availability Zone',
        '      - !Ref PrivateSubnetB',
      ].join('\n'),
      terraform: [
        'resource "aws_autoscaling_group" "web" {',
        '  # ...',
        '  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id] # one per Availability Zone',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html'],
    },
    messages: {
      multiAz: 'Auto Scaling group {{resource}} spans {{count}} Availability Zones ({{zones}}).',
      singleAz: 'Auto Scaling group {{resource}} launches into a single Availability Zone ({{zones}}).',
    },
    needs: ['autoscaling:DescribeAutoScalingGroups', 'ec2:DescribeSubnets'],
  },
  evaluate(group, ctx) {
    let zones = stringList(ctx.get(group, '/AvailabilityZones'));
    if (zones.length === 0) {
      const raw = ctx.get(group, '/VPCZoneIdentifier');
      const subnets = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : asList(raw);
      if (subnets.length === 0) return ctx.unknown('missing_data:AvailabilityZones', { path: '/AvailabilityZones' });
      zones = [];
      for (const id of subnets) {
        const subnet = ctx.resolve(group, id, 'AWS::EC2::Subnet');
        const az = subnet ? asString(ctx.get(subnet, '/AvailabilityZone')) : undefined;
        if (az === undefined) return ctx.unknown('missing_data:Subnet.AvailabilityZone', { path: '/VPCZoneIdentifier' });
        zones.push(az);
      }
    }
    const unique = [...new Set(zones)].sort();
    const data = { count: unique.length, zones: unique.join(', ') };
    return unique.length >= 2 ? ctx.pass('multiAz', data) : ctx.fail('singleAz', data, { path: '/AvailabilityZones' });
  },
});
