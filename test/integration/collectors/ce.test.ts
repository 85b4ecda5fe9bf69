// The Cost Explorer collector against the proxy's stand-ins (moto has none of these calls): anomaly monitors and their
// subscriptions, Savings Plans / RI coverage of the last full month, cost allocation tags; the number of calls made
// (each costs USD 0.01); pagination; every operation denied; throttling.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ce from '../../../src/collectors/ce.js';
import organizations from '../../../src/collectors/organizations.js';
import { startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, expectFailedRecord, expectUnknown, marks, statuses } from './governance-helpers.js';
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

const MONITOR = (name: string) => `arn:aws:ce::123456789012:anomalymonitor/${name}`;
const RULES = ['cost-anomaly-detection-subscribed', 'commitment-coverage-above-threshold', 'cost-allocation-tags-active'];

function seedCosts(): void {
  const acct = h.proxy.state.account();
  acct.anomalyMonitors = [
    { MonitorArn: MONITOR('services'), MonitorName: 'services', MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' },
    { MonitorArn: MONITOR('team'), MonitorName: 'team', MonitorType: 'CUSTOM' },
  ];
  acct.anomalySubscriptions = [
    {
      SubscriptionName: 'daily-finance',
      MonitorArnList: [MONITOR('services')],
      Subscribers: [
        { Type: 'EMAIL', Address: 'finance@example.com' },
        { Type: 'SNS', Address: 'arn:aws:sns:us-east-1:123456789012:costs' },
      ],
      Threshold: 100,
      Frequency: 'DAILY',
    },
  ];
  acct.savingsPlansCoverage = [{ Coverage: { SpendCoveredBySavingsPlans: '75', OnDemandCost: '25', TotalCost: '100', CoveragePercentage: '75' } }];
  acct.reservationCoverage = { coveragesByTime: [{ Total: { CoverageHours: { OnDemandHours: '150', ReservedHours: '50', TotalRunningHours: '200', CoverageHoursPercentage: '25' } } }] };
  acct.costAllocationTags = [
    { TagKey: 'team', Type: 'UserDefined', Status: 'Active' },
    { TagKey: 'env', Type: 'UserDefined', Status: 'Active' },
    { TagKey: 'cost-center', Type: 'UserDefined', Status: 'Inactive' },
    { TagKey: 'aws:createdBy', Type: 'AWSGenerated', Status: 'Active' },
  ];
}

function lastMonth(now: Date): { Start: string; End: string } {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { Start: start.toISOString().slice(0, 10), End: end.toISOString().slice(0, 10) };
}

describe('ce collector', () => {
  it('collects monitors with their subscriptions, last month’s coverage and the cost allocation tags, in five calls', async () => {
    seedCosts();
    const snapshot = await scanWith(h, [ce, organizations]);
    const facts = account(snapshot);
    const Period = lastMonth(new Date(snapshot.collectedAt));
    expect(facts.unknown).toEqual([{ path: '/PrimaryEmail', reason: 'not_collected:PrimaryEmail' }]);
    expect(facts.properties['AnomalyMonitors']).toEqual([
      { Name: 'services', Type: 'DIMENSIONAL', Dimension: 'SERVICE', Subscriptions: [{ Name: 'daily-finance', Threshold: 100, Frequency: 'DAILY', Subscribers: 2 }] },
      { Name: 'team', Type: 'CUSTOM', Subscriptions: [] },
    ]);
    expect(facts.properties['SavingsPlansCoverage']).toEqual({ CoveragePercent: 75, Period });
    expect(facts.properties['ReservationCoverage']).toEqual({ CoveragePercent: 25, Period });
    expect(facts.properties['CostAllocationTags']).toEqual({ Active: ['aws:createdBy', 'env', 'team'], Inactive: ['cost-center'] });
    expect(h.proxy.callsTo('ce')).toHaveLength(5);
    expect(statuses(snapshot, RULES)).toEqual({ 'cost-anomaly-detection-subscribed': 'pass', 'commitment-coverage-above-threshold': 'pass', 'cost-allocation-tags-active': 'pass' });
  });

  it('an account without monitors, eligible usage or tags', async () => {
    const snapshot = await scanWith(h, [ce, organizations]);
    const facts = account(snapshot).properties;
    expect(facts['AnomalyMonitors']).toEqual([]);
    expect(facts['SavingsPlansCoverage']).toMatchObject({ CoveragePercent: null });
    expect(facts['ReservationCoverage']).toMatchObject({ CoveragePercent: null });
    expect(facts['CostAllocationTags']).toEqual({ Active: [], Inactive: [] });
    expect(statuses(snapshot, RULES)).toEqual({ 'cost-anomaly-detection-subscribed': 'fail', 'commitment-coverage-above-threshold': 'not_applicable', 'cost-allocation-tags-active': 'fail' });
  });

  it('follows every page of monitors, subscriptions and tags', async () => {
    seedCosts();
    h.proxy.paginate({ service: 'ce', operation: 'GetAnomalyMonitors' }, { pageSize: 1, spec: { format: 'json', lists: ['AnomalyMonitors'], token: 'NextPageToken' } });
    h.proxy.paginate({ service: 'ce', operation: 'ListCostAllocationTags' }, { pageSize: 1, spec: { format: 'json', lists: ['CostAllocationTags'], token: 'NextToken' } });
    const snapshot = await scanWith(h, [ce]);
    const facts = account(snapshot).properties;
    expect((facts['AnomalyMonitors'] as unknown[]).length).toBe(2);
    expect(facts['CostAllocationTags']).toEqual({ Active: ['aws:createdBy', 'env', 'team'], Inactive: ['cost-center'] });
    expect(h.proxy.callsTo('ce', 'GetAnomalyMonitors').map((c) => c.answeredBy)).toEqual(['stand-in', 'page']);
    expect(h.proxy.callsTo('ce', 'ListCostAllocationTags')).toHaveLength(4);
  });

  const denied: Array<[string, string, string]> = [
    ['GetAnomalyMonitors', '/AnomalyMonitors', 'cost-anomaly-detection-subscribed'],
    ['GetAnomalySubscriptions', '/AnomalyMonitors', 'cost-anomaly-detection-subscribed'],
    ['GetSavingsPlansCoverage', '/SavingsPlansCoverage', 'commitment-coverage-above-threshold'],
    ['GetReservationCoverage', '/ReservationCoverage', 'commitment-coverage-above-threshold'],
    ['ListCostAllocationTags', '/CostAllocationTags', 'cost-allocation-tags-active'],
  ];
  it.each(denied)('denied %s: %s unknown', async (operation, path, rule) => {
    // Coverage below the threshold, so a denied coverage cannot be outweighed by the other.
    seedCosts();
    h.proxy.state.account().savingsPlansCoverage = [{ Coverage: { SpendCoveredBySavingsPlans: '10', TotalCost: '100' } }];
    h.proxy.fault({ service: 'ce', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [ce, organizations]);
    expectFailedRecord(snapshot, `ce:${operation}`, 'access_denied');
    expect(marks(account(snapshot))).toMatchObject({ [path]: `collection_failed:ce:${operation}` });
    expectUnknown(snapshot, [rule], `${operation} denied`);
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    seedCosts();
    h.proxy.fault({ service: 'ce', operation: 'GetAnomalyMonitors' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [ce, organizations], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'ce:GetAnomalyMonitors', 'throttled');
    expect(h.proxy.callsTo('ce', 'GetAnomalyMonitors').map((c) => c.status)).toEqual([400, 400]);
    expectUnknown(snapshot, ['cost-anomaly-detection-subscribed'], 'Cost Explorer throttled');
  });
});
