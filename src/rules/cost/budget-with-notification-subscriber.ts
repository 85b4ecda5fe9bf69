/**
 * Every account is watched by an AWS Budget that alerts someone: a budget with at least one notification that has a
 * subscriber (e-mail or SNS). The seed guide: "Configure AWS Budgets with alert thresholds"; a budget nobody is
 * subscribed to alerts no one.
 *
 * PASS    the account has such a budget; or, for a member account, its scanned management (payer) account has one
 *         that is not filtered to other linked accounts (`CostFilters.LinkedAccount` / a LINKED_ACCOUNT filter
 *         expression naming other accounts only).
 * FAIL    every budget was read and none has a subscribed notification (or there is no budget) — in a standalone or
 *         management account, or a member whose scanned management account has none either.
 * UNKNOWN budgets or their notifications could not be read; or a member account has none and its management account,
 *         where budgets usually live, was not scanned.
 * https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';
import { MANAGEMENT_NOT_SCANNED, organizationPosition } from '../_lib/organization.js';
import { asList, asRecord, asString, stringList } from '../_lib/shape.js';
import { nameOf } from '../_lib/names.js';

interface Search {
  budget?: string;
  uncertain?: string;
  count: number;
}

function budgetName(budget: Resource): string {
  return asString(asRecord(budget.properties['Budget'])?.['BudgetName']) ?? nameOf(budget);
}

/** Whether a management-account budget includes the spend of `accountId`. */
function coversAccount(budget: Resource, accountId: string | undefined): boolean {
  const spec = asRecord(budget.properties['Budget']) ?? {};
  const linked = asRecord(spec['CostFilters'])?.['LinkedAccount'];
  if (linked !== undefined) return accountId !== undefined && stringList(linked).includes(accountId);
  const expression = JSON.stringify(spec['FilterExpression'] ?? null);
  return !expression.includes('LINKED_ACCOUNT') || (accountId !== undefined && expression.includes(accountId));
}

