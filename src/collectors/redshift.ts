/** Amazon Redshift provisioned clusters: DescribeClusters → `AWS::Redshift::Cluster` (encryption, public access). */
import { DescribeClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { buildArn, defined, tagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'redshift',
  scope: 'regional',
  operations: {
    DescribeClusters: 'redshift:DescribeClusters',
  },
  listings: { DescribeClusters: ['AWS::Redshift::Cluster'] },
  produces: ['AWS::Redshift::Cluster'],
  async collect(ctx) {
    const redshift = ctx.client(RedshiftClient);
    const clusters = await ctx.pages(
      'DescribeClusters',
      (Marker, o) => redshift.send(new DescribeClustersCommand({ Marker, MaxRecords: 100 }), o),
      (page) => page.Marker,
      (page) => page.Clusters,
    );
    if (!clusters.ok) return;
    for (const cluster of clusters.value) {
      const id = cluster.ClusterIdentifier;
      if (id === undefined) continue;
      ctx.emit({
        // DescribeClusters gives no cluster ARN; this is the documented form.
        uid: buildArn(ctx.apiRegion, 'redshift', ctx.region, ctx.account, `cluster:${id}`),
        type: 'AWS::Redshift::Cluster',
        name: id,
        physicalId: id,
        properties: defined({
          ClusterIdentifier: id,
          ClusterStatus: cluster.ClusterStatus,
          NodeType: cluster.NodeType,
          NumberOfNodes: cluster.NumberOfNodes,
          Encrypted: cluster.Encrypted,
          KmsKeyId: cluster.KmsKeyId,
          PubliclyAccessible: cluster.PubliclyAccessible,
          ClusterSubnetGroupName: cluster.ClusterSubnetGroupName,
          VpcId: cluster.VpcId,
          VpcSecurityGroupIds: cluster.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId).filter((g): g is string => g !== undefined),
          AutomatedSnapshotRetentionPeriod: cluster.AutomatedSnapshotRetentionPeriod,
          EnhancedVpcRouting: cluster.EnhancedVpcRouting,
          AvailabilityZone: cluster.AvailabilityZone,
          MultiAZ: cluster.MultiAZ === undefined ? undefined : cluster.MultiAZ === 'Enabled',
        }),
        tags: tagMap(cluster.Tags),
      });
    }
  },
});
