import { ACCOUNT, add, arn, daysAgo, regional, type Props } from './builder.js';
import { groups, nets } from './network.js';

type Region = 'us-east-1' | 'eu-west-1';
const sse = (algorithm: 'AES256' | 'aws:kms', key?: string) => ({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, ...(key ? { KMSMasterKeyID: key } : {}) }, BucketKeyEnabled: algorithm === 'aws:kms' }] });
const blockAll = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const privateAcl = { Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'c0ffee' }, Permission: 'FULL_CONTROL' }] };

function bucket(name: string, region: Region, p: { encryption: Props; block: Props | null; versioning?: boolean; logging?: string; acl?: Props; lock?: boolean }): string {
  const uid = `arn:aws:s3:::${name}`;
  add('AWS::S3::Bucket', uid, name, {
    BucketName: name,
    BucketEncryption: p.encryption,
    PublicAccessBlockConfiguration: p.block,
    VersioningConfiguration: { Status: p.versioning ? 'Enabled' : 'Suspended' },
    LoggingConfiguration: p.logging ? { DestinationBucketName: p.logging, LogFilePrefix: `${name}/` } : null,
    ObjectLockEnabled: p.lock ?? false,
    OwnershipControls: { Rules: [{ ObjectOwnership: p.acl ? 'ObjectWriter' : 'BucketOwnerEnforced' }] },
    Acl: p.acl ?? privateAcl,
  }, { region, physicalId: name });
  return uid;
}
function policy(bucketName: string, region: Region, statements: Props[]) {
  add('AWS::S3::BucketPolicy', `arn:aws:s3:::${bucketName}#policy`, `${bucketName} policy`, { Bucket: bucketName, PolicyDocument: { Version: '2012-10-17', Statement: statements } }, { region });
}
const denyHttp = (name: string) => ({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });

