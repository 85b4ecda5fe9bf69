/**
 * No Redshift cluster is publicly accessible.
 *
 * N/A     never: every provisioned cluster is judged.
 * PASS    `PubliclyAccessible` is false.
 * FAIL    it is true: the cluster gets a public endpoint reachable from the internet (subject to its security groups).
 * UNKNOWN the setting was not collected, or (in a template) it is omitted: the API default changed from public to
 *         private for new clusters in 2025, so an omitted value is not read as either; nor is a parameter without a
 *         default, an `ImportValue`, an undecidable condition or a value a Terraform plan computes.
 *
 * https://docs.aws.amazon.com/redshift/latest/mgmt/rs-vpc-connect.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'redshift-cluster-not-public',
    title: 'No Redshift cluster is publicly accessible',
    severity: 'critical',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'NETSEC-002',
        gates: true,
        basis: 'a data warehouse never needs public traffic, so a publicly accessible cluster breaks "only resources that need public traffic are public"',
      },
    ],
    resourceTypes: ['AWS::Redshift::Cluster'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A publicly accessible warehouse exposes its SQL endpoint to the internet, where it is scanned for and brute-forced; it usually holds the most complete copy of customer data.',
    remediation: {
      summary: 'Turn off public accessibility; reach the cluster from the VPC, through a VPN, or through Redshift-managed VPC endpoints.',
      console: [
        'Open the Amazon Redshift console, Clusters, and select the cluster.',
        'Choose Actions, Modify publicly accessible setting.',
        'Turn off "Turn on Publicly accessible" and save.',
      ],
      cli: 'aws redshift modify-cluster --cluster-identifier analytics --no-publicly-accessible',
      cloudformation:
        'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    ClusterType: multi-node\n    NodeType: ra3.xlplus\n    NumberOfNodes: 2\n    ClusterSubnetGroupName: !Ref PrivateClusterSubnetGroup\n    PubliclyAccessible: false',
      terraform:
        'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier        = "analytics"\n  node_type                 = "ra3.xlplus"\n  cluster_subnet_group_name = aws_redshift_subnet_group.private.name\n  publicly_accessible       = false\n}',
      links: [
        'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1',
        'https://docs.aws.amazon.com/redshift/latest/mgmt/rs-vpc-connect.html',
      ],
    },
    messages: {
      notPublic: 'Redshift cluster {{resource}} is not publicly accessible.',
      publiclyAccessible: 'Redshift cluster {{resource}} is publicly accessible.',
    },
    needs: ['redshift:DescribeClusters'],
  },
  evaluate(cluster: Resource, ctx) {
    const pub = readSetting(ctx, cluster, '/PubliclyAccessible', asBool);
    if (!pub.known) return unknownSetting(ctx, pub);
    return pub.value ? ctx.fail('publiclyAccessible', {}, { path: '/PubliclyAccessible' }) : ctx.pass('notPublic');
  },
});
