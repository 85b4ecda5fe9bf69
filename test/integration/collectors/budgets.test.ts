// The Budgets collector: budgets with their notifications and subscribers (moto keeps no subscribers: the proxy's
// DescribeSubscribersForNotification stand-in answers from scenario state), pagination of all three calls, every
// operation denied, throttling, and the budget rule on the result.
import { BudgetsClient, CreateBudgetCommand, type Notification } from '@aws-sdk/client-budgets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import budgets from '../../../src/collectors/budgets.js';
import organizations from '../../../src/collectors/organizations.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { ACCOUNT, byUid, expectFailedRecord, expectUnknown, marks, ofType, record, statuses } from './governance-helpers.js';
import { scanWith } from './scan-helpers.js';

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

const BUDGET = (name: string) => `arn:aws:budgets::${ACCOUNT}:budget/${name}`;
const ACTUAL_80: Notification = { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' };
const FORECAST_100: Notification = { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE' };
const RULE = 'budget-with-notification-subscriber';

async function seedBudget(name: string, notifications: Notification[], subscribers?: string[]): Promise<void> {
  const client = new BudgetsClient(clientConfig(h.endpoint));
  await client.send(
    new CreateBudgetCommand({
      AccountId: ACCOUNT,
      Budget: { BudgetName: name, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '1000', Unit: 'USD' } },
      NotificationsWithSubscribers: notifications.map((Notification) => ({ Notification, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'seed@example.com' }] })),
    }),
  );
  client.destroy();
  if (subscribers) h.proxy.state.account().budgetSubscribers[name] = subscribers.map((Address) => ({ SubscriptionType: 'EMAIL', Address }));
}

describe('budgets collector', () => {
  it('collects each budget with its notifications and their subscribers', async () => {
    await seedBudget('monthly', [ACTUAL_80], ['finance@example.com']);
    await seedBudget('quiet', [FORECAST_100]);
    const snapshot = await scanWith(h, [budgets]);
    const monthly = byUid(snapshot, BUDGET('monthly'));
    expect(monthly).toMatchObject({ type: 'AWS::Budgets::Budget', region: 'global', name: 'monthly', physicalId: 'monthly', unknown: [] });
    expect(monthly.properties).toEqual({
      Budget: { BudgetName: 'monthly', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '1000', Unit: 'USD' } },
      NotificationsWithSubscribers: [{ Notification: ACTUAL_80, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'finance@example.com' }] }],
    });
    // No subscribers left on a notification (NotFoundException) is an empty list, not a failure.
    expect(byUid(snapshot, BUDGET('quiet')).properties['NotificationsWithSubscribers']).toEqual([{ Notification: FORECAST_100, Subscribers: [] }]);
    expect(record(snapshot, 'budgets:ViewBudget')).toMatchObject({ outcome: 'ok', lists: ['AWS::Budgets::Budget'] });
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('no budget, or none with a subscriber, fails the rule once every budget was read', async () => {
    const none = await scanWith(h, [budgets, organizations]);
    expect(ofType(none, 'AWS::Budgets::Budget')).toEqual([]);
    expect(statuses(none, [RULE])).toEqual({ [RULE]: 'fail' });
    await seedBudget('quiet', [FORECAST_100]);
    const silent = await scanWith(h, [budgets, organizations]);
    expect(statuses(silent, [RULE])).toEqual({ [RULE]: 'fail' });
  });

  it('follows every page of budgets, notifications and subscribers', async () => {
    for (const name of ['a', 'b', 'c']) await seedBudget(name, [ACTUAL_80, FORECAST_100], ['one@example.com', 'two@example.com']);
    h.proxy.paginate({ service: 'budgets', operation: 'DescribeBudgets' }, { pageSize: 1, spec: { format: 'json', lists: ['Budgets'], token: 'NextToken' } });
    h.proxy.paginate({ service: 'budgets', operation: 'DescribeNotificationsForBudget' }, { pageSize: 1, spec: { format: 'json', lists: ['Notifications'], token: 'NextToken' } });
    h.proxy.paginate({ service: 'budgets', operation: 'DescribeSubscribersForNotification' }, { pageSize: 1, spec: { format: 'json', lists: ['Subscribers'], token: 'NextToken' } });
    const snapshot = await scanWith(h, [budgets]);
    expect(ofType(snapshot, 'AWS::Budgets::Budget').map((b) => b.name).sort()).toEqual(['a', 'b', 'c']);
    for (const name of ['a', 'b', 'c']) {
      const notifications = byUid(snapshot, BUDGET(name)).properties['NotificationsWithSubscribers'] as Array<{ Subscribers: unknown[] }>;
      expect(notifications).toHaveLength(2);
      for (const n of notifications) expect(n.Subscribers).toHaveLength(2);
    }
    for (const operation of ['DescribeBudgets', 'DescribeNotificationsForBudget', 'DescribeSubscribersForNotification']) {
      expect(h.proxy.callsTo('budgets', operation).some((c) => c.answeredBy === 'page'), operation).toBe(true);
    }
  });

  it('denied DescribeBudgets: no inventory, the rule unknown', async () => {
    await seedBudget('monthly', [ACTUAL_80], ['finance@example.com']);
    h.proxy.fault({ service: 'budgets', operation: 'DescribeBudgets' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [budgets, organizations]);
    expectFailedRecord(snapshot, 'budgets:ViewBudget', 'access_denied');
    expect(ofType(snapshot, 'AWS::Budgets::Budget')).toEqual([]);
    expectUnknown(snapshot, [RULE], 'DescribeBudgets denied');
  });

  it.each(['DescribeNotificationsForBudget', 'DescribeSubscribersForNotification'])('denied %s: the budget’s notifications are unknown', async (operation) => {
    await seedBudget('monthly', [ACTUAL_80], ['finance@example.com']);
    h.proxy.fault({ service: 'budgets', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [budgets, organizations]);
    expectFailedRecord(snapshot, 'budgets:ViewBudget', 'access_denied', { affected: [BUDGET('monthly')] });
    const path = operation === 'DescribeNotificationsForBudget' ? '/NotificationsWithSubscribers' : '/NotificationsWithSubscribers/0/Subscribers';
    expect(marks(byUid(snapshot, BUDGET('monthly')))).toEqual({ [path]: 'collection_failed:budgets:ViewBudget' });
    expectUnknown(snapshot, [RULE], `${operation} denied`);
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    await seedBudget('monthly', [ACTUAL_80], ['finance@example.com']);
    h.proxy.fault({ service: 'budgets', operation: 'DescribeBudgets' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [budgets, organizations], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'budgets:ViewBudget', 'throttled');
    expectUnknown(snapshot, [RULE], 'DescribeBudgets throttled');
  });
});
