/**
 * No security group lets the whole internet (0.0.0.0/0 or ::/0) reach SSH (22) or RDP (3389).
 *
 * N/A     never: every security group is judged.
 * PASS    no ingress entry from the internet covers port 22 or 3389.
 * FAIL    an ingress entry from 0.0.0.0/0, ::/0, or a customer prefix list holding either, opens tcp or udp 22 or
 *         3389: a single port, a range that includes it (0-65535 too), or all traffic (`IpProtocol: -1`). Inline
 *         entries and standalone `AWS::EC2::SecurityGroupIngress` resources both count; one outcome per entry.
 * UNKNOWN an entry that could open 22/3389 could not be read, or its prefix list's entries were not collected (a
 *         prefix list is not 0.0.0.0/0, but unseen contents are not a pass) — unless another entry already fails.
 *
 * Templates: inline `SecurityGroupIngress` entries and standalone `AWS::EC2::SecurityGroupIngress` resources (Terraform
 * `ingress` blocks, `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`) count alike. A standalone rule
 * whose group is not in the input (an existing group id, a parameter, `Fn::GetAtt Vpc.DefaultSecurityGroup`) is
 * judged on its own. A source CIDR or port from a parameter without a default, an `ImportValue`, an undecidable
 * condition or a Terraform plan's computed value is unknown; so is a prefix list that is not in the input.
 *
 * Security Hub EC2.53/EC2.54 (CIS 5.3/5.4) check these two ports for every protocol, so udp counts too (RDP also
 * listens on udp 3389). https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53
 */
import { defineRule, type Resource } from '../../core/index.js';
import { nameOf } from '../_lib/names.js';
import { rangeIncludes } from '../_lib/network.js';
import { entryLocation, orphanIngress, publicIngress, unknowableOptions, type Traffic } from '../_lib/security-group-rules.js';

const ADMIN_PORTS = [
  { port: 22, name: 'SSH' },
  { port: 3389, name: 'RDP' },
];

function adminPortsOpened(traffic: Extract<Traffic, { ok: true }>): string[] {
  const { protocol, ports } = traffic;
  if (!ports || (protocol !== 'all' && protocol !== 'tcp' && protocol !== 'udp')) return [];
  return ADMIN_PORTS.filter((p) => rangeIncludes(ports, p.port)).map((p) => `${p.port} (${p.name})`);
}

export default defineRule({
  meta: {
    id: 'ec2-sg-no-public-admin-ports',
    title: 'No security group opens SSH (22) or RDP (3389) to 0.0.0.0/0 or ::/0',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'NETSEC-001',
        gates: true,
        basis: 'the checklist forbids 0.0.0.0/0 and ::/0 ingress to remote administration ports 22 and 3389 (CIS 5.3/5.4, EC2.53/EC2.54)',
      },
    ],
    resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'SSH and RDP reachable from the whole internet are scanned and brute-forced within minutes of exposure; one weak credential or unpatched daemon gives an attacker a shell inside the VPC.',
    remediation: {
      summary:
        'Remove internet-wide ingress to 22 and 3389. Reach instances through SSM Session Manager (no inbound port at all), a VPN or a bastion restricted to known address ranges.',
      console: [
        'Open the EC2 console, Security Groups, and select the group.',
        'On Inbound rules choose Edit inbound rules.',
        'Delete the rule whose source is 0.0.0.0/0 or ::/0 on port 22/3389 (or a range or "All traffic" that includes them), or narrow its source to your corporate CIDR or a security group.',
        'Save rules.',
      ],
      cli: "aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 \\\n  --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]'\naws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 \\\n  --ip-permissions 'IpProtocol=tcp,FromPort=3389,ToPort=3389,Ipv6Ranges=[{CidrIpv6=::/0}]'",
      cloudformation:
        'AdminSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: SSH from the corporate network only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 22\n        ToPort: 22\n        CidrIp: 203.0.113.0/24   # your office or VPN range, never 0.0.0.0/0',
      terraform:
        'resource "aws_vpc_security_group_ingress_rule" "ssh_from_office" {\n  security_group_id = aws_security_group.admin.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "203.0.113.0/24" # never 0.0.0.0/0\n}',
      links: [
        'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53',
        'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
      ],
    },
    messages: {
      noPublicAdminPorts: 'Security group {{group}} opens neither SSH nor RDP to the internet.',
      publicAdminPort: 'Security group {{group}} lets {{source}} reach {{ports}} ({{rule}}).',
    },
    needs: ['ec2:DescribeSecurityGroups', 'ec2:DescribeManagedPrefixLists', 'ec2:GetManagedPrefixListEntries'],
  },
  evaluate(resource: Resource, ctx) {
    const judged = resource.type === 'AWS::EC2::SecurityGroup' ? { ...publicIngress(ctx, resource, adminPortsOpened), group: nameOf(resource) } : orphanIngress(ctx, resource, adminPortsOpened);
    if (!judged) return [];
    const { hits, unknown, group } = judged;
    if (hits.length === 0 && unknown.length === 0) return ctx.pass('noPublicAdminPorts', { group });
    return [
      ...hits.map((hit) =>
        ctx.fail('publicAdminPort', { group, source: hit.source, ports: hit.ports.join(', '), rule: hit.rule }, entryLocation(resource, hit.entry)),
      ),
      ...unknown.map((u) => ctx.unknown(u.reason, unknowableOptions(u))),
    ];
  },
});
