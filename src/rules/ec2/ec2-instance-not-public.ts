/**
 * No EC2 instance is reachable from the internet: none has a public IP address in a public subnet.
 *
 * N/A     the instance is terminated or shutting down.
 * PASS    the instance has no public IPv4 address (`PublicIpAddress: null`), or its subnet has no route to an internet
 *         gateway (`Public: false`).
 * FAIL    it has a public IP address in a public subnet. Load balancers and NAT gateways are the components that
 *         belong there; an instance that must be public (a bastion, a VPN appliance) is covered by a waiver that
 *         states why — the justification the checklist asks for.
 * UNKNOWN the public address or the subnet (or whether the subnet is public) was not collected.
 *
 * An Elastic IP shows up as the instance's PublicIpAddress, so it counts. IPv6 addresses are not judged yet.
 *
 * Templates have neither fact, so both are derived (_lib/template-exposure.ts): an Elastic IP of the template, else
 * the primary interface's `AssociatePublicIpAddress`, else the subnet's `MapPublicIpOnLaunch` (default false); the
 * subnet is public when its route table (explicit association, else the VPC's main table, which in a VPC the
 * template creates holds only the local route) routes to an internet gateway. UNKNOWN when the subnet, its VPC or
 * its route table is not in the input (no subnet at all means the account's default VPC), or a value is a parameter
 * without a default, an `ImportValue`, an undecidable condition or a value a Terraform plan computes.
 */
import { defineRule, type Outcome, type Resource, type RuleContext } from '../../core/index.js';
import { nameOf } from '../_lib/names.js';
import { asBool, asString, readSetting, unknownSetting } from '../_lib/settings.js';
import { codePublicAddress, codeSubnetPublic, instanceSubnet } from '../_lib/template-exposure.js';
import { isRecord } from '../_lib/values.js';

const GONE = new Set(['terminated', 'shutting-down']);

function publicIp(value: unknown): string | null | undefined {
  if (value === null || value === '') return null;
  return typeof value === 'string' ? value : undefined;
}

function stateOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value['Name'] === 'string' ? value['Name'] : undefined;
}

/** A template instance: the same two facts, derived from the template (whichever settles it first decides). */
function codeInstance(ctx: RuleContext, instance: Resource): Outcome {
  const ip = codePublicAddress(ctx, instance);
  if (ip.known && !ip.value) return ctx.pass('noPublicIp');
  const located = instanceSubnet(ctx, instance);
  const subnet = 'subnet' in located ? located.subnet : undefined;
  const isPublic = 'subnet' in located ? codeSubnetPublic(ctx, located.subnet) : located;
  if (subnet && isPublic.known && !isPublic.value) return ctx.pass('privateSubnet', { subnet: nameOf(subnet) });
  if (!ip.known) return ctx.unknown(ip.reason, { path: ip.path });
  if (!isPublic.known) return ctx.unknown(isPublic.reason, { path: isPublic.path });
  return ctx.fail('publicInstance', { subnet: subnet ? nameOf(subnet) : '?' }, { path: '/SubnetId' });
}

export default defineRule({
  meta: {
    id: 'ec2-instance-not-public',
    title: 'No EC2 instance has a public IP address in a public subnet',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'NETSEC-002',
        gates: true,
        basis: 'the checklist allows only resources that need public traffic in public subnets, each with a justification (given as a waiver)',
      },
    ],
    resourceTypes: ['AWS::EC2::Instance'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'An instance with a public address in a subnet routed to an internet gateway is one security-group mistake away from direct exposure. Putting instances in private subnets behind a load balancer keeps the attack surface to the components built to face the internet.',
    remediation: {
      summary:
        'Move the instance to a private subnet behind a load balancer (outbound through a NAT gateway), or release its public address. For an instance that must stay public, record a waiver with the reason.',
      console: [
        'Create or pick a private subnet (no 0.0.0.0/0 route to an internet gateway) and launch the workload there from its AMI or launch template.',
        'Put an Application or Network Load Balancer in the public subnets in front of it.',
        'Disassociate any Elastic IP and turn off "Auto-assign public IPv4 address" on the public subnets (Subnet settings).',
        'If the instance must remain public, add a waiver in ftr.yaml naming the instance and the reason.',
      ],
      cli: "aws ec2 modify-subnet-attribute --subnet-id subnet-0123456789abcdef0 --no-map-public-ip-on-launch\naws ec2 disassociate-address --association-id eipassoc-0123456789abcdef0\n# Waiver for a justified public instance (ftr.yaml):\n# waivers:\n#   - { rule: ec2-instance-not-public, resource: i-0123456789abcdef0, reason: 'Bastion host, SSH from office CIDR only', owner: ops@example.com, expires: 2027-01-31 }",
      cloudformation:
        'AppInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    ImageId: !Ref AmiId\n    InstanceType: t3.small\n    NetworkInterfaces:\n      - DeviceIndex: "0"\n        SubnetId: !Ref PrivateSubnetA\n        AssociatePublicIpAddress: false',
      terraform:
        'resource "aws_instance" "app" {\n  ami                         = var.ami_id\n  instance_type               = "t3.small"\n  subnet_id                   = aws_subnet.private_a.id\n  associate_public_ip_address = false\n}',
      links: [
        'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
        'https://docs.aws.amazon.com/whitepapers/latest/aws-best-practices-ddos-resiliency/protecting-your-origin.html',
      ],
    },
    messages: {
      noPublicIp: 'Instance {{resource}} has no public IPv4 address.',
      privateSubnet: 'Instance {{resource}} has a public address, but subnet {{subnet}} has no route to an internet gateway.',
      terminated: 'Instance {{resource}} is terminated.',
      publicInstance: 'Instance {{resource}} has a public IP address in public subnet {{subnet}}.',
    },
    needs: ['ec2:DescribeInstances', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
  },
  evaluate(instance: Resource, ctx) {
    if (ctx.unknownAt(instance, '/State') === undefined && GONE.has(stateOf(ctx.get(instance, '/State')) ?? '')) {
      return ctx.notApplicable('terminated');
    }
    if (instance.source !== 'live') return codeInstance(ctx, instance);
    const ip = readSetting(ctx, instance, '/PublicIpAddress', publicIp);
    if (!ip.known) return unknownSetting(ctx, ip);
    if (ip.value === null) return ctx.pass('noPublicIp');
    const subnetId = readSetting(ctx, instance, '/SubnetId', asString);
    if (!subnetId.known) return unknownSetting(ctx, subnetId);
    const subnet = ctx.resolve(instance, subnetId.value, 'AWS::EC2::Subnet');
    if (!subnet) return ctx.unknown(`missing_data:subnet:${subnetId.value}`, { path: '/SubnetId' });
    const isPublic = readSetting(ctx, subnet, '/Public', asBool);
    if (!isPublic.known) return ctx.unknown(isPublic.reason, { path: '/SubnetId' });
    if (!isPublic.value) return ctx.pass('privateSubnet', { subnet: subnetId.value });
    return ctx.fail('publicInstance', { subnet: subnetId.value }, { path: '/PublicIpAddress' });
  },
});
