// Test-only: a Region's data stores: RDS DB instances, DynamoDB tables (point-in-time recovery), EFS file systems
// (automatic backups).
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import type { DatabaseSpec, FileSystemSpec, RegionSpec, TableSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import type { SeededNetwork } from './network.js';

const DEFAULT_VERSIONS = { mysql: '8.0.39', postgres: '16.4' } as const;

async function createDatabase(rds: RDSClient, network: SeededNetwork, db: DatabaseSpec): Promise<void> {
  const engine = db.engine ?? 'postgres';
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: db.id,
      Engine: engine,
      EngineVersion: db.engineVersion ?? DEFAULT_VERSIONS[engine],
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'scenario',
      MasterUserPassword: 'Scenario-Passw0rd-2026',
      StorageEncrypted: db.encrypted,
      BackupRetentionPeriod: db.backupRetentionDays,
      PubliclyAccessible: db.publiclyAccessible,
      MultiAZ: db.multiAz ?? false,
      DeletionProtection: db.deletionProtection ?? false,
      ...(network.securityGroups['default'] ? { VpcSecurityGroupIds: [network.securityGroups['default']] } : {}),
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

export async function seedDataStores(target: SeedTarget, region: string, spec: RegionSpec, network: SeededNetwork, concurrency = 8): Promise<void> {
  const rds = target.client(RDSClient, region);
  const dynamodb = target.client(DynamoDBClient, region);
  const efs = target.client(EFSClient, region);
  await Promise.all([
    eachLimited(spec.databases ?? [], concurrency, (db) => createDatabase(rds, network, db)),
    eachLimited(spec.tables ?? [], concurrency, (table) => createTable(dynamodb, table)),
    eachLimited(spec.fileSystems ?? [], concurrency, (fs) => createFileSystem(efs, fs)),
  ]);
}
