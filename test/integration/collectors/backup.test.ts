// The Backup collector: vaults with their protected resources, plans, selections, restore jobs; every page; each
// operation denied; throttling; and the coverage rules judging a DynamoDB table and an RDS database against it.
// moto lacks ListBackupSelections, GetBackupSelection, ListProtectedResourcesByBackupVault and ListRestoreJobs: the
// harness stand-ins answer them from the proxy's scenario state (docs/dev/testing-with-moto.md).
import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import backup from '../../../src/collectors/backup.js';
import { Resource, type CollectionRecord, type Snapshot } from '../../../src/core/index.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { ACCOUNT, byUid, expectFailedRecord, expectUnknown, marks, ofType, record, region, statuses } from './governance-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

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

const scan = (options: Parameters<typeof scanWith>[2] = {}) => scanWith(h, [backup], options);
const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`;
const DATABASE = `arn:aws:rds:us-east-1:${ACCOUNT}:db:core`;
const DAY = 86_400_000;

interface Seeded {
  vaultArn: string;
  planId: string;
  planArn: string;
  selectionUid: string;
}

/** Vault `prod` holding recovery points of the RDS database; plan `daily` whose selection takes `backup=daily` tags. */
async function seedBackup(): Promise<Seeded> {
  const client = new BackupClient(clientConfig(h.endpoint));
  const vault = await client.send(new CreateBackupVaultCommand({ BackupVaultName: 'prod' }));
  const plan = await client.send(
    new CreateBackupPlanCommand({
      BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'nightly', TargetBackupVaultName: 'prod', ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }] },
    }),
  );
  client.destroy();
  const planId = plan.BackupPlanId ?? '';
  const regionState = h.proxy.state.account().region('us-east-1');
  regionState.backupSelections[planId] = [
    {
      SelectionId: 'sel-1',
      SelectionName: 'tagged',
      BackupPlanId: planId,
      IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`,
      BackupSelection: { SelectionName: 'tagged', IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`, ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] },
    },
  ];
  regionState.backupProtectedResources = [{ ResourceArn: DATABASE, ResourceType: 'RDS', LastBackupTime: new Date(Date.now() - DAY), LastBackupVaultArn: vault.BackupVaultArn }];
  regionState.backupRestoreJobs = [
    { RestoreJobId: 'rj-ok', Status: 'COMPLETED', CreationDate: new Date(Date.now() - 30 * DAY), CompletionDate: new Date(Date.now() - 30 * DAY + 3_600_000), ResourceType: 'RDS' },
    { RestoreJobId: 'rj-failed', Status: 'FAILED', CreationDate: new Date(Date.now() - 10 * DAY), CompletionDate: new Date(Date.now() - 10 * DAY), ResourceType: 'DynamoDB' },
  ];
  const planArn = plan.BackupPlanArn ?? '';
  return { vaultArn: vault.BackupVaultArn ?? '', planId, planArn, selectionUid: `${planArn}/selection/sel-1` };
}

/** The snapshot plus a DynamoDB table (PITR off, tagged `backup=daily`) and an RDS database without automated backups, listed as a data-store collector would. */
function withDataStores(snapshot: Snapshot): Snapshot {
  const resource = (uid: string, type: string, name: string, properties: Record<string, unknown>, tags: Record<string, string>) =>
    Resource.parse({ uid, type, source: 'live', account: ACCOUNT, region: 'us-east-1', name, physicalId: name, properties, tags, location: { arn: uid } });
  const listing = (service: string, action: string, type: string): CollectionRecord => ({ source: 'live', service, action, account: ACCOUNT, region: 'us-east-1', outcome: 'ok', calls: { ok: 1 }, affected: [], lists: [type] });
  return {
    ...snapshot,
    resources: [
      ...snapshot.resources,
      resource(TABLE, 'AWS::DynamoDB::Table', 'orders', { TableName: 'orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }, { backup: 'daily' }),
      resource(DATABASE, 'AWS::RDS::DBInstance', 'core', { DBInstanceIdentifier: 'core', BackupRetentionPeriod: 0 }, {}),
    ],
    collection: [...snapshot.collection, listing('dynamodb', 'dynamodb:ListTables', 'AWS::DynamoDB::Table'), listing('rds', 'rds:DescribeDBInstances', 'AWS::RDS::DBInstance'), listing('rds', 'rds:DescribeDBClusters', 'AWS::RDS::DBCluster')],
  };
}

const COVERAGE_RULES = ['dynamodb-table-backed-up', 'rds-automated-backups-enabled'];

describe('backup collector', () => {
  it('collects vaults, plans, selections and restore jobs in the shape the rules read', async () => {
    const seeded = await seedBackup();
    const snapshot = await scan();
    expect(byUid(snapshot, seeded.vaultArn)).toMatchObject({ type: 'AWS::Backup::BackupVault', name: 'prod', physicalId: 'prod', region: 'us-east-1', unknown: [] });
    expect(byUid(snapshot, seeded.vaultArn).properties).toMatchObject({ BackupVaultName: 'prod', ProtectedResources: [DATABASE] });
    expect(byUid(snapshot, seeded.planArn)).toMatchObject({ type: 'AWS::Backup::BackupPlan', name: 'daily', physicalId: seeded.planId, unknown: [] });
    expect(byUid(snapshot, seeded.planArn).properties).toEqual({
      BackupPlan: {
        BackupPlanName: 'daily',
        BackupPlanRule: [
          {
            RuleName: 'nightly',
            TargetBackupVault: 'prod',
            ScheduleExpression: 'cron(0 5 * * ? *)',
            StartWindowMinutes: 480,
            CompletionWindowMinutes: 10080,
            Lifecycle: { DeleteAfterDays: 35, MoveToColdStorageAfterDays: null },
            EnableContinuousBackup: false,
            CopyActions: [],
          },
        ],
      },
    });
    expect(byUid(snapshot, seeded.selectionUid)).toMatchObject({ type: 'AWS::Backup::BackupSelection', physicalId: 'sel-1', unknown: [] });
    expect(byUid(snapshot, seeded.selectionUid).properties).toEqual({
      BackupPlanId: seeded.planId,
      BackupSelection: {
        SelectionName: 'tagged',
        IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`,
        Resources: [],
        NotResources: [],
        ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
        Conditions: {},
      },
    });
    const jobs = (region(snapshot).properties['Backup'] as { RestoreJobs: Array<Record<string, unknown>> }).RestoreJobs;
    expect(jobs.map((j) => [j['Id'], j['Status'], j['ResourceType']])).toEqual([
      ['rj-ok', 'COMPLETED', 'RDS'],
      ['rj-failed', 'FAILED', 'DynamoDB'],
    ]);
    for (const [action, lists] of [
      ['backup:ListBackupVaults', ['AWS::Backup::BackupVault']],
      ['backup:ListBackupPlans', ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection']],
      ['backup:ListBackupSelections', ['AWS::Backup::BackupSelection']],
    ] as const) {
      expect(record(snapshot, action)).toMatchObject({ outcome: 'ok', lists });
    }
    expect(statuses(withDataStores(snapshot), ['backup-restore-tested-yearly', ...COVERAGE_RULES])).toEqual({
      'backup-restore-tested-yearly': 'pass',
      'dynamodb-table-backed-up': 'pass',
      'rds-automated-backups-enabled': 'pass',
    });
  });

  it('without plans, vault recovery points or restores, the data stores are not covered', async () => {
    const snapshot = await scan({ regions: ['us-east-1', 'eu-west-1'] });
    expect(ofType(snapshot, 'AWS::Backup::BackupVault')).toEqual([]);
    expect(region(snapshot, 'eu-west-1').properties['Backup']).toEqual({ RestoreJobs: [] });
    // No plan, so no ListBackupSelections call: the plan listing says the Region has no selections.
    expect(snapshot.collection.some((r) => r.action === 'backup:ListBackupSelections')).toBe(false);
    expect(record(snapshot, 'backup:ListBackupPlans', 'eu-west-1')).toMatchObject({ outcome: 'ok', lists: ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection'] });
    expect(statuses(withDataStores(snapshot), ['backup-restore-tested-yearly', ...COVERAGE_RULES])).toEqual({
      'backup-restore-tested-yearly': 'fail',
      'dynamodb-table-backed-up': 'fail',
      'rds-automated-backups-enabled': 'fail',
    });
  });

  it('follows every page of vaults, plans, selections and restore jobs', async () => {
    const client = new BackupClient(clientConfig(h.endpoint));
    for (const name of ['a', 'b', 'c']) await client.send(new CreateBackupVaultCommand({ BackupVaultName: name }));
    const plans: string[] = [];
    for (const name of ['p1', 'p2']) {
      const plan = await client.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: name, Rules: [{ RuleName: 'r', TargetBackupVaultName: 'a' }] } }));
      plans.push(plan.BackupPlanId ?? '');
    }
    client.destroy();
    const regionState = h.proxy.state.account().region('us-east-1');
    for (const planId of plans) {
      regionState.backupSelections[planId] = ['s1', 's2'].map((id) => ({
        SelectionId: id,
        SelectionName: id,
        BackupPlanId: planId,
        IamRoleArn: 'arn:aws:iam::123456789012:role/b',
        BackupSelection: { SelectionName: id, IamRoleArn: 'arn:aws:iam::123456789012:role/b', Resources: ['*'] },
      }));
    }
    regionState.backupRestoreJobs = ['j1', 'j2', 'j3'].map((RestoreJobId) => ({ RestoreJobId, Status: 'COMPLETED', CompletionDate: new Date(), ResourceType: 'EBS' }));
    h.proxy.paginate({ service: 'backup', operation: 'ListBackupVaults' }, { pageSize: 1, spec: { format: 'json', lists: ['BackupVaultList'], token: 'NextToken' } });
    h.proxy.paginate({ service: 'backup', operation: 'ListBackupPlans' }, { pageSize: 1 });
    h.proxy.paginate({ service: 'backup', operation: 'ListBackupSelections' }, { pageSize: 1, spec: { format: 'json', lists: ['BackupSelectionsList'], token: 'NextToken' } });
    h.proxy.paginate({ service: 'backup', operation: 'ListRestoreJobs' }, { pageSize: 1, spec: { format: 'json', lists: ['RestoreJobs'], token: 'NextToken' } });

    const snapshot = await scan();
    expect(ofType(snapshot, 'AWS::Backup::BackupVault').map((v) => v.name).sort()).toEqual(['a', 'b', 'c']);
    expect(ofType(snapshot, 'AWS::Backup::BackupPlan').map((p) => p.name).sort()).toEqual(['p1', 'p2']);
    expect(ofType(snapshot, 'AWS::Backup::BackupSelection').map((s) => (s.properties['BackupSelection'] as { Resources: string[] }).Resources)).toEqual([['*'], ['*'], ['*'], ['*']]);
    expect((region(snapshot).properties['Backup'] as { RestoreJobs: unknown[] }).RestoreJobs).toHaveLength(3);
    for (const operation of ['ListBackupVaults', 'ListBackupPlans', 'ListBackupSelections', 'ListRestoreJobs']) {
      expect(h.proxy.callsTo('backup', operation).some((c) => c.answeredBy === 'page'), operation).toBe(true);
    }
  });

  it('denied ListBackupVaults or ListBackupSelections: coverage of an otherwise unprotected table is unknown', async () => {
    for (const operation of ['ListBackupVaults', 'ListBackupSelections']) {
      await h.reset();
      const seeded = await seedBackup();
      h.proxy.fault({ service: 'backup', operation }, { kind: 'access_denied' });
      const snapshot = await scan();
      expectFailedRecord(snapshot, `backup:${operation}`, 'access_denied');
      if (operation === 'ListBackupSelections') expect(marks(byUid(snapshot, seeded.planArn))).toEqual({ '@AWS::Backup::BackupSelection': 'collection_failed:backup:ListBackupSelections' });
      else expect(ofType(snapshot, 'AWS::Backup::BackupVault')).toEqual([]);
      const stores = withDataStores(snapshot);
      // The table is covered only by the selection; the database only by the vault.
      const rule = operation === 'ListBackupVaults' ? 'rds-automated-backups-enabled' : 'dynamodb-table-backed-up';
      expectUnknown(stores, [rule], `${operation} denied`);
      expect(verdicts(stores, [rule]).get(rule)?.reasons.map((r) => r.code)).toContain(`collection_failed:backup:${operation}`);
    }
  });

  it('denied per-resource reads mark only those resources', async () => {
    const seeded = await seedBackup();
    for (const operation of ['ListProtectedResourcesByBackupVault', 'GetBackupPlan', 'GetBackupSelection']) h.proxy.fault({ service: 'backup', operation }, { kind: 'access_denied' });
    const snapshot = await scan();
    expectFailedRecord(snapshot, 'backup:ListProtectedResourcesByBackupVault', 'access_denied', { affected: [seeded.vaultArn] });
    expectFailedRecord(snapshot, 'backup:GetBackupPlan', 'access_denied', { affected: [seeded.planArn] });
    expectFailedRecord(snapshot, 'backup:GetBackupSelection', 'access_denied', { affected: [seeded.selectionUid] });
    expect(marks(byUid(snapshot, seeded.vaultArn))).toEqual({ '/ProtectedResources': 'collection_failed:backup:ListProtectedResourcesByBackupVault' });
    expect(marks(byUid(snapshot, seeded.planArn))).toEqual({ '/BackupPlan/BackupPlanRule': 'collection_failed:backup:GetBackupPlan' });
    expect(marks(byUid(snapshot, seeded.selectionUid))).toEqual({ '/BackupSelection': 'collection_failed:backup:GetBackupSelection' });
    // The selection list itself completed: the inventory stands, each selection's content is what is unknown.
    expect(record(snapshot, 'backup:ListBackupSelections').lists).toEqual(['AWS::Backup::BackupSelection']);
    expectUnknown(withDataStores(snapshot), COVERAGE_RULES, 'selection and vault contents denied');
  });

  it('denied or throttled ListRestoreJobs: restore testing unknown', async () => {
    await seedBackup();
    h.proxy.fault({ service: 'backup', operation: 'ListRestoreJobs' }, { kind: 'access_denied' });
    const denied = await scan();
    expectFailedRecord(denied, 'backup:ListRestoreJobs', 'access_denied');
    expect(marks(region(denied))).toEqual({ '/Backup/RestoreJobs': 'collection_failed:backup:ListRestoreJobs' });
    expectUnknown(denied, ['backup-restore-tested-yearly'], 'ListRestoreJobs denied');

    h.proxy.clearFaults();
    h.proxy.fault({ service: 'backup', operation: 'ListRestoreJobs' }, { kind: 'throttle' });
    const throttled = await scan({ maxAttempts: 1 });
    expectFailedRecord(throttled, 'backup:ListRestoreJobs', 'throttled');
    expectUnknown(throttled, ['backup-restore-tested-yearly'], 'ListRestoreJobs throttled');
  });
});
