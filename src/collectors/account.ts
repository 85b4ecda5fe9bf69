/**
 * Account Management (global): `AWS::Account.AlternateContacts` (`{ Billing, Operations, Security }`, each the contact
 * or `null` when not set — ResourceNotFoundException) and `ContactInformation` (`null` when none is stored).
 *
 * The root (primary) email is read by the Organizations collector, which alone knows where GetPrimaryEmail can answer
 * (it never reads the calling account's own address outside an organization, nor the management account's).
 */
import { AccountClient, GetAlternateContactCommand, GetContactInformationCommand, type AlternateContactType } from '@aws-sdk/client-account';
import type { UnknownMark } from '../core/index.js';
import { defineCollector } from './framework/collector.js';

const CONTACTS: Array<[key: string, type: AlternateContactType]> = [
  ['Billing', 'BILLING'],
  ['Operations', 'OPERATIONS'],
  ['Security', 'SECURITY'],
];
const NOT_SET = ['ResourceNotFoundException'];

export default defineCollector({
  service: 'account',
  scope: 'global',
  operations: {
    GetAlternateContact: 'account:GetAlternateContact',
    GetContactInformation: 'account:GetContactInformation',
  },
  produces: ['AWS::Account'],
  async collect(ctx) {
    const client = ctx.client(AccountClient);
    const uid = `account:${ctx.account}`;
    const unknown: UnknownMark[] = [];
    const contacts: Record<string, unknown> = {};
    const [alternates, information] = await Promise.all([
      Promise.all(CONTACTS.map(([, type]) => ctx.call('GetAlternateContact', (o) => client.send(new GetAlternateContactCommand({ AlternateContactType: type }), o), { resource: uid, absent: NOT_SET }))),
      ctx.call('GetContactInformation', (o) => client.send(new GetContactInformationCommand({}), o), { resource: uid, absent: NOT_SET }),
    ]);
    CONTACTS.forEach(([key], i) => {
      const got = alternates[i];
      if (!got?.ok) {
        unknown.push({ path: `/AlternateContacts/${key}`, reason: got?.reason ?? 'missing_data:AlternateContacts' });
        return;
      }
      const c = got.absent ? undefined : got.value.AlternateContact;
      contacts[key] = c ? { Name: c.Name ?? null, Title: c.Title ?? null, EmailAddress: c.EmailAddress ?? null, PhoneNumber: c.PhoneNumber ?? null } : null;
    });

    const facts: Record<string, unknown> = { AlternateContacts: contacts };
    if (!information.ok) unknown.push({ path: '/ContactInformation', reason: information.reason });
    else {
      const c = information.absent ? undefined : information.value.ContactInformation;
      facts['ContactInformation'] = c
        ? {
            FullName: c.FullName ?? null,
            CompanyName: c.CompanyName ?? null,
            PhoneNumber: c.PhoneNumber ?? null,
            AddressLine1: c.AddressLine1 ?? null,
            City: c.City ?? null,
            StateOrRegion: c.StateOrRegion ?? null,
            PostalCode: c.PostalCode ?? null,
            CountryCode: c.CountryCode ?? null,
            WebsiteUrl: c.WebsiteUrl ?? null,
          }
        : null;
    }
    ctx.accountFacts(facts, unknown);
  },
});