function alertingBudget(ctx: RuleContext, budgets: readonly Resource[]): Search {
  const out: Search = { count: budgets.length };
  for (const budget of budgets) {
    const mark = ctx.unknownAt(budget, '/NotificationsWithSubscribers');
    const value = mark ? undefined : ctx.get(budget, '/NotificationsWithSubscribers');
    if (mark || value === undefined) {
      out.uncertain ??= mark?.reason ?? 'missing_data:NotificationsWithSubscribers';
      continue;
    }
    const subscribed = asList(value).some((n) => asList(asRecord(n)?.['Subscribers']).length > 0);
    if (subscribed) return { ...out, budget: budgetName(budget) };
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'budget-with-notification-subscriber',
    title: 'An AWS Budget with a subscribed alert covers every account',
    severity: 'low',
    requirements: [],
    bestPractice: 'cost',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'A runaway resource, a leaked key mining crypto or a forgotten test fleet shows first on the bill. A budget with an alert that reaches a person turns that into a same-day signal; the seed guide lists missing budgets as a cost-management gap reviewers flag.',
    remediation: {
      summary: 'Create a monthly cost budget with actual and forecasted alerts (for example at 80% and 100%) that e-mail a team list or publish to an SNS topic.',
      console: [
        'Open the Billing and Cost Management console and choose Budgets, then Create budget.',
        'Choose Cost budget (or the Monthly cost budget template), set the amount and scope (in the management account, all linked accounts or a LINKED_ACCOUNT filter).',
        'Add alert thresholds (for example 80% actual, 100% forecasted) and the e-mail recipients or an SNS topic, then Create budget.',
      ],
      cli: [
        'aws budgets create-budget --account-id <account-id> \\',
        '  --budget \'{"BudgetName":"monthly-total","BudgetLimit":{"Amount":"5000","Unit":"USD"},"TimeUnit":"MONTHLY","BudgetType":"COST"}\' \\',
        '  --notifications-with-subscribers \'[{"Notification":{"NotificationType":"ACTUAL","ComparisonOperator":"GREATER_THAN","Threshold":80,"ThresholdType":"PERCENTAGE"},"Subscribers":[{"SubscriptionType":"EMAIL","Address":"finops@example.com"}]}]\'',
      ].join('\n'),
      cloudformation: [
        'MonthlyBudget:',
        '  Type: AWS::Budgets::Budget',
        '  Properties:',
        '    Budget:',
        '      BudgetName: monthly-total',
        '      BudgetType: COST',
        '      TimeUnit: MONTHLY',
        '      BudgetLimit: { Amount: 5000, Unit: USD }',
        '    NotificationsWithSubscribers:',
        '      - Notification: { NotificationType: ACTUAL, ComparisonOperator: GREATER_THAN, Threshold: 80, ThresholdType: PERCENTAGE }',
        '        Subscribers:',
        '          - { SubscriptionType: EMAIL, Address: finops@example.com }',
      ].join('\n'),
      terraform: [
        'resource "aws_budgets_budget" "monthly" {',
        '  name         = "monthly-total"',
        '  budget_type  = "COST"',
        '  limit_amount = "5000"',
        '  limit_unit   = "USD"',
        '  time_unit    = "MONTHLY"',
        '',
        '  notification {',
        '    comparison_operator        = "GREATER_THAN"',
        '    threshold                  = 80',
        '    threshold_type             = "PERCENTAGE"',
        '    notification_type          = "ACTUAL"',
        '    subscriber_email_addresses = ["finops@example.com"]',
        '  }',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create.html', 'https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-best-practices.html'],
    },
    messages: {
      budgetAlerts: 'Account {{resource}} has budget {{budget}} with a subscribed alert.',
      coveredByManagement: 'Account {{resource}} is covered by budget {{budget}} of its management account {{management}}.',
      noSubscribers: 'Account {{resource}} has {{count}} budget(s), none with a notification that has a subscriber.',
      noBudgets: 'Account {{resource}} has no AWS Budget.',
    },
    needs: ['budgets:ViewBudget', 'organizations:DescribeOrganization'],
  },
  evaluate(account, ctx) {
    const scope = { account: account.account, source: account.source };
    const own = alertingBudget(ctx, ctx.resources('AWS::Budgets::Budget', scope));
    if (own.budget !== undefined) return ctx.pass('budgetAlerts', { budget: own.budget });
    const inventory = ctx.inventory('AWS::Budgets::Budget', scope);
    const ownUncertain = own.uncertain ?? (inventory.complete ? undefined : (inventory.reason ?? 'not_collected:AWS::Budgets::Budget'));

    const position = organizationPosition(ctx, account);
    let payerUncertain: string | undefined;
    if (position.kind === 'member') {
      if (!position.management) return ctx.unknown(ownUncertain ?? MANAGEMENT_NOT_SCANNED);
      const payerScope = { account: position.managementId, source: account.source };
      const payerBudgets = ctx.resources('AWS::Budgets::Budget', payerScope).filter((b) => coversAccount(b, account.account));
      const payer = alertingBudget(ctx, payerBudgets);
      if (payer.budget !== undefined) return ctx.pass('coveredByManagement', { budget: payer.budget, management: position.managementId });
      const payerInventory = ctx.inventory('AWS::Budgets::Budget', payerScope);
      payerUncertain = payer.uncertain ?? (payerInventory.complete ? undefined : payerInventory.reason);
    }
    if (position.kind === 'unknown') return ctx.unknown(ownUncertain ?? position.reason, { path: '/Organization' });
    const uncertain = ownUncertain ?? payerUncertain;
    if (uncertain !== undefined) return ctx.unknown(uncertain);
    return own.count > 0 ? ctx.fail('noSubscribers', { count: own.count }) : ctx.fail('noBudgets');
  },
});
