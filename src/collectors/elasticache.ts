/**
 * ElastiCache (Valkey / Redis OSS) replication groups: DescribeReplicationGroups → `AWS::ElastiCache::ReplicationGroup`
 * (encryption at rest and in transit, failover, Multi-AZ). Standalone cache clusters (Memcached, or Redis without a
 * replication group) are not collected: no rule reads them yet.
 */
import { DescribeReplicationGroupsCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

/** `enabled`/`enabling` (and the pending states on the way there) count as on, as CloudFormation's boolean would. */
function isOn(status: string | undefined): boolean | undefined {
  return status === undefined ? undefined : status === 'enabled' || status === 'enabling';
}

export default defineCollector({
  service: 'elasticache',
  scope: 'regional',
  operations: {
    DescribeReplicationGroups: 'elasticache:DescribeReplicationGroups',
  },
  listings: { DescribeReplicationGroups: ['AWS::ElastiCache::ReplicationGroup'] },
  produces: ['AWS::ElastiCache::ReplicationGroup'],
  async collect(ctx) {
    const client = ctx.client(ElastiCacheClient);
    const groups = await ctx.pages(
      'DescribeReplicationGroups',
      (Marker, o) => client.send(new DescribeReplicationGroupsCommand({ Marker, MaxRecords: 100 }), o),
      (page) => page.Marker,
      (page) => page.ReplicationGroups,
    );
    if (!groups.ok) return;
    for (const group of groups.value) {
      const id = group.ReplicationGroupId;
      if (id === undefined) continue;
      ctx.emit({
        uid: group.ARN ?? buildArn(ctx.apiRegion, 'elasticache', ctx.region, ctx.account, `replicationgroup:${id}`),
        type: 'AWS::ElastiCache::ReplicationGroup',
        name: id,
        physicalId: id,
        properties: defined({
          ReplicationGroupId: id,
          Engine: group.Engine,
          CacheNodeType: group.CacheNodeType,
          Status: group.Status,
          AtRestEncryptionEnabled: group.AtRestEncryptionEnabled,
          KmsKeyId: group.KmsKeyId,
          TransitEncryptionEnabled: group.TransitEncryptionEnabled,
          TransitEncryptionMode: group.TransitEncryptionMode,
          AuthTokenEnabled: group.AuthTokenEnabled,
          AutomaticFailoverEnabled: isOn(group.AutomaticFailover),
          MultiAZEnabled: isOn(group.MultiAZ),
          ClusterMode: group.ClusterMode,
          NumNodeGroups: group.NodeGroups?.length,
          SnapshotRetentionLimit: group.SnapshotRetentionLimit,
        }),
      });
    }
  },
});
