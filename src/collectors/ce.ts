/**
 * Cost Explorer (global; the API lives in us-east-1): on `AWS::Account`
 * - `AnomalyMonitors`: each monitor with the alert subscriptions watching it and their subscriber counts;
 * - `SavingsPlansCoverage` / `ReservationCoverage`: coverage over the last full calendar month (`CoveragePercent`
 *   null when nothing was eligible);
 * - `CostAllocationTags`: the active and inactive tag keys.
 *
 * Cost: Cost Explorer charges USD 0.01 per API request (paginated pages included), so this collector makes the
 * fewest calls it can — normally five per scanned account: tags at the largest page size, subscriptions read once
 * for all monitors, coverage as one monthly total without grouping.
 * https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/
 */
import {
  CostExplorerClient,
  GetAnomalyMonitorsCommand,
  GetAnomalySubscriptionsCommand,
  GetReservationCoverageCommand,
  GetSavingsPlansCoverageCommand,
  ListCostAllocationTagsCommand,
  type AnomalyMonitor,
  type AnomalySubscription,
  type CoverageByTime,
  type SavingsPlansCoverage,
} from '@aws-sdk/client-cost-explorer';
import type { UnknownMark } from '../core/index.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'ce',
  scope: 'global',
  operations: {
    GetAnomalyMonitors: 'ce:GetAnomalyMonitors',
    GetAnomalySubscriptions: 'ce:GetAnomalySubscriptions',
    GetSavingsPlansCoverage: 'ce:GetSavingsPlansCoverage',
    GetReservationCoverage: 'ce:GetReservationCoverage',
    ListCostAllocationTags: 'ce:ListCostAllocationTags',
  },
  produces: ['AWS::Account'],
  async collect(ctx) {
    const ce = ctx.client(CostExplorerClient);
    const TimePeriod = lastFullMonth(ctx.now);
    const [monitors, subscriptions, savingsPlans, reservations, tags] = await Promise.all([
      ctx.pages('GetAnomalyMonitors', (NextPageToken, o) => ce.send(new GetAnomalyMonitorsCommand({ NextPageToken }), o), (p) => p.NextPageToken, (p) => p.AnomalyMonitors),
      ctx.pages('GetAnomalySubscriptions', (NextPageToken, o) => ce.send(new GetAnomalySubscriptionsCommand({ NextPageToken }), o), (p) => p.NextPageToken, (p) => p.AnomalySubscriptions),
      ctx.pages(
        'GetSavingsPlansCoverage',
        (NextToken, o) => ce.send(new GetSavingsPlansCoverageCommand({ TimePeriod, Granularity: 'MONTHLY', NextToken }), o),
        (p) => p.NextToken,
        (p) => p.SavingsPlansCoverages,
      ),
      ctx.pages(
        'GetReservationCoverage',
        (NextPageToken, o) => ce.send(new GetReservationCoverageCommand({ TimePeriod, Granularity: 'MONTHLY', NextPageToken }), o),
        (p) => p.NextPageToken,
        (p) => p.CoveragesByTime,
      ),
      ctx.pages('ListCostAllocationTags', (NextToken, o) => ce.send(new ListCostAllocationTagsCommand({ NextToken, MaxResults: 1000 }), o), (p) => p.NextToken, (p) => p.CostAllocationTags),
    ]);

    const facts: Record<string, unknown> = {};
    const unknown: UnknownMark[] = [];
    if (!monitors.ok) unknown.push({ path: '/AnomalyMonitors', reason: monitors.reason });
    else if (!subscriptions.ok) unknown.push({ path: '/AnomalyMonitors', reason: subscriptions.reason });
    else facts['AnomalyMonitors'] = anomalyMonitors(monitors.value, subscriptions.value);
    if (!savingsPlans.ok) unknown.push({ path: '/SavingsPlansCoverage', reason: savingsPlans.reason });
    else facts['SavingsPlansCoverage'] = { CoveragePercent: savingsPlansPercent(savingsPlans.value), Period: TimePeriod };
    if (!reservations.ok) unknown.push({ path: '/ReservationCoverage', reason: reservations.reason });
    else facts['ReservationCoverage'] = { CoveragePercent: reservationPercent(reservations.value), Period: TimePeriod };
    if (!tags.ok) unknown.push({ path: '/CostAllocationTags', reason: tags.reason });
    else {
      const keys = (status: string) => tags.value.filter((t) => t.Status === status).map((t) => t.TagKey ?? '').filter(Boolean).sort();
      facts['CostAllocationTags'] = { Active: keys('Active'), Inactive: keys('Inactive') };
    }
    ctx.accountFacts(facts, unknown);
  },
});

/** `{ Start, End }` of the last full calendar month (UTC; End exclusive, as Cost Explorer reads it). */
function lastFullMonth(now: Date): { Start: string; End: string } {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  return { Start: start.toISOString().slice(0, 10), End: end.toISOString().slice(0, 10) };
}

function anomalyMonitors(monitors: AnomalyMonitor[], subscriptions: AnomalySubscription[]): unknown[] {
  return monitors.map((m) => ({
    Name: m.MonitorName ?? null,
    Type: m.MonitorType ?? null,
    ...(m.MonitorDimension ? { Dimension: m.MonitorDimension } : {}),
    Subscriptions: subscriptions
      .filter((s) => m.MonitorArn !== undefined && (s.MonitorArnList ?? []).includes(m.MonitorArn))
      .map((s) => ({ Name: s.SubscriptionName ?? null, Threshold: s.Threshold ?? null, Frequency: s.Frequency ?? null, Subscribers: (s.Subscribers ?? []).length })),
  }));
}

const amount = (value: string | undefined) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** Covered spend over total eligible spend, as a percentage; null when nothing was eligible. */
function savingsPlansPercent(coverages: SavingsPlansCoverage[]): number | null {
  const total = coverages.reduce((n, c) => n + amount(c.Coverage?.TotalCost), 0);
  if (total <= 0) return null;
  const covered = coverages.reduce((n, c) => n + amount(c.Coverage?.SpendCoveredBySavingsPlans), 0);
  return round((covered / total) * 100);
}

/** Reserved hours over running hours of RI-eligible usage, as a percentage; null when nothing ran. */
function reservationPercent(periods: CoverageByTime[]): number | null {
  const running = periods.reduce((n, p) => n + amount(p.Total?.CoverageHours?.TotalRunningHours), 0);
  if (running <= 0) return null;
  const reserved = periods.reduce((n, p) => n + amount(p.Total?.CoverageHours?.ReservedHours), 0);
  return round((reserved / running) * 100);
}

const round = (n: number) => Math.round(n * 100) / 100;
