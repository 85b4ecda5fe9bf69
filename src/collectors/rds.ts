/**
 * RDS (and the Aurora, DocumentDB and Neptune databases the RDS API manages): DB instances, DB clusters, and their
 * parameter groups in CloudFormation's shape.
 *
 * Parameter groups: only the parameters a user set (`Source=user`) are read, not the hundreds of engine defaults
 * each group lists, so `Parameters` holds what the group overrides and a name absent from it takes the engine default
 * (docs/resource-model.md). Groups named `default.*` cannot be modified, so nothing is read for them: their
 * `Parameters` is `{}`.
 *
 * `PubliclyAccessible`: AWS always returns it; a DB instance answer without it (moto, when it was not given at
 * create) leaves it unwritten, which the rules read as unknown rather than as false.
 */
import {
  DescribeDBClusterParameterGroupsCommand,
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBParameterGroupsCommand,
  DescribeDBParametersCommand,
  RDSClient,
  type DBCluster,
  type DBInstance,
  type Parameter,
} from '@aws-sdk/client-rds';
import { buildArn, defined, tagMap } from './framework/aws-values.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

const OPERATIONS = {
  DescribeDBInstances: 'rds:DescribeDBInstances',
  DescribeDBClusters: 'rds:DescribeDBClusters',
  DescribeDBParameterGroups: 'rds:DescribeDBParameterGroups',
  DescribeDBParameters: 'rds:DescribeDBParameters',
  DescribeDBClusterParameterGroups: 'rds:DescribeDBClusterParameterGroups',
  DescribeDBClusterParameters: 'rds:DescribeDBClusterParameters',
} as const;

type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const PER_GROUP_CONCURRENCY = 4;
const PAGE_SIZE = 100;

export default defineCollector({
  service: 'rds',
  scope: 'regional',
  operations: OPERATIONS,
  listings: {
    DescribeDBInstances: ['AWS::RDS::DBInstance'],
    DescribeDBClusters: ['AWS::RDS::DBCluster'],
    DescribeDBParameterGroups: ['AWS::RDS::DBParameterGroup'],
    DescribeDBClusterParameterGroups: ['AWS::RDS::DBClusterParameterGroup'],
  },
  produces: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
  async collect(ctx) {
    await Promise.all([collectInstances(ctx), collectClusters(ctx), collectParameterGroups(ctx), collectClusterParameterGroups(ctx)]);
  },
});

async function collectInstances(ctx: Ctx): Promise<void> {
  const rds = ctx.client(RDSClient);
  const instances = await ctx.pages(
    'DescribeDBInstances',
    (Marker, o) => rds.send(new DescribeDBInstancesCommand({ Marker, MaxRecords: PAGE_SIZE }), o),
    (page) => page.Marker,
    (page) => page.DBInstances,
  );
  if (!instances.ok) return;
  for (const db of instances.value) {
    const id = db.DBInstanceIdentifier;
    if (id === undefined) continue;
    ctx.emit({
      uid: db.DBInstanceArn ?? buildArn(ctx.apiRegion, 'rds', ctx.region, ctx.account, `db:${id}`),
      type: 'AWS::RDS::DBInstance',
      name: id,
      physicalId: id,
      properties: instanceProperties(db),
      tags: tagMap(db.TagList),
    });
  }
}

function instanceProperties(db: DBInstance): Record<string, unknown> {
  return defined({
    DBInstanceIdentifier: db.DBInstanceIdentifier,
    DBInstanceClass: db.DBInstanceClass,
    DBInstanceStatus: db.DBInstanceStatus,
    Engine: db.Engine,
    EngineVersion: db.EngineVersion,
    StorageEncrypted: db.StorageEncrypted,
    KmsKeyId: db.KmsKeyId,
    PubliclyAccessible: db.PubliclyAccessible,
    MultiAZ: db.MultiAZ,
    BackupRetentionPeriod: db.BackupRetentionPeriod,
    DeletionProtection: db.DeletionProtection,
    DBParameterGroupName: db.DBParameterGroups?.[0]?.DBParameterGroupName,
    DBClusterIdentifier: db.DBClusterIdentifier,
    DBSubnetGroupName: db.DBSubnetGroup?.DBSubnetGroupName,
    VPCSecurityGroups: db.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId).filter((g): g is string => g !== undefined),
    SourceDBInstanceIdentifier: db.ReadReplicaSourceDBInstanceIdentifier,
    AvailabilityZone: db.AvailabilityZone,
    Endpoint: db.Endpoint ? defined({ Address: db.Endpoint.Address, Port: db.Endpoint.Port }) : undefined,
    SubnetIds: db.DBSubnetGroup?.Subnets?.map((s) => s.SubnetIdentifier).filter((s): s is string => s !== undefined),
  });
}

async function collectClusters(ctx: Ctx): Promise<void> {
  const rds = ctx.client(RDSClient);
  const clusters = await ctx.pages(
    'DescribeDBClusters',
    (Marker, o) => rds.send(new DescribeDBClustersCommand({ Marker, MaxRecords: PAGE_SIZE }), o),
    (page) => page.Marker,
    (page) => page.DBClusters,
  );
  if (!clusters.ok) return;
  for (const cluster of clusters.value) {
    const id = cluster.DBClusterIdentifier;
    if (id === undefined) continue;
    ctx.emit({
      uid: cluster.DBClusterArn ?? buildArn(ctx.apiRegion, 'rds', ctx.region, ctx.account, `cluster:${id}`),
      type: 'AWS::RDS::DBCluster',
      name: id,
      physicalId: id,
      properties: clusterProperties(cluster),
      tags: tagMap(cluster.TagList),
    });
  }
}

