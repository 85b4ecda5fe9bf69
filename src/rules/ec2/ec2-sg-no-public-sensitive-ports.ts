/**
 * No security group opens database, cache, search, file-sharing or legacy remote-access ports to the internet.
 *
 * N/A     never: every security group is judged.
 * PASS    no ingress entry from 0.0.0.0/0, ::/0 (or a customer prefix list holding either) covers a port listed below.
 * FAIL    one does (single port, range, or all traffic); one outcome per entry, naming the ports.
 * UNKNOWN an entry that could open such a port could not be read, or its prefix list was not collected.
 *
 * Templates: inline `SecurityGroupIngress` entries and standalone `AWS::EC2::SecurityGroupIngress` resources (Terraform
 * `ingress` blocks, `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`) count alike. A standalone rule
 * whose group is not in the input (an existing group id, a parameter, `Fn::GetAtt Vpc.DefaultSecurityGroup`) is
 * judged on its own. A source CIDR or port from a parameter without a default, an `ImportValue`, an undecidable
 * condition or a Terraform plan's computed value is unknown; so is a prefix list that is not in the input.
 *
 * Informs NETSEC-001 only: the checklist names 22 and 3389 (ec2-sg-no-public-admin-ports gates on those); these
 * ports are the same risk class (Security Hub EC2.19 lists most of them), but the FTR does not ask for them.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { nameOf } from '../_lib/names.js';
import { rangeIncludes } from '../_lib/network.js';
import { entryLocation, orphanIngress, publicIngress, unknowableOptions, type Traffic } from '../_lib/security-group-rules.js';

/** Ports that should never face the internet; protocols they listen on. */
const SENSITIVE_PORTS: ReadonlyArray<{ port: number; name: string; udp?: boolean }> = [
  { port: 20, name: 'FTP data' },
  { port: 21, name: 'FTP' },
  { port: 23, name: 'Telnet' },
  { port: 135, name: 'MS RPC', udp: true },
  { port: 137, name: 'NetBIOS', udp: true },
  { port: 138, name: 'NetBIOS', udp: true },
  { port: 139, name: 'NetBIOS' },
  { port: 445, name: 'SMB' },
  { port: 1433, name: 'SQL Server' },
  { port: 1434, name: 'SQL Server browser', udp: true },
  { port: 1521, name: 'Oracle' },
  { port: 2049, name: 'NFS', udp: true },
  { port: 2375, name: 'Docker API' },
  { port: 2376, name: 'Docker API (TLS)' },
  { port: 3306, name: 'MySQL' },
  { port: 5432, name: 'PostgreSQL' },
  { port: 5439, name: 'Redshift' },
  { port: 5601, name: 'Kibana / OpenSearch Dashboards' },
  { port: 5900, name: 'VNC' },
  { port: 5985, name: 'WinRM' },
  { port: 5986, name: 'WinRM (TLS)' },
  { port: 6379, name: 'Redis' },
  { port: 9042, name: 'Cassandra' },
  { port: 9092, name: 'Kafka' },
  { port: 9200, name: 'Elasticsearch / OpenSearch' },
  { port: 9300, name: 'Elasticsearch transport' },
  { port: 11211, name: 'Memcached', udp: true },
  { port: 27017, name: 'MongoDB' },
];

function sensitivePortsOpened(traffic: Extract<Traffic, { ok: true }>): string[] {
  const { protocol, ports } = traffic;
  if (!ports || (protocol !== 'all' && protocol !== 'tcp' && protocol !== 'udp')) return [];
  return SENSITIVE_PORTS.filter((p) => (protocol !== 'udp' || p.udp === true) && rangeIncludes(ports, p.port)).map((p) => `${p.port} (${p.name})`);
}

function summarise(ports: string[]): string {
  return ports.length <= 6 ? ports.join(', ') : `${ports.slice(0, 6).join(', ')} and ${ports.length - 6} more`;
}

export default defineRule({
  meta: {
    id: 'ec2-sg-no-public-sensitive-ports',
    title: 'No security group opens database, cache or legacy admin ports to the internet',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'NETSEC-001',
        gates: false,
        basis: 'informs the security-group review: database, cache, file-sharing and legacy remote-access ports open to 0.0.0.0/0 or ::/0 (beyond the 22/3389 the checklist names)',
      },
    ],
    resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Databases, caches, search clusters, SMB, Telnet, FTP and VNC reachable from the internet are among the most exploited exposures: many ship without authentication or with default credentials, and ransomware crews scan for them continuously.',
    remediation: {
      summary:
        'Restrict these ports to the security groups of the application tier (or to VPN/office ranges for administration); publish services to the internet only through a load balancer or CloudFront.',
      console: [
        'Open the EC2 console, Security Groups, and select the group.',
        'Edit inbound rules: replace the 0.0.0.0/0 or ::/0 source on the listed port with the application security group (for example sg-app) or a private CIDR.',
        'Save rules.',
      ],
      cli: "aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 \\\n  --ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,IpRanges=[{CidrIp=0.0.0.0/0}]'\naws ec2 authorize-security-group-ingress --group-id sg-0123456789abcdef0 \\\n  --ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=sg-0aaaaaaaaaaaaaaaa}]'",
      cloudformation:
        'DatabaseSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: PostgreSQL from the app tier only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 5432\n        ToPort: 5432\n        SourceSecurityGroupId: !Ref AppSecurityGroup',
      terraform:
        'resource "aws_vpc_security_group_ingress_rule" "postgres_from_app" {\n  security_group_id            = aws_security_group.db.id\n  ip_protocol                  = "tcp"\n  from_port                    = 5432\n  to_port                      = 5432\n  referenced_security_group_id = aws_security_group.app.id\n}',
      links: [
        'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
        'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      ],
    },
    messages: {
      noPublicSensitivePorts: 'Security group {{group}} opens no database, cache or legacy admin port to the internet.',
      publicSensitivePorts: 'Security group {{group}} lets {{source}} reach {{ports}} ({{rule}}).',
    },
    needs: ['ec2:DescribeSecurityGroups', 'ec2:DescribeManagedPrefixLists', 'ec2:GetManagedPrefixListEntries'],
  },
  evaluate(resource: Resource, ctx) {
    const judged = resource.type === 'AWS::EC2::SecurityGroup' ? { ...publicIngress(ctx, resource, sensitivePortsOpened), group: nameOf(resource) } : orphanIngress(ctx, resource, sensitivePortsOpened);
    if (!judged) return [];
    const { hits, unknown, group } = judged;
    if (hits.length === 0 && unknown.length === 0) return ctx.pass('noPublicSensitivePorts', { group });
    return [
      ...hits.map((hit) =>
        ctx.fail(
          'publicSensitivePorts',
          { group, source: hit.source, ports: summarise(hit.ports), count: hit.ports.length, rule: hit.rule },
          entryLocation(resource, hit.entry),
        ),
      ),
      ...unknown.map((u) => ctx.unknown(u.reason, unknowableOptions(u))),
    ];
  },
});
