// Test-only: a Region's data stores: RDS DB instances (in the default VPC or a subnet group of one of the Region's
// VPCs, with a parameter group of their own when TLS is set), DynamoDB tables (point-in-time recovery), EFS file systems
// (automatic backups).
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateDBInstanceCommand, CreateDBParameterGroupCommand, CreateDBSubnetGroupCommand, ModifyDBParameterGroupCommand, RDSClient } from '@aws-sdk/client-rds';
import type { DatabaseSpec, FileSystemSpec, RegionSpec, TableSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import type { SeededNetwork } from './network.js';
import type { SeededKeys } from './kms.js';
import { vpcNamed } from './vpcs.js';

const DEFAULT_VERSIONS = { mysql: '8.0.39', postgres: '16.4' } as const;

/** A DB parameter group of the instance's own, with the engine's "TLS only" parameter on or off. */
async function parameterGroup(rds: RDSClient, db: DatabaseSpec, engine: 'mysql' | 'postgres', version: string): Promise<string> {
  const name = `${db.id}-params`;
  const family = engine === 'postgres' ? `postgres${version.split('.')[0]}` : `mysql${version.split('.').slice(0, 2).join('.')}`;
  await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: name, DBParameterGroupFamily: family, Description: `${db.id} parameters` }));
  const parameter = engine === 'postgres' ? 'rds.force_ssl' : 'require_secure_transport';
  await rds.send(
    new ModifyDBParameterGroupCommand({ DBParameterGroupName: name, Parameters: [{ ParameterName: parameter, ParameterValue: db.forceSsl ? '1' : '0', ApplyMethod: 'pending-reboot' }] }),
  );
  return name;
}

async function createDatabase(rds: RDSClient, network: SeededNetwork, keys: SeededKeys, db: DatabaseSpec): Promise<void> {
  const KmsKeyId = db.kmsKey === undefined ? undefined : keys[db.kmsKey];
  if (db.kmsKey !== undefined && KmsKeyId === undefined) throw new Error(`database ${db.id}: no key aliased ${db.kmsKey} in the Region's keys`);
  const engine = db.engine ?? 'postgres';
  const version = db.engineVersion ?? DEFAULT_VERSIONS[engine];
  let placement: { DBSubnetGroupName?: string } = {};
  if (db.vpc !== undefined) {
    const vpc = vpcNamed(network.vpcs, db.vpc, `database ${db.id}`);
    const DBSubnetGroupName = `${db.id}-subnets`;
    const SubnetIds = db.publiclyAccessible ? vpc.publicSubnets : vpc.privateSubnets;
    await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName, DBSubnetGroupDescription: `${db.id} subnets`, SubnetIds }));
    placement = { DBSubnetGroupName };
  }
  const groups = db.securityGroups?.map((name) => {
    const id = network.securityGroups[name];
    if (!id) throw new Error(`database ${db.id}: no security group named ${name}`);
    return id;
  });
  const defaultGroup = db.vpc === undefined ? network.securityGroups['default'] : undefined;
  const VpcSecurityGroupIds = groups ?? (defaultGroup ? [defaultGroup] : undefined);
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: db.id,
      Engine: engine,
      EngineVersion: version,
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'scenario',
      MasterUserPassword: 'Scenario-Passw0rd-2026',
      StorageEncrypted: db.encrypted,
      ...(KmsKeyId ? { KmsKeyId } : {}),
      BackupRetentionPeriod: db.backupRetentionDays,
      PubliclyAccessible: db.publiclyAccessible,
      MultiAZ: db.multiAz ?? false,
      DeletionProtection: db.deletionProtection ?? false,
      ...placement,
      ...(VpcSecurityGroupIds ? { VpcSecurityGroupIds } : {}),
      ...(db.forceSsl !== undefined ? { DBParameterGroupName: await parameterGroup(rds, db, engine, version) } : {}),
      Tags: tagList(db.tags),
    }),
  );
}

async function createTable(dynamodb: DynamoDBClient, table: TableSpec): Promise<void> {
  await dynamodb.send(
    new CreateTableCommand({
      TableName: table.name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      ...(table.kmsEncryption ? { SSESpecification: { Enabled: true, SSEType: 'KMS' as const } } : {}),
      Tags: tagList(table.tags),
    }),
  );
  if (table.pointInTimeRecovery) {
    await dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: table.name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  }
}

/** moto has no PutBackupPolicy: CreateFileSystem's `Backup` flag sets the policy DescribeBackupPolicy reports. */
async function createFileSystem(efs: EFSClient, fs: FileSystemSpec): Promise<void> {
  await efs.send(new CreateFileSystemCommand({ CreationToken: fs.name, Encrypted: fs.encrypted, Backup: fs.automaticBackups, Tags: tagList(fs.tags, fs.name) }));
}

export async function seedDataStores(target: SeedTarget, region: string, spec: RegionSpec, network: SeededNetwork, concurrency = 8, keys: SeededKeys = {}): Promise<void> {
  const rds = target.client(RDSClient, region);
  const dynamodb = target.client(DynamoDBClient, region);
  const efs = target.client(EFSClient, region);
  await Promise.all([
    eachLimited(spec.databases ?? [], concurrency, (db) => createDatabase(rds, network, keys, db)),
    eachLimited(spec.tables ?? [], concurrency, (table) => createTable(dynamodb, table)),
    eachLimited(spec.fileSystems ?? [], concurrency, (fs) => createFileSystem(efs, fs)),
  ]);
}