const kmsData = arn('kms', 'us-east-1', 'key/3c1e9b7a-data');
bucket('brightwave-customer-data', 'us-east-1', { encryption: sse('aws:kms', kmsData), block: blockAll, versioning: true, logging: 'brightwave-access-logs' });
policy('brightwave-customer-data', 'us-east-1', [denyHttp('brightwave-customer-data')]);
bucket('brightwave-access-logs', 'us-east-1', { encryption: sse('AES256'), block: blockAll, versioning: true });
bucket('brightwave-cloudtrail', 'us-east-1', { encryption: sse('aws:kms', arn('kms', 'us-east-1', 'key/9a8b-trail')), block: blockAll, versioning: true, lock: true, logging: 'brightwave-access-logs' });
policy('brightwave-cloudtrail', 'us-east-1', [
  denyHttp('brightwave-cloudtrail'),
  { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::brightwave-cloudtrail/AWSLogs/${ACCOUNT}/*`, Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } } },
]);
bucket('brightwave-www', 'us-east-1', { encryption: sse('AES256'), block: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } });
policy('brightwave-www', 'us-east-1', [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::brightwave-www/*' }]);
bucket('brightwave-partner-exports', 'us-east-1', { encryption: sse('AES256'), block: null, acl: { Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'c0ffee' }, Permission: 'FULL_CONTROL' }, { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] } });
bucket('brightwave-ingest-raw', 'us-east-1', { encryption: sse('aws:kms', kmsData), block: blockAll, versioning: true });
bucket('brightwave-ml-artifacts', 'us-east-1', { encryption: sse('AES256'), block: blockAll });
bucket('brightwave-eu-customer-data', 'eu-west-1', { encryption: sse('aws:kms', arn('kms', 'eu-west-1', 'key/7e2d-eu')), block: blockAll, versioning: true });
policy('brightwave-eu-customer-data', 'eu-west-1', [denyHttp('brightwave-eu-customer-data')]);
bucket('brightwave-eu-reports', 'eu-west-1', { encryption: sse('AES256'), block: blockAll });
bucket('brightwave-terraform-state', 'eu-west-1', { encryption: sse('aws:kms', arn('kms', 'eu-west-1', 'key/7e2d-eu')), block: blockAll, versioning: true });

// Databases.
const rds = (region: Region, rest: string) => arn('rds', region, rest);
function db(region: Region, id: string, p: Props) {
  regional('AWS::RDS::DBInstance', region, rds(region, `db:${id}`), id, { DBInstanceIdentifier: id, Engine: 'postgres', DBSubnetGroupName: `bw-${region}-private`, VPCSecurityGroups: [groups.db], DeletionProtection: true, ...p }, { physicalId: id, tags: { env: 'prod' } });
}
db('us-east-1', 'bw-core-db', { StorageEncrypted: true, KmsKeyId: kmsData, PubliclyAccessible: false, MultiAZ: true, BackupRetentionPeriod: 14, DBParameterGroupName: 'bw-postgres16-secure' });
db('us-east-1', 'bw-analytics-replica', { StorageEncrypted: true, KmsKeyId: kmsData, PubliclyAccessible: false, MultiAZ: false, BackupRetentionPeriod: 0, DBParameterGroupName: 'bw-postgres16-secure' });
db('eu-west-1', 'bw-eu-reporting-db', { StorageEncrypted: false, PubliclyAccessible: true, MultiAZ: false, BackupRetentionPeriod: 7, DBParameterGroupName: 'default.postgres16', VPCSecurityGroups: [groups.euLegacy], DBSubnetGroupName: 'bw-eu-west-1-public' });
regional('AWS::RDS::DBCluster', 'us-east-1', rds('us-east-1', 'cluster:bw-events'), 'bw-events', { DBClusterIdentifier: 'bw-events', Engine: 'aurora-postgresql', StorageEncrypted: true, BackupRetentionPeriod: 7, DBClusterParameterGroupName: 'bw-aurora16-secure', AvailabilityZones: ['us-east-1a', 'us-east-1b'], MultiAZ: true }, { physicalId: 'bw-events' });
regional('AWS::RDS::DBParameterGroup', 'us-east-1', rds('us-east-1', 'pg:bw-postgres16-secure'), 'bw-postgres16-secure', { Family: 'postgres16', Parameters: { 'rds.force_ssl': '1' } }, { physicalId: 'bw-postgres16-secure' });
regional('AWS::RDS::DBParameterGroup', 'eu-west-1', rds('eu-west-1', 'pg:default.postgres16'), 'default.postgres16', { Family: 'postgres16', Parameters: { 'rds.force_ssl': '0' } }, { physicalId: 'default.postgres16' });
regional('AWS::RDS::DBClusterParameterGroup', 'us-east-1', rds('us-east-1', 'cluster-pg:bw-aurora16-secure'), 'bw-aurora16-secure', { Family: 'aurora-postgresql16', Parameters: { 'rds.force_ssl': '1' } }, { physicalId: 'bw-aurora16-secure' });

const table = (region: Region, name: string, pitr: boolean, kms?: string) =>
  regional('AWS::DynamoDB::Table', region, arn('dynamodb', region, `table/${name}`), name, { TableName: name, ...(kms ? { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: kms } } : {}), PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: pitr } }, { physicalId: name });
table('us-east-1', 'bw-tenants', true, kmsData);
table('us-east-1', 'bw-sessions', false);
table('us-east-1', 'bw-usage-events', true);
table('eu-west-1', 'bw-eu-tenants', true);

regional('AWS::EFS::FileSystem', 'us-east-1', arn('elasticfilesystem', 'us-east-1', 'file-system/fs-0a1b2c3d'), 'bw-shared-models', { Encrypted: true, KmsKeyId: kmsData, BackupPolicy: { Status: 'ENABLED' } }, { physicalId: 'fs-0a1b2c3d' });
regional('AWS::ElastiCache::ReplicationGroup', 'us-east-1', arn('elasticache', 'us-east-1', 'replicationgroup:bw-cache'), 'bw-cache', { AtRestEncryptionEnabled: true, TransitEncryptionEnabled: false, AutomaticFailoverEnabled: true, MultiAZEnabled: true, SecurityGroupIds: [groups.cache] }, { physicalId: 'bw-cache' });
regional('AWS::OpenSearchService::Domain', 'us-east-1', arn('es', 'us-east-1', 'domain/bw-search'), 'bw-search', { EncryptionAtRestOptions: { Enabled: true }, NodeToNodeEncryptionOptions: { Enabled: true }, DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }, VPCOptions: { SubnetIds: nets['us-east-1'].privateSubnets } }, { physicalId: 'bw-search' });
for (const [region, name, key] of [['us-east-1', 'bw-alerts', arn('kms', 'us-east-1', 'alias/aws/sns')], ['us-east-1', 'bw-billing-events', undefined], ['eu-west-1', 'bw-eu-alerts', arn('kms', 'eu-west-1', 'alias/aws/sns')]] as const) {
  regional('AWS::SNS::Topic', region, arn('sns', region, name), name, { TopicName: name, ...(key ? { KmsMasterKeyId: key } : {}) }, { physicalId: arn('sns', region, name) });
}
for (const [region, name, props] of [
  ['us-east-1', 'bw-ingest', { SqsManagedSseEnabled: true }],
  ['us-east-1', 'bw-ingest-dlq', { SqsManagedSseEnabled: true }],
  ['us-east-1', 'bw-exports', { KmsMasterKeyId: kmsData }],
  ['eu-west-1', 'bw-eu-legacy-jobs', { SqsManagedSseEnabled: false }],
] as const) {
  regional('AWS::SQS::Queue', region, arn('sqs', region, name), name, { QueueName: name, ...props }, { physicalId: `https://sqs.${region}.amazonaws.com/${ACCOUNT}/${name}` });
}

// Keys, secrets and parameters.
for (const [region, id, manager, rotation] of [['us-east-1', '3c1e9b7a-data', 'CUSTOMER', true], ['us-east-1', '9a8b-trail', 'CUSTOMER', true], ['eu-west-1', '7e2d-eu', 'CUSTOMER', false], ['us-east-1', 'aws-ebs', 'AWS', true]] as const) {
  regional('AWS::KMS::Key', region, arn('kms', region, `key/${id}`), id, { EnableKeyRotation: rotation, KeySpec: 'SYMMETRIC_DEFAULT', KeyManager: manager, KeyState: 'Enabled' }, { physicalId: id });
}
for (const [name, rotation, kms] of [['bw/api/stripe', true, kmsData], ['bw/api/db-credentials', true, kmsData], ['bw/worker/partner-sftp', false, undefined], ['bw/legacy/reporting', false, undefined]] as const) {
  regional('AWS::SecretsManager::Secret', 'us-east-1', arn('secretsmanager', 'us-east-1', `secret:${name}-AbCdEf`), name, { Name: name, ...(kms ? { KmsKeyId: kms } : {}), RotationEnabled: rotation, LastAccessedDate: daysAgo(1) });
}
for (const [region, name, type, looksSecret] of [
  ['us-east-1', '/bw/app/feature-flags', 'String', false],
  ['us-east-1', '/bw/app/log-level', 'String', false],
  ['us-east-1', '/bw/app/signing-key', 'SecureString', true],
  ['eu-west-1', '/bw/eu/reporting/db-password', 'String', true],
  ['eu-west-1', '/bw/eu/reporting/endpoint', 'String', false],
] as const) {
  regional('AWS::SSM::Parameter', region, arn('ssm', region, `parameter${name}`), name, { Name: name, Type: type, ...(type === 'SecureString' ? { KeyId: 'alias/aws/ssm' } : {}), NameLooksSecret: looksSecret }, { physicalId: name });
}

// Backups.
regional('AWS::Backup::BackupVault', 'us-east-1', arn('backup', 'us-east-1', 'backup-vault:bw-prod'), 'bw-prod', { BackupVaultName: 'bw-prod', EncryptionKeyArn: kmsData, ProtectedResources: [arn('dynamodb', 'us-east-1', 'table/bw-sessions'), arn('rds', 'us-east-1', 'db:bw-core-db')] }, { physicalId: 'bw-prod' });
regional('AWS::Backup::BackupPlan', 'us-east-1', arn('backup', 'us-east-1', 'backup-plan:6f1e'), 'bw-daily', { BackupPlan: { BackupPlanName: 'bw-daily', BackupPlanRule: [{ RuleName: 'daily', TargetBackupVault: 'bw-prod', ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }] } });
regional('AWS::Backup::BackupSelection', 'us-east-1', arn('backup', 'us-east-1', 'backup-plan:6f1e/selection/s1'), 'bw-daily-tagged', { BackupPlanId: '6f1e', BackupSelection: { SelectionName: 'tagged', IamRoleArn: arn('iam', '', 'role/service-role/AWSBackupDefaultServiceRole'), ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] } });
regional('AWS::DLM::LifecyclePolicy', 'eu-west-1', arn('dlm', 'eu-west-1', 'policy/policy-0eu1'), 'eu-snapshots', { State: 'ENABLED', PolicyDetails: { ResourceTypes: ['VOLUME'], TargetTags: [{ Key: 'snapshot', Value: 'weekly' }] } });
