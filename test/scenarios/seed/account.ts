// Test-only: account-wide facts. Alternate contacts go through Account PutAlternateContact (moto keeps them), budgets
// through Budgets and health checks through Route 53; contact information, the root user, the support plan, budget
// subscribers and cost facts are fault-proxy scenario state (moto cannot model them).
import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import { CreateHealthCheckCommand, Route53Client } from '@aws-sdk/client-route-53';
import type { AccountFactsSpec, AlternateContactKind } from '../spec.js';
import type { SeedTarget } from '../target.js';

export async function seedAccountFacts(target: SeedTarget, spec: AccountFactsSpec, homeRegion: string): Promise<void> {
  const account = target.client(AccountClient, homeRegion);
  for (const [kind, contact] of Object.entries(spec.alternateContacts ?? {}) as Array<[AlternateContactKind, NonNullable<AccountFactsSpec['alternateContacts']>[AlternateContactKind]]>) {
    if (!contact) continue;
    await account.send(
      new PutAlternateContactCommand({ AlternateContactType: kind, Name: contact.name, Title: contact.title, EmailAddress: contact.email, PhoneNumber: contact.phone }),
    );
  }
  const scenario = target.scenario;
  if (spec.contactInformation) scenario.contactInformation = spec.contactInformation;
  if (spec.root) Object.assign(scenario.root, spec.root);
  if (spec.supportTier) scenario.supportTier = spec.supportTier;
  if (spec.standIns) Object.assign(scenario, spec.standIns);
  for (const budget of spec.budgets ?? []) {
    await target.client(BudgetsClient, homeRegion).send(
      new CreateBudgetCommand({
        AccountId: target.accountId,
        Budget: { BudgetName: budget.name, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: String(budget.monthlyUsd), Unit: 'USD' } },
        NotificationsWithSubscribers: [
          {
            Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: budget.alertAtPercent, ThresholdType: 'PERCENTAGE' },
            Subscribers: [{ SubscriptionType: 'EMAIL', Address: budget.alertEmail }],
          },
        ],
      }),
    );
    scenario.budgetSubscribers[budget.name] = [{ SubscriptionType: 'EMAIL', Address: budget.alertEmail }];
  }
  for (const check of spec.healthChecks ?? []) {
    await target.client(Route53Client, homeRegion).send(
      new CreateHealthCheckCommand({
        CallerReference: `${check.domain}${check.path}`,
        HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: check.domain, ResourcePath: check.path, Port: 443 },
      }),
    );
  }
}
