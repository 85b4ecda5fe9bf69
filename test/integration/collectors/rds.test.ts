// The RDS collector: instances (public, private, and moto's "PubliclyAccessible not given"), an Aurora cluster,
// parameter groups with the TLS parameters the rules read (only user-set values), pagination, denials per
// operation, throttling, and one denied parameter group among several.
import {
  CreateDBClusterCommand,
  CreateDBClusterParameterGroupCommand,
  CreateDBInstanceCommand,
  CreateDBParameterGroupCommand,
  ModifyDBClusterParameterGroupCommand,
  ModifyDBParameterGroupCommand,
  RDSClient,
  type CreateDBInstanceCommandInput,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import rds from '../../../src/collectors/rds.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const GROUP = 'AWS::RDS::DBParameterGroup';
const CLUSTER_GROUP = 'AWS::RDS::DBClusterParameterGroup';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const client = () => new RDSClient(clientConfig(h.endpoint));

async function createInstance(id: string, input: Partial<CreateDBInstanceCommandInput> = {}): Promise<void> {
  await client().send(
    new CreateDBInstanceCommand({ DBInstanceIdentifier: id, DBInstanceClass: 'db.t3.micro', Engine: 'postgres', EngineVersion: '16.1', MasterUsername: 'admin', MasterUserPassword: 'never-read-1', AllocatedStorage: 20, ...input }),
  );
}

async function createGroup(name: string, parameters: Record<string, string>): Promise<void> {
  await client().send(new CreateDBParameterGroupCommand({ DBParameterGroupName: name, DBParameterGroupFamily: 'postgres16', Description: `${name} group` }));
  const Parameters = Object.entries(parameters).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue, ApplyMethod: 'immediate' as const }));
  if (Parameters.length > 0) await client().send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: name, Parameters }));
}

async function seedAll(): Promise<void> {
  await createGroup('pg-tls', { 'rds.force_ssl': '1', log_statement: 'ddl' });
  await createInstance('db-public', { PubliclyAccessible: true, DBParameterGroupName: 'pg-tls', StorageEncrypted: true, MultiAZ: true, Tags: [{ Key: 'team', Value: 'core' }] });
  await createInstance('db-private', { Engine: 'mysql', EngineVersion: '8.0.35', PubliclyAccessible: false });
  await createInstance('db-unstated');
  await client().send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'aurora-tls', DBParameterGroupFamily: 'aurora-mysql8.0', Description: 'tls' }));
  await client().send(
    new ModifyDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'aurora-tls', Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'ON', ApplyMethod: 'immediate' }] }),
  );
  await client().send(
    new CreateDBClusterCommand({ DBClusterIdentifier: 'aurora', Engine: 'aurora-mysql', MasterUsername: 'admin', MasterUserPassword: 'never-read-1', DBClusterParameterGroupName: 'aurora-tls', StorageEncrypted: true }),
  );
}

