// The DynamoDB collector: tables with an AWS owned key and a KMS key, point-in-time recovery, tags, ListTables
// pagination, denials per operation, throttling, and one denied DescribeTable among several.
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import dax from '../../../src/collectors/dax.js';
import dynamodb from '../../../src/collectors/dynamodb.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const TABLE = 'AWS::DynamoDB::Table';
const ENCRYPTED = 'dynamodb-encrypted-at-rest';
const BACKED_UP = 'dynamodb-table-backed-up';

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

const client = () => new DynamoDBClient(clientConfig(h.endpoint));

async function createTable(TableName: string, input: Partial<CreateTableCommandInput> = {}): Promise<void> {
  await client().send(
    new CreateTableCommand({ TableName, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST', ...input }),
  );
}

it('reads encryption, point-in-time recovery and tags of each table', async () => {
  await createTable('orders', { SSESpecification: { Enabled: true, SSEType: 'KMS' }, Tags: [{ Key: 'backup', Value: 'daily' }] });
  await client().send(new UpdateContinuousBackupsCommand({ TableName: 'orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  await createTable('events');

  const snapshot = await scanWith(h, [dynamodb, dax]);
  const orders = resourceNamed(snapshot, TABLE, 'orders');
  expect(orders).toMatchObject({ uid: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders', physicalId: 'orders', region: 'us-east-1', tags: { backup: 'daily' }, unknown: [] });
  expect(orders.properties).toEqual({
    TableName: 'orders',
    TableStatus: 'ACTIVE',
    BillingMode: 'PAY_PER_REQUEST',
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//) },
    DeletionProtectionEnabled: false,
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
  });
  expect(resourceNamed(snapshot, TABLE, 'events').properties).toMatchObject({ SSESpecification: { SSEEnabled: false }, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } });
  expect(record(snapshot, 'dynamodb:ListTables')).toMatchObject({ outcome: 'ok', lists: [TABLE] });
  for (const action of ['dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:ListTagsOfResource']) expect(record(snapshot, action)).toMatchObject({ outcome: 'ok', calls: { ok: 2 } });

  expect(outcomeOn(snapshot, ENCRYPTED, orders.uid)).toBe('pass');
  expect(outcomeOn(snapshot, ENCRYPTED, resourceNamed(snapshot, TABLE, 'events').uid)).toBe('pass');
  expect(outcomeOn(snapshot, BACKED_UP, orders.uid)).toBe('pass');
  // PITR off and AWS Backup not collected here: undecided, never failed.
  expect(outcomeOn(snapshot, BACKED_UP, resourceNamed(snapshot, TABLE, 'events').uid)).toBe('unknown');
});

it('follows ListTables to the last page', async () => {
  const names = ['t1', 't2', 't3', 't4', 't5'];
  for (const name of names) await createTable(name);
  h.proxy.paginate({ service: 'dynamodb', operation: 'ListTables' }, { pageSize: 2 });
  const snapshot = await scanWith(h, [dynamodb]);
  expect(resourcesOf(snapshot, TABLE).map((t) => t.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('dynamodb', 'ListTables').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('marks what each denied call would have told, and the rules reading it become unknown', async () => {
  await createTable('orders');
  const uid = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders';
  h.proxy.fault({ service: 'dynamodb', operation: 'ListTables' }, { kind: 'access_denied' });
  const unlisted = await scanWith(h, [dynamodb, dax]);
  expect(resourcesOf(unlisted, TABLE)).toEqual([]);
  expectFailure(unlisted, 'dynamodb:ListTables', 'access_denied', { rules: [ENCRYPTED, BACKED_UP] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'dynamodb', operation: 'DescribeTable' }, { kind: 'access_denied' });
  const undescribed = await scanWith(h, [dynamodb, dax]);
  expect(unknownPaths(resourceNamed(undescribed, TABLE, 'orders'))).toEqual(['/BillingMode', '/DeletionProtectionEnabled', '/SSESpecification', '/TableClass', '/TableStatus']);
  expectFailure(undescribed, 'dynamodb:DescribeTable', 'access_denied', { affected: [uid], rules: [ENCRYPTED] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'dynamodb', operation: 'DescribeContinuousBackups' }, { kind: 'access_denied' });
  const noBackups = await scanWith(h, [dynamodb, dax]);
  expect(unknownPaths(resourceNamed(noBackups, TABLE, 'orders'))).toEqual(['/PointInTimeRecoverySpecification']);
  expectFailure(noBackups, 'dynamodb:DescribeContinuousBackups', 'access_denied', { affected: [uid], rules: [BACKED_UP] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'dynamodb', operation: 'ListTagsOfResource' }, { kind: 'access_denied' });
  const noTags = await scanWith(h, [dynamodb]);
  // Unread tags: empty, and marked so that a tag-based backup selection is not judged on them.
  expect(resourceNamed(noTags, TABLE, 'orders')).toMatchObject({ tags: {}, unknown: [{ path: '@tags', reason: 'collection_failed:dynamodb:ListTagsOfResource' }] });
  expectFailure(noTags, 'dynamodb:ListTagsOfResource', 'access_denied', { affected: [uid], rules: [] });
});

it('records persistent throttling as throttled, with the table’s encryption unknown', async () => {
  await createTable('orders');
  h.proxy.fault({ service: 'dynamodb', operation: 'DescribeTable' }, { kind: 'throttle' });
  const snapshot = await scanWith(h, [dynamodb, dax], { maxAttempts: 1 });
  expect(unknownPaths(resourceNamed(snapshot, TABLE, 'orders'))).toContain('/SSESpecification');
  expectFailure(snapshot, 'dynamodb:DescribeTable', 'throttled', { rules: [ENCRYPTED] });
});

it('marks only the table whose DescribeTable was denied', async () => {
  for (const name of ['a', 'b', 'c']) await createTable(name);
  h.proxy.fault({ service: 'dynamodb', operation: 'DescribeTable' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [dynamodb]);
  const r = record(snapshot, 'dynamodb:DescribeTable');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  expect(resourcesOf(snapshot, TABLE).filter((t) => t.unknown.length > 0).map((t) => t.uid)).toEqual(r.affected);
});
