/**
 * Load balancers serve from at least two Availability Zones (an assist for RES-006).
 *
 * PASS    the load balancer is enabled in two or more AZs (`AvailabilityZones`, live).
 * FAIL    it is enabled in a single AZ (possible for Network and Gateway Load Balancers; ALBs need two).
 * UNKNOWN the AZ list could not be read.
 * Classic Load Balancers are not in the resource model and are not judged.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#availability-zones
 */
import { defineRule } from '../../core/index.js';
import { asList, asRecord, asString } from '../_lib/shape.js';

function zoneNames(value: unknown): string[] {
  return asList(value)
    .map((z) => asString(z) ?? asString(asRecord(z)?.['ZoneName']))
    .filter((z): z is string => z !== undefined);
}

export default defineRule({
  meta: {
    id: 'elb-multi-az',
    title: 'Load balancers are enabled in at least two Availability Zones',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'RES-006', gates: false, basis: 'informs RES-006.2: whether the entry points behind the SLA survive an AZ failure' },
    ],
    resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    sources: ['live'],
    rationale:
      'A load balancer enabled in one Availability Zone takes the whole service down with that zone, however many targets run elsewhere. Serving from two or more zones is the baseline for any availability SLA.',
    remediation: {
      summary: 'Add a subnet in a second (and ideally third) Availability Zone to the load balancer, with targets in those zones.',
      console: [
        'Open the EC2 console and choose Load Balancers, then the load balancer.',
        'On the Network mapping tab choose Edit subnets (Edit network mapping).',
        'Select at least two Availability Zones and a subnet in each, then Save changes. Make sure the target groups have healthy targets in every selected zone.',
      ],
      cli: 'aws elbv2 set-subnets --load-balancer-arn <load-balancer-arn> --subnets <subnet-in-az-a> <subnet-in-az-b>',
      cloudformation: [
        'LoadBalancer:',
        '  Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
        '  Properties:',
        '    # ...',
        '    Subnets:',
        '      - !Ref PublicSubnetA   # one subnet per Availability Zone',
        '      - !Ref PublicSubnetB',
      ].join('\n'),
      terraform: [
        'resource "aws_lb" "main" {',
        '  # ...',
        '  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id] # one per Availability Zone',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-subnets.html', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html'],
    },
    messages: {
      multiAz: 'Load balancer {{resource}} is enabled in {{count}} Availability Zones ({{zones}}).',
      singleAz: 'Load balancer {{resource}} is enabled in a single Availability Zone ({{zones}}).',
    },
    needs: ['elasticloadbalancing:DescribeLoadBalancers'],
  },
  evaluate(lb, ctx) {
    const raw = ctx.get(lb, '/AvailabilityZones');
    if (!Array.isArray(raw)) return ctx.unknown('missing_data:AvailabilityZones', { path: '/AvailabilityZones' });
    const zones = [...new Set(zoneNames(raw))].sort();
    const data = { count: zones.length, zones: zones.join(', ') || 'none' };
    return zones.length >= 2 ? ctx.pass('multiAz', data) : ctx.fail('singleAz', data, { path: '/AvailabilityZones' });
  },
});
