import { isResourceRef } from '../../../core/index.js';
import { Unresolved } from '../../shared/values.js';
import { at, block, blocks, bool, compact, json, num, opt, type Values } from './helpers.js';
import { oneToOne, type TfAttachment, type TfMapping } from './types.js';

/** Parameters of a parameter group: `parameter { name, value }` blocks → `{ name: value }`. */
function parameters(values: Values): unknown {
  const list = blocks(values, 'parameter');
  if (list instanceof Unresolved) return list;
  if (list.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const entry of list) {
    const name = at(entry, 'name');
    if (typeof name !== 'string') return new Unresolved('expression');
    Object.defineProperty(out, name, { value: at(entry, 'value'), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// A reference to another resource (`random_password.db.result`) is kept as the reference, as everywhere in the model:
// it holds no secret, and it shows the secret is not written in the code.
const REDACTED_IF_SET = (value: unknown): unknown =>
  value === undefined || value === null || value === '' ? undefined : value instanceof Unresolved || isResourceRef(value) ? value : '<redacted>';

const dbInstance = oneToOne('AWS::RDS::DBInstance', (values) =>
  compact({
    DBInstanceIdentifier: opt(at(values, 'identifier')),
    Engine: opt(at(values, 'engine')),
    EngineVersion: opt(at(values, 'engine_version')),
    DBInstanceClass: opt(at(values, 'instance_class')),
    StorageEncrypted: bool(at(values, 'storage_encrypted')) ?? false,
    KmsKeyId: opt(at(values, 'kms_key_id')),
    PubliclyAccessible: bool(at(values, 'publicly_accessible')) ?? false,
    MultiAZ: bool(at(values, 'multi_az')),
    BackupRetentionPeriod: num(at(values, 'backup_retention_period')),
    DBParameterGroupName: opt(at(values, 'parameter_group_name')),
    DBClusterIdentifier: opt(at(values, 'cluster_identifier')),
    DBSubnetGroupName: opt(at(values, 'db_subnet_group_name')),
    VPCSecurityGroups: opt(at(values, 'vpc_security_group_ids')),
    DeletionProtection: bool(at(values, 'deletion_protection')),
    AutoMinorVersionUpgrade: bool(at(values, 'auto_minor_version_upgrade')),
    EnableIAMDatabaseAuthentication: bool(at(values, 'iam_database_authentication_enabled')),
    EnablePerformanceInsights: bool(at(values, 'performance_insights_enabled')),
    MonitoringInterval: num(opt(at(values, 'monitoring_interval'))),
    CopyTagsToSnapshot: bool(at(values, 'copy_tags_to_snapshot')),
    MasterUsername: opt(at(values, 'username')),
    ManageMasterUserPassword: bool(at(values, 'manage_master_user_password')),
    MasterUserPassword: REDACTED_IF_SET(at(values, 'password')),
  }) ?? {},
);

const clusterInstance = oneToOne('AWS::RDS::DBInstance', (values) =>
  compact({
    DBInstanceIdentifier: opt(at(values, 'identifier')),
    DBClusterIdentifier: at(values, 'cluster_identifier'),
    Engine: opt(at(values, 'engine')),
    DBInstanceClass: opt(at(values, 'instance_class')),
    PubliclyAccessible: bool(at(values, 'publicly_accessible')) ?? false,
    DBParameterGroupName: opt(at(values, 'db_parameter_group_name')),
    AutoMinorVersionUpgrade: bool(at(values, 'auto_minor_version_upgrade')),
  }) ?? {},
);

const dbCluster = oneToOne('AWS::RDS::DBCluster', (values) =>
  compact({
    DBClusterIdentifier: opt(at(values, 'cluster_identifier')),
    Engine: opt(at(values, 'engine')),
    EngineVersion: opt(at(values, 'engine_version')),
    StorageEncrypted: bool(at(values, 'storage_encrypted')),
    KmsKeyId: opt(at(values, 'kms_key_id')),
    BackupRetentionPeriod: num(at(values, 'backup_retention_period')),
    DBClusterParameterGroupName: opt(at(values, 'db_cluster_parameter_group_name')),
    AvailabilityZones: opt(at(values, 'availability_zones')),
    DBSubnetGroupName: opt(at(values, 'db_subnet_group_name')),
    VpcSecurityGroupIds: opt(at(values, 'vpc_security_group_ids')),
    DeletionProtection: bool(at(values, 'deletion_protection')),
    MasterUsername: opt(at(values, 'master_username')),
    ManageMasterUserPassword: bool(at(values, 'manage_master_user_password')),
    MasterUserPassword: REDACTED_IF_SET(at(values, 'master_password')),
  }) ?? {},
);

function parameterGroup(type: string, nameKey: string) {
  return oneToOne(type, (values) => compact({ [nameKey]: opt(at(values, 'name')), Family: at(values, 'family'), Description: opt(at(values, 'description')), Parameters: parameters(values) }) ?? {});
}

const dynamoTable = oneToOne('AWS::DynamoDB::Table', (values) => {
  const sse = block(values, 'server_side_encryption');
  const enabled = bool(at(sse, 'enabled'));
  const kms = opt(at(sse, 'kms_key_arn'));
  const pitr = block(values, 'point_in_time_recovery');
  return compact({
    TableName: at(values, 'name'),
    BillingMode: opt(at(values, 'billing_mode')),
    SSESpecification: sse === undefined ? undefined : sse instanceof Unresolved ? sse : compact({ SSEEnabled: enabled, SSEType: enabled === true ? 'KMS' : undefined, KMSMasterKeyId: kms }),
    PointInTimeRecoverySpecification: pitr === undefined ? undefined : pitr instanceof Unresolved ? pitr : { PointInTimeRecoveryEnabled: bool(at(pitr, 'enabled')) },
    DeletionProtectionEnabled: bool(at(values, 'deletion_protection_enabled')),
  }) ?? {};
});

const efs = oneToOne('AWS::EFS::FileSystem', (values) =>
  compact({ Encrypted: bool(at(values, 'encrypted')) ?? false, KmsKeyId: opt(at(values, 'kms_key_id')), PerformanceMode: opt(at(values, 'performance_mode')), ThroughputMode: opt(at(values, 'throughput_mode')) }) ?? {},
);

const replicationGroup = oneToOne('AWS::ElastiCache::ReplicationGroup', (values) =>
  compact({
    ReplicationGroupId: at(values, 'replication_group_id'),
    Engine: opt(at(values, 'engine')),
    AtRestEncryptionEnabled: bool(at(values, 'at_rest_encryption_enabled')) ?? false,
    TransitEncryptionEnabled: bool(at(values, 'transit_encryption_enabled')) ?? false,
    AutomaticFailoverEnabled: bool(at(values, 'automatic_failover_enabled')) ?? false,
    MultiAZEnabled: bool(at(values, 'multi_az_enabled')) ?? false,
    KmsKeyId: opt(at(values, 'kms_key_id')),
    SnapshotRetentionLimit: num(opt(at(values, 'snapshot_retention_limit'))),
    AuthToken: REDACTED_IF_SET(at(values, 'auth_token')),
  }) ?? {},
);

const searchDomain = oneToOne('AWS::OpenSearchService::Domain', (values) => {
  const atRest = block(values, 'encrypt_at_rest');
  const nodeToNode = block(values, 'node_to_node_encryption');
  const endpoint = block(values, 'domain_endpoint_options');
  const cluster = block(values, 'cluster_config');
  return compact({
    DomainName: at(values, 'domain_name'),
    EngineVersion: opt(at(values, 'engine_version') ?? at(values, 'elasticsearch_version')),
    EncryptionAtRestOptions: atRest instanceof Unresolved ? atRest : compact({ Enabled: bool(at(atRest, 'enabled')) ?? false, KmsKeyId: opt(at(atRest, 'kms_key_id')) }),
    NodeToNodeEncryptionOptions: nodeToNode instanceof Unresolved ? nodeToNode : { Enabled: bool(at(nodeToNode, 'enabled')) ?? false },
    DomainEndpointOptions: endpoint instanceof Unresolved ? endpoint : compact({ EnforceHTTPS: bool(at(endpoint, 'enforce_https')), TLSSecurityPolicy: opt(at(endpoint, 'tls_security_policy')) }),
    ClusterConfig: cluster === undefined ? undefined : compact({ InstanceCount: num(at(cluster, 'instance_count')), ZoneAwarenessEnabled: bool(at(cluster, 'zone_awareness_enabled')), DedicatedMasterEnabled: bool(at(cluster, 'dedicated_master_enabled')) }),
    VPCOptions: block(values, 'vpc_options') === undefined ? undefined : compact({ SubnetIds: at(values, 'vpc_options', 0, 'subnet_ids'), SecurityGroupIds: opt(at(values, 'vpc_options', 0, 'security_group_ids')) }),
    AccessPolicies: opt(at(values, 'access_policies')) === undefined ? undefined : json(at(values, 'access_policies')),
  }) ?? {};
});

const redshift = oneToOne('AWS::Redshift::Cluster', (values) =>
  compact({
    ClusterIdentifier: at(values, 'cluster_identifier'),
    NodeType: opt(at(values, 'node_type')),
    NumberOfNodes: num(opt(at(values, 'number_of_nodes'))),
    Encrypted: bool(at(values, 'encrypted')),
    KmsKeyId: opt(at(values, 'kms_key_id')),
    PubliclyAccessible: bool(at(values, 'publicly_accessible')),
    AutomatedSnapshotRetentionPeriod: num(opt(at(values, 'automated_snapshot_retention_period'))),
    MasterUsername: opt(at(values, 'master_username')),
    MasterUserPassword: REDACTED_IF_SET(at(values, 'master_password')),
  }) ?? {},
);

export const DATA_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_db_instance: dbInstance,
  aws_rds_cluster_instance: clusterInstance,
  aws_rds_cluster: dbCluster,
  aws_db_parameter_group: parameterGroup('AWS::RDS::DBParameterGroup', 'DBParameterGroupName'),
  aws_rds_cluster_parameter_group: parameterGroup('AWS::RDS::DBClusterParameterGroup', 'DBClusterParameterGroupName'),
  aws_db_subnet_group: oneToOne('AWS::RDS::DBSubnetGroup', (values) => compact({ DBSubnetGroupName: opt(at(values, 'name')), SubnetIds: at(values, 'subnet_ids'), DBSubnetGroupDescription: opt(at(values, 'description')) }) ?? {}),
  aws_dynamodb_table: dynamoTable,
  aws_efs_file_system: efs,
  aws_elasticache_replication_group: replicationGroup,
  aws_opensearch_domain: searchDomain,
  aws_elasticsearch_domain: searchDomain,
  aws_redshift_cluster: redshift,
};

export const DATA_ATTACHMENTS: Readonly<Record<string, TfAttachment>> = {
  aws_efs_backup_policy: {
    targets: ['aws_efs_file_system'],
    via: 'file_system_id',
    targetKey: 'id',
    merge: 'set',
    contribute: (values) => ({ BackupPolicy: { Status: at(values, 'backup_policy', 0, 'status') } }),
  },
};
