// Test-only: Cost Explorer calls moto lacks (anomaly detection, coverage, cost allocation tags) and Budgets
// subscribers (moto keeps notifications but not their subscribers). Cost Explorer dates are plain strings.
import { errorReply, jsonReply } from '../protocol.js';
import type { StandIn } from './types.js';

const ce = (operation: string, answer: StandIn['answer']): StandIn => ({ service: 'ce', operation, answer });

function withArns<T>(items: T[], key: keyof T, wanted: unknown): T[] {
  return Array.isArray(wanted) && wanted.length > 0 ? items.filter((item) => wanted.includes(item[key])) : items;
}

export const costStandIns: StandIn[] = [
  ce('GetAnomalyMonitors', (ctx) =>
    jsonReply('json', { AnomalyMonitors: withArns(ctx.account.anomalyMonitors, 'MonitorArn', ctx.input().MonitorArnList) })),
  ce('GetAnomalySubscriptions', (ctx) => {
    const input = ctx.input();
    let subscriptions = withArns(ctx.account.anomalySubscriptions, 'SubscriptionArn', input.SubscriptionArnList);
    if (typeof input.MonitorArn === 'string') subscriptions = subscriptions.filter((s) => s.MonitorArnList?.includes(input.MonitorArn as string));
    return jsonReply('json', { AnomalySubscriptions: subscriptions });
  }),
  ce('GetSavingsPlansCoverage', (ctx) => jsonReply('json', { SavingsPlansCoverages: ctx.account.savingsPlansCoverage })),
  ce('GetReservationCoverage', (ctx) => {
    const { coveragesByTime, total } = ctx.account.reservationCoverage;
    return jsonReply('json', { CoveragesByTime: coveragesByTime, ...(total ? { Total: total } : {}) });
  }),
  ce('ListCostAllocationTags', (ctx) => {
    const input = ctx.input();
    let tags = ctx.account.costAllocationTags;
    if (typeof input.Status === 'string') tags = tags.filter((t) => t.Status === input.Status);
    if (typeof input.Type === 'string') tags = tags.filter((t) => t.Type === input.Type);
    tags = withArns(tags, 'TagKey', input.TagKeys);
    return jsonReply('json', { CostAllocationTags: tags });
  }),
  {
    service: 'budgets',
    operation: 'DescribeSubscribersForNotification',
    answer(ctx) {
      const name = String(ctx.input().BudgetName ?? '');
      const subscribers = ctx.account.budgetSubscribers[name];
      if (!subscribers) {
        return errorReply('json', 'NotFoundException', 400, `No subscribers for budget ${name} (set proxy.state.account().budgetSubscribers).`);
      }
      return jsonReply('json', { Subscribers: subscribers });
    },
  },
];
