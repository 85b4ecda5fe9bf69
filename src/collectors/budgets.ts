/**
 * AWS Budgets (global): one `AWS::Budgets::Budget` per budget of the account, with `NotificationsWithSubscribers`
 * (each notification and its e-mail / SNS subscribers) as in CloudFormation. Every call names the account
 * (`AccountId`). All three operations are authorised by the one IAM action `budgets:ViewBudget`.
 * DescribeSubscribersForNotification's NotFoundException means the notification has no subscriber left.
 */
import {
  BudgetsClient,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  type Budget,
  type Notification,
} from '@aws-sdk/client-budgets';
import type { UnknownMark } from '../core/index.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'budgets',
  scope: 'global',
  operations: {
    DescribeBudgets: 'budgets:ViewBudget',
    DescribeNotificationsForBudget: 'budgets:ViewBudget',
    DescribeSubscribersForNotification: 'budgets:ViewBudget',
  },
  listings: { DescribeBudgets: ['AWS::Budgets::Budget'] },
  produces: ['AWS::Budgets::Budget'],
  async collect(ctx) {
    const client = ctx.client(BudgetsClient);
    const AccountId = ctx.account;
    const budgets = await ctx.pages(
      'DescribeBudgets',
      (NextToken, o) => client.send(new DescribeBudgetsCommand({ AccountId, NextToken }), o),
      (p) => p.NextToken,
      (p) => p.Budgets,
      { absent: ['NotFoundException'] },
    );
    if (!budgets.ok) return;

    await Promise.all(
      budgets.value.map(async (budget) => {
        const BudgetName = budget.BudgetName ?? '';
        const uid = `arn:aws:budgets::${AccountId}:budget/${BudgetName}`;
        const unknown: UnknownMark[] = [];
        const notifications = await ctx.pages(
          'DescribeNotificationsForBudget',
          (NextToken, o) => client.send(new DescribeNotificationsForBudgetCommand({ AccountId, BudgetName, NextToken }), o),
          (p) => p.NextToken,
          (p) => p.Notifications,
          { resource: uid, absent: ['NotFoundException'] },
        );
        let withSubscribers: unknown[] | undefined;
        if (!notifications.ok) unknown.push({ path: '/NotificationsWithSubscribers', reason: notifications.reason });
        else {
          withSubscribers = await Promise.all(
            notifications.value.map(async (Notification: Notification, i) => {
              const subscribers = await ctx.pages(
                'DescribeSubscribersForNotification',
                (NextToken, o) => client.send(new DescribeSubscribersForNotificationCommand({ AccountId, BudgetName, Notification, NextToken }), o),
                (p) => p.NextToken,
                (p) => p.Subscribers,
                { resource: uid, absent: ['NotFoundException'] },
              );
              if (!subscribers.ok) unknown.push({ path: `/NotificationsWithSubscribers/${i}/Subscribers`, reason: subscribers.reason });
              return {
                Notification: {
                  NotificationType: Notification.NotificationType ?? null,
                  ComparisonOperator: Notification.ComparisonOperator ?? null,
                  Threshold: Notification.Threshold ?? null,
                  ThresholdType: Notification.ThresholdType ?? 'PERCENTAGE',
                },
                ...(subscribers.ok ? { Subscribers: subscribers.value.map((s) => ({ SubscriptionType: s.SubscriptionType ?? null, Address: s.Address ?? null })) } : {}),
              };
            }),
          );
        }
        ctx.emit({
          uid,
          type: 'AWS::Budgets::Budget',
          name: BudgetName,
          physicalId: BudgetName,
          properties: { Budget: budgetSpec(budget), ...(withSubscribers ? { NotificationsWithSubscribers: withSubscribers } : {}) },
          unknown,
        });
      }),
    );
  },
});

/** The CloudFormation `Budget` property; newer API fields (FilterExpression) are kept when the answer has them. */
function budgetSpec(budget: Budget): Record<string, unknown> {
  const extra = budget as unknown as Record<string, unknown>;
  return {
    BudgetName: budget.BudgetName ?? null,
    BudgetType: budget.BudgetType ?? null,
    TimeUnit: budget.TimeUnit ?? null,
    ...(budget.BudgetLimit ? { BudgetLimit: { Amount: budget.BudgetLimit.Amount ?? null, Unit: budget.BudgetLimit.Unit ?? null } } : {}),
    ...(budget.CostFilters && Object.keys(budget.CostFilters).length > 0 ? { CostFilters: budget.CostFilters } : {}),
    ...(extra['FilterExpression'] !== undefined ? { FilterExpression: extra['FilterExpression'] } : {}),
  };
}
