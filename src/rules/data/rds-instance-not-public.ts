/**
 * No RDS or Aurora DB instance is publicly accessible.
 *
 * N/A     never: every DB instance is judged.
 * PASS    `PubliclyAccessible` is false.
 * FAIL    it is true: the endpoint resolves to a public address and, in a subnet routed to an internet gateway,
 *         accepts connections from the internet (subject only to its security groups).
 * UNKNOWN the setting was not collected, or (in a template) it is omitted: CloudFormation then lets RDS decide from
 *         the VPC — public when the subnets' VPC has an internet gateway — which the template alone does not show;
 *         or it is a parameter without a default, an `ImportValue`, an undecidable condition or a value a Terraform
 *         plan computes. Terraform's provider sends `false` for an omitted `publicly_accessible`, and the parser
 *         writes it, so an HCL instance without the attribute is not public.
 *
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html (PubliclyAccessible)
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'rds-instance-not-public',
    title: 'No RDS or Aurora DB instance is publicly accessible',
    severity: 'critical',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'NETSEC-002',
        gates: true,
        basis: 'a database never needs public traffic, so a publicly accessible DB instance breaks "only resources that need public traffic are public"',
      },
    ],
    resourceTypes: ['AWS::RDS::DBInstance'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A publicly accessible database is reachable by anyone its security group admits, and databases are scanned for and brute-forced constantly. Applications reach the database from inside the VPC; administrators through a VPN, a bastion or SSM port forwarding.',
    remediation: {
      summary: 'Turn off public accessibility and place the DB subnet group in private subnets; connect through the VPC.',
      console: [
        'Open the RDS console, Databases, and select the instance; choose Modify.',
        'Under Connectivity, Additional configuration, set Public access to "Not publicly accessible".',
        'Choose Continue, Apply immediately, then Modify DB instance.',
      ],
      cli: 'aws rds modify-db-instance --db-instance-identifier mydb --no-publicly-accessible --apply-immediately',
      cloudformation:
        'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.medium\n    DBSubnetGroupName: !Ref PrivateDbSubnetGroup\n    PubliclyAccessible: false',
      terraform:
        'resource "aws_db_instance" "main" {\n  engine               = "postgres"\n  instance_class       = "db.t4g.medium"\n  db_subnet_group_name = aws_db_subnet_group.private.name\n  publicly_accessible  = false\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2',
      ],
    },
    messages: {
      notPublic: 'DB instance {{resource}} is not publicly accessible.',
      publiclyAccessible: 'DB instance {{resource}} is publicly accessible.',
    },
    needs: ['rds:DescribeDBInstances'],
  },
  evaluate(db: Resource, ctx) {
    const pub = readSetting(ctx, db, '/PubliclyAccessible', asBool);
    if (!pub.known) return unknownSetting(ctx, pub);
    return pub.value ? ctx.fail('publiclyAccessible', {}, { path: '/PubliclyAccessible' }) : ctx.pass('notPublic');
  },
});