it('writes instances, clusters and parameter groups in CloudFormation’s shape', async () => {
  await seedAll();
  h.proxy.clearCalls();
  const snapshot = await scanWith(h, [rds]);

  const pub = resourceNamed(snapshot, INSTANCE, 'db-public');
  expect(pub).toMatchObject({ uid: 'arn:aws:rds:us-east-1:123456789012:db:db-public', physicalId: 'db-public', region: 'us-east-1', tags: { team: 'core' }, unknown: [] });
  expect(pub.properties).toEqual({
    DBInstanceIdentifier: 'db-public',
    DBInstanceClass: 'db.t3.micro',
    DBInstanceStatus: 'available',
    Engine: 'postgres',
    EngineVersion: '16.1',
    StorageEncrypted: true,
    KmsKeyId: expect.any(String),
    PubliclyAccessible: true,
    MultiAZ: true,
    BackupRetentionPeriod: 1,
    DeletionProtection: false,
    DBParameterGroupName: 'pg-tls',
    VPCSecurityGroups: [expect.stringMatching(/^sg-/)],
    AvailabilityZone: expect.any(String),
    Endpoint: { Address: expect.stringContaining('db-public'), Port: 5432 },
  });
  expect(resourceNamed(snapshot, INSTANCE, 'db-private').properties).toMatchObject({ Engine: 'mysql', PubliclyAccessible: false, DBParameterGroupName: expect.stringMatching(/^default\./) });
  // moto leaves PubliclyAccessible out when it was not given; AWS never does. Absent stays absent, never false.
  expect(resourceNamed(snapshot, INSTANCE, 'db-unstated').properties).not.toHaveProperty('PubliclyAccessible');

  expect(resourceNamed(snapshot, CLUSTER, 'aurora')).toMatchObject({
    uid: 'arn:aws:rds:us-east-1:123456789012:cluster:aurora',
    properties: { DBClusterIdentifier: 'aurora', Engine: 'aurora-mysql', StorageEncrypted: true, BackupRetentionPeriod: 1, DBClusterParameterGroupName: 'aurora-tls', MultiAZ: false, AvailabilityZones: expect.any(Array) },
  });
  expect(resourceNamed(snapshot, GROUP, 'pg-tls')).toMatchObject({
    uid: 'arn:aws:rds:us-east-1:123456789012:pg:pg-tls',
    physicalId: 'pg-tls',
    properties: { DBParameterGroupName: 'pg-tls', Family: 'postgres16', Description: 'pg-tls group', Parameters: { 'rds.force_ssl': '1', log_statement: 'ddl' } },
  });
  const defaults = resourcesOf(snapshot, GROUP).filter((g) => g.name?.startsWith('default.'));
  expect(defaults.length).toBeGreaterThan(0);
  for (const g of defaults) expect(g.properties['Parameters']).toEqual({});
  expect(resourceNamed(snapshot, CLUSTER_GROUP, 'aurora-tls').properties).toMatchObject({ DBClusterParameterGroupName: 'aurora-tls', Family: 'aurora-mysql8.0', Parameters: { require_secure_transport: 'ON' } });

  // Only user-set parameters are asked for, and never for an unmodifiable default group.
  const parameterCalls = h.proxy.callsTo('rds', 'DescribeDBParameters');
  expect(parameterCalls).toHaveLength(1);
  for (const [action, type] of [
    ['rds:DescribeDBInstances', INSTANCE],
    ['rds:DescribeDBClusters', CLUSTER],
    ['rds:DescribeDBParameterGroups', GROUP],
    ['rds:DescribeDBClusterParameterGroups', CLUSTER_GROUP],
  ] as const) {
    expect(record(snapshot, action)).toMatchObject({ outcome: 'ok', lists: [type] });
  }

  const uid = (id: string) => resourceNamed(snapshot, INSTANCE, id).uid;
  expect(outcomeOn(snapshot, 'rds-instance-not-public', uid('db-public'))).toBe('fail');
  expect(outcomeOn(snapshot, 'rds-instance-not-public', uid('db-private'))).toBe('pass');
  expect(outcomeOn(snapshot, 'rds-instance-not-public', uid('db-unstated'))).toBe('unknown');
  expect(outcomeOn(snapshot, 'rds-public-instance-forces-tls', uid('db-public'))).toBe('pass');
  expect(outcomeOn(snapshot, 'rds-storage-encrypted', resourceNamed(snapshot, CLUSTER, 'aurora').uid)).toBe('pass');
  expect(outcomeOn(snapshot, 'rds-storage-encrypted', uid('db-private'))).toBe('fail');
});

