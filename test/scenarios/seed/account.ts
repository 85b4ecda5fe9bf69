// Test-only: account-wide facts. Alternate contacts go through Account PutAlternateContact (moto keeps them); contact
// information, the root user and the support plan are fault-proxy scenario state (moto cannot model them).
import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
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
}