function clusterProperties(cluster: DBCluster): Record<string, unknown> {
  return defined({
    DBClusterIdentifier: cluster.DBClusterIdentifier,
    Engine: cluster.Engine,
    EngineVersion: cluster.EngineVersion,
    EngineMode: cluster.EngineMode,
    StorageEncrypted: cluster.StorageEncrypted,
    KmsKeyId: cluster.KmsKeyId,
    BackupRetentionPeriod: cluster.BackupRetentionPeriod,
    DeletionProtection: cluster.DeletionProtection,
    DBClusterParameterGroupName: cluster.DBClusterParameterGroup,
    AvailabilityZones: cluster.AvailabilityZones,
    MultiAZ: cluster.MultiAZ,
    PubliclyAccessible: cluster.PubliclyAccessible,
    DBSubnetGroupName: cluster.DBSubnetGroup,
    VpcSecurityGroupIds: cluster.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId).filter((g): g is string => g !== undefined),
    DBClusterMembers: cluster.DBClusterMembers?.map((m) => defined({ DBInstanceIdentifier: m.DBInstanceIdentifier, IsClusterWriter: m.IsClusterWriter })),
  });
}

interface GroupSummary {
  name: string;
  arn: string;
  family: string | undefined;
  description: string | undefined;
}

/** The parameters a user set in the group, as CloudFormation's name → value map. */
function parameterMap(parameters: readonly Parameter[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parameters) if (p.ParameterName !== undefined && p.ParameterValue !== undefined) out[p.ParameterName] = p.ParameterValue;
  return out;
}

async function emitGroups(
  ctx: Ctx,
  groups: readonly GroupSummary[],
  type: 'AWS::RDS::DBParameterGroup' | 'AWS::RDS::DBClusterParameterGroup',
  operation: 'DescribeDBParameters' | 'DescribeDBClusterParameters',
  readUserParameters: (name: string, marker: string | undefined, o: { abortSignal: AbortSignal }) => Promise<{ Parameters?: Parameter[] | undefined; Marker?: string | undefined }>,
): Promise<void> {
  await mapLimit(groups, PER_GROUP_CONCURRENCY, async (group) => {
    const base = { uid: group.arn, type, name: group.name, physicalId: group.name };
    const nameKey = type === 'AWS::RDS::DBParameterGroup' ? 'DBParameterGroupName' : 'DBClusterParameterGroupName';
    const properties: Record<string, unknown> = { [nameKey]: group.name, ...defined({ Family: group.family, Description: group.description }) };
    // Default groups cannot be modified: every parameter in them is an engine default.
    if (group.name.startsWith('default.')) return ctx.emit({ ...base, properties: { ...properties, Parameters: {} } });
    const parameters = await ctx.pages(
      operation,
      (marker, o) => readUserParameters(group.name, marker, o),
      (page) => page.Marker,
      (page) => page.Parameters,
      { resource: group.arn },
    );
    if (!parameters.ok) return ctx.emit({ ...base, properties, unknown: [{ path: '/Parameters', reason: parameters.reason }] });
    ctx.emit({ ...base, properties: { ...properties, Parameters: parameterMap(parameters.value) } });
  });
}

async function collectParameterGroups(ctx: Ctx): Promise<void> {
  const rds = ctx.client(RDSClient);
  const groups = await ctx.pages(
    'DescribeDBParameterGroups',
    (Marker, o) => rds.send(new DescribeDBParameterGroupsCommand({ Marker, MaxRecords: PAGE_SIZE }), o),
    (page) => page.Marker,
    (page) => page.DBParameterGroups,
  );
  if (!groups.ok) return;
  const summaries = groups.value.flatMap((g) =>
    g.DBParameterGroupName === undefined
      ? []
      : [{ name: g.DBParameterGroupName, arn: g.DBParameterGroupArn ?? buildArn(ctx.apiRegion, 'rds', ctx.region, ctx.account, `pg:${g.DBParameterGroupName}`), family: g.DBParameterGroupFamily, description: g.Description }],
  );
  await emitGroups(ctx, summaries, 'AWS::RDS::DBParameterGroup', 'DescribeDBParameters', (DBParameterGroupName, Marker, o) =>
    rds.send(new DescribeDBParametersCommand({ DBParameterGroupName, Source: 'user', Marker, MaxRecords: PAGE_SIZE }), o),
  );
}

async function collectClusterParameterGroups(ctx: Ctx): Promise<void> {
  const rds = ctx.client(RDSClient);
  const groups = await ctx.pages(
    'DescribeDBClusterParameterGroups',
    (Marker, o) => rds.send(new DescribeDBClusterParameterGroupsCommand({ Marker, MaxRecords: PAGE_SIZE }), o),
    (page) => page.Marker,
    (page) => page.DBClusterParameterGroups,
  );
  if (!groups.ok) return;
  const summaries = groups.value.flatMap((g) =>
    g.DBClusterParameterGroupName === undefined
      ? []
      : [
          {
            name: g.DBClusterParameterGroupName,
            arn: g.DBClusterParameterGroupArn ?? buildArn(ctx.apiRegion, 'rds', ctx.region, ctx.account, `cluster-pg:${g.DBClusterParameterGroupName}`),
            family: g.DBParameterGroupFamily,
            description: g.Description,
          },
        ],
  );
  await emitGroups(ctx, summaries, 'AWS::RDS::DBClusterParameterGroup', 'DescribeDBClusterParameters', (DBClusterParameterGroupName, Marker, o) =>
    rds.send(new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName, Source: 'user', Marker, MaxRecords: PAGE_SIZE }), o),
  );
}