it('follows DescribeDBInstances to the last page', async () => {
  const ids = ['db-1', 'db-2', 'db-3', 'db-4', 'db-5'];
  for (const id of ids) await createInstance(id, { PubliclyAccessible: false });
  h.proxy.paginate({ service: 'rds', operation: 'DescribeDBInstances' }, { pageSize: 2 });
  const snapshot = await scanWith(h, [rds]);
  expect(resourcesOf(snapshot, INSTANCE).map((i) => i.name).sort()).toEqual(ids);
  expect(h.proxy.callsTo('rds', 'DescribeDBInstances').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves what a denied listing would have listed unknown, and only that', async () => {
  // Everything that is seen passes (moto's clusters are never Multi-AZ, so rds-multi-az is judged with clusters denied).
  await createGroup('pg-tls', { 'rds.force_ssl': '1' });
  await createInstance('db-public', { PubliclyAccessible: true, DBParameterGroupName: 'pg-tls', StorageEncrypted: true, MultiAZ: true });
  await client().send(new CreateDBClusterCommand({ DBClusterIdentifier: 'aurora', Engine: 'aurora-mysql', MasterUsername: 'admin', MasterUserPassword: 'never-read-1', StorageEncrypted: true }));
  const cases = [
    { operation: 'DescribeDBInstances', action: 'rds:DescribeDBInstances', type: INSTANCE, rules: ['rds-instance-not-public', 'rds-public-instance-forces-tls', 'rds-storage-encrypted', 'rds-automated-backups-enabled'] },
    { operation: 'DescribeDBClusters', action: 'rds:DescribeDBClusters', type: CLUSTER, rules: ['rds-storage-encrypted', 'rds-multi-az', 'rds-automated-backups-enabled'] },
    { operation: 'DescribeDBParameterGroups', action: 'rds:DescribeDBParameterGroups', type: GROUP, rules: ['rds-public-instance-forces-tls'] },
  ];
  for (const c of cases) {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'rds', operation: c.operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [rds]);
    expect(resourcesOf(snapshot, c.type), c.operation).toEqual([]);
    expectFailure(snapshot, c.action, 'access_denied', { rules: c.rules });
    for (const other of [INSTANCE, CLUSTER, GROUP].filter((t) => t !== c.type)) expect(resourcesOf(snapshot, other).length, `${other} with ${c.operation} denied`).toBeGreaterThan(0);
  }
});

it('marks a parameter group whose parameters were denied or throttled, and the TLS rule cannot pass', async () => {
  await seedAll();
  h.proxy.fault({ service: 'rds', operation: 'DescribeDBParameters' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [rds]);
  const group = resourceNamed(denied, GROUP, 'pg-tls');
  expect(group.unknown).toEqual([{ path: '/Parameters', reason: 'collection_failed:rds:DescribeDBParameters' }]);
  expect(group.properties['Parameters']).toBeUndefined();
  expectFailure(denied, 'rds:DescribeDBParameters', 'access_denied', { affected: [group.uid], rules: ['rds-public-instance-forces-tls'] });
  expect(record(denied, 'rds:DescribeDBParameterGroups').lists).toEqual([GROUP]);

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'rds', operation: 'DescribeDBClusterParameters' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [rds], { maxAttempts: 1 });
  const clusterGroup = resourceNamed(throttled, CLUSTER_GROUP, 'aurora-tls');
  expect(unknownPaths(clusterGroup)).toEqual(['/Parameters']);
  expectFailure(throttled, 'rds:DescribeDBClusterParameters', 'throttled', { affected: [clusterGroup.uid], rules: [] });
});

it('marks only the parameter group whose read was denied', async () => {
  for (const name of ['pg-a', 'pg-b', 'pg-c']) await createGroup(name, { 'rds.force_ssl': '1' });
  h.proxy.fault({ service: 'rds', operation: 'DescribeDBParameters' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [rds]);
  const r = record(snapshot, 'rds:DescribeDBParameters');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  const marked = resourcesOf(snapshot, GROUP).filter((g) => g.unknown.length > 0);
  expect(marked.map((g) => g.uid)).toEqual(r.affected);
  expect(resourcesOf(snapshot, GROUP).filter((g) => g.properties['Parameters'] !== undefined && !g.name?.startsWith('default.'))).toHaveLength(2);
});
