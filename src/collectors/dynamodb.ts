/**
 * DynamoDB tables: ListTables, then per table DescribeTable (encryption), DescribeContinuousBackups (point-in-time
 * recovery) and ListTagsOfResource (tags decide AWS Backup selections) — DynamoDB has no batch call for any of them.
 * `SSESpecification.SSEEnabled: false` means the AWS owned key (DescribeTable reports no SSEDescription then): every
 * table is encrypted at rest, only the key differs.
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { UnknownMark } from '../core/index.js';
import { buildArn, defined, tagMap } from './framework/aws-values.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

const OPERATIONS = {
  ListTables: 'dynamodb:ListTables',
  DescribeTable: 'dynamodb:DescribeTable',
  DescribeContinuousBackups: 'dynamodb:DescribeContinuousBackups',
  ListTagsOfResource: 'dynamodb:ListTagsOfResource',
} as const;

type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const PER_TABLE_CONCURRENCY = 4;
const TABLE_PATHS = ['/SSESpecification', '/BillingMode', '/TableStatus', '/DeletionProtectionEnabled', '/TableClass'];

export default defineCollector({
  service: 'dynamodb',
  scope: 'regional',
  operations: OPERATIONS,
  listings: { ListTables: ['AWS::DynamoDB::Table'] },
  produces: ['AWS::DynamoDB::Table'],
  async collect(ctx) {
    const ddb = ctx.client(DynamoDBClient);
    const tables = await ctx.pages(
      'ListTables',
      (ExclusiveStartTableName, o) => ddb.send(new ListTablesCommand({ ExclusiveStartTableName, Limit: 100 }), o),
      (page) => page.LastEvaluatedTableName,
      (page) => page.TableNames,
    );
    if (!tables.ok) return;
    await mapLimit(tables.value, PER_TABLE_CONCURRENCY, (name) => collectTable(ctx, name));
  },
});

/** CloudFormation's SSESpecification from DescribeTable's SSEDescription (absent: the AWS owned key). */
function sseSpecification(table: TableDescription): Record<string, unknown> {
  const sse = table.SSEDescription;
  const enabled = sse?.Status === 'ENABLED' || sse?.Status === 'ENABLING' || sse?.Status === 'UPDATING';
  if (!sse || !enabled) return { SSEEnabled: false };
  return defined({ SSEEnabled: true, SSEType: sse.SSEType, KMSMasterKeyId: sse.KMSMasterKeyArn });
}

async function collectTable(ctx: Ctx, name: string): Promise<void> {
  const ddb = ctx.client(DynamoDBClient);
  const arn = buildArn(ctx.apiRegion, 'dynamodb', ctx.region, ctx.account, `table/${name}`);
  const read = { resource: arn };
  const [described, backups, tags] = await Promise.all([
    ctx.call('DescribeTable', (o) => ddb.send(new DescribeTableCommand({ TableName: name }), o), read),
    ctx.call('DescribeContinuousBackups', (o) => ddb.send(new DescribeContinuousBackupsCommand({ TableName: name }), o), read),
    ctx.pages(
      'ListTagsOfResource',
      (NextToken, o) => ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken }), o),
      (page) => page.NextToken,
      (page) => page.Tags,
      read,
    ),
  ]);

  const properties: Record<string, unknown> = { TableName: name };
  const unknown: UnknownMark[] = [];
  const table = described.ok ? described.value.Table : undefined;
  if (table) {
    Object.assign(
      properties,
      defined({
        TableStatus: table.TableStatus,
        BillingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
        SSESpecification: sseSpecification(table),
        DeletionProtectionEnabled: table.DeletionProtectionEnabled,
        TableClass: table.TableClassSummary?.TableClass,
      }),
    );
  } else {
    const reason = described.ok ? 'missing_data:Table' : described.reason;
    unknown.push(...TABLE_PATHS.map((path) => ({ path, reason })));
  }
  if (backups.ok) {
    const pitr = backups.value.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    properties['PointInTimeRecoverySpecification'] = defined({ PointInTimeRecoveryEnabled: pitr?.PointInTimeRecoveryStatus === 'ENABLED', RecoveryPeriodInDays: pitr?.RecoveryPeriodInDays });
  } else {
    unknown.push({ path: '/PointInTimeRecoverySpecification', reason: backups.reason });
  }
  if (!tags.ok) unknown.push({ path: '@tags', reason: tags.reason });
  ctx.emit({
    uid: table?.TableArn ?? arn,
    type: 'AWS::DynamoDB::Table',
    name,
    physicalId: name,
    properties,
    tags: tags.ok ? tagMap(tags.value) : {},
    unknown,
  });
}
