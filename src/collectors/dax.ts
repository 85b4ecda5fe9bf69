/**
 * DynamoDB Accelerator (DAX) clusters: DescribeClusters → `AWS::DAX::Cluster`, with encryption at rest as
 * CloudFormation's `SSESpecification.SSEEnabled` (SSEDescription.Status ENABLED) and in transit as
 * `ClusterEndpointEncryptionType`. An answer without SSEDescription leaves encryption unwritten (unknown).
 *
 * DAX is offered in fewer Regions than DynamoDB: where AWS's DAX endpoint does not resolve (ENOTFOUND), the Region has
 * no clusters and the (empty) listing is complete. An emulator endpoint always resolves, so this never hides a failure.
 */
import { DAXClient, DescribeClustersCommand } from '@aws-sdk/client-dax';
import { defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'dax',
  scope: 'regional',
  operations: {
    DescribeClusters: 'dax:DescribeClusters',
  },
  listings: { DescribeClusters: ['AWS::DAX::Cluster'] },
  produces: ['AWS::DAX::Cluster'],
  async collect(ctx) {
    const dax = ctx.client(DAXClient);
    const clusters = await ctx.pages(
      'DescribeClusters',
      (NextToken, o) => dax.send(new DescribeClustersCommand({ NextToken, MaxResults: 100 }), o),
      (page) => page.NextToken ?? undefined,
      (page) => page.Clusters,
      { absent: ['ENOTFOUND'] },
    );
    if (!clusters.ok) return;
    for (const cluster of clusters.value) {
      const name = cluster.ClusterName;
      if (name === undefined || cluster.ClusterArn === undefined) continue;
      const status = cluster.SSEDescription?.Status;
      ctx.emit({
        uid: cluster.ClusterArn,
        type: 'AWS::DAX::Cluster',
        name,
        physicalId: name,
        properties: defined({
          ClusterName: name,
          Status: cluster.Status,
          NodeType: cluster.NodeType,
          ReplicationFactor: cluster.TotalNodes,
          SubnetGroupName: cluster.SubnetGroup,
          IAMRoleARN: cluster.IamRoleArn,
          SecurityGroupIds: cluster.SecurityGroups?.map((g) => g.SecurityGroupIdentifier).filter((g): g is string => g !== undefined),
          SSESpecification: status === undefined ? undefined : { SSEEnabled: status === 'ENABLED' || status === 'ENABLING' },
          ClusterEndpointEncryptionType: cluster.ClusterEndpointEncryptionType,
        }),
      });
    }
  },
});
