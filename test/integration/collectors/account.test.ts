// The Account Management collector: alternate contacts (set / not set), contact information (stand-in), one or every
// contact read denied, throttling; with the Organizations collector, the company-domain rule over every address.
import { AccountClient, PutAlternateContactCommand, PutContactInformationCommand, type AlternateContactType } from '@aws-sdk/client-account';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import accountCollector from '../../../src/collectors/account.js';
import organizations from '../../../src/collectors/organizations.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, expectFailedRecord, expectUnknown, marks, record, statuses } from './governance-helpers.js';
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

const contact = (type: string, domain = 'example.com') => ({ Name: `${type} team`, Title: type, EmailAddress: `${type.toLowerCase()}@${domain}`, PhoneNumber: '+1-555-0100' });

async function seedContacts(types: AlternateContactType[], domain = 'example.com'): Promise<void> {
  const client = new AccountClient(clientConfig(h.endpoint));
  for (const type of types) await client.send(new PutAlternateContactCommand({ AlternateContactType: type, ...contact(type, domain) }));
  client.destroy();
}

describe('account collector', () => {
  it('reads the three alternate contacts (null when not set) and the contact information', async () => {
    await seedContacts(['BILLING', 'SECURITY']);
    const client = new AccountClient(clientConfig(h.endpoint));
    await client.send(
      new PutContactInformationCommand({
        ContactInformation: { FullName: 'Example Corp', CompanyName: 'Example Corp', PhoneNumber: '+1-555-0100', AddressLine1: '1 Main St', City: 'Springfield', PostalCode: '12345', CountryCode: 'US', WebsiteUrl: 'https://example.com' },
      }),
    );
    const snapshot = await scanWith(h, [accountCollector]);
    const facts = account(snapshot);
    expect(facts.unknown).toEqual([]);
    expect(facts.properties['AlternateContacts']).toEqual({ Billing: contact('BILLING'), Operations: null, Security: contact('SECURITY') });
    expect(facts.properties['ContactInformation']).toEqual({
      FullName: 'Example Corp',
      CompanyName: 'Example Corp',
      PhoneNumber: '+1-555-0100',
      AddressLine1: '1 Main St',
      City: 'Springfield',
      StateOrRegion: null,
      PostalCode: '12345',
      CountryCode: 'US',
      WebsiteUrl: 'https://example.com',
    });
    expect(record(snapshot, 'account:GetAlternateContact')).toMatchObject({ outcome: 'ok', calls: { ok: 3 } });
    expect(statuses(snapshot, ['alternate-contacts-set'])).toEqual({ 'alternate-contacts-set': 'fail' });
  });

  it('no contact information stored is null; all three contacts set pass', async () => {
    await seedContacts(['BILLING', 'OPERATIONS', 'SECURITY']);
    const snapshot = await scanWith(h, [accountCollector]);
    expect(account(snapshot).properties['ContactInformation']).toBeNull();
    expect(statuses(snapshot, ['alternate-contacts-set'])).toEqual({ 'alternate-contacts-set': 'pass' });
  });

  it('judges every address against the company domains, with the root email from Organizations', async () => {
    await seedContacts(['BILLING', 'OPERATIONS'], 'example.com');
    await seedContacts(['SECURITY'], 'gmail.com');
    await new OrganizationsClient(clientConfig(h.endpoint)).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const snapshot = await scanWith(h, [accountCollector, organizations]);
    expect(account(snapshot).properties['PrimaryEmail']).toBe('master@example.com');
    expect(statuses(snapshot, ['account-contacts-company-domains'], { emailDomains: ['example.com'] })).toEqual({ 'account-contacts-company-domains': 'fail' });
  });

  it('one denied contact read leaves that contact unknown, and only it', async () => {
    await seedContacts(['BILLING', 'OPERATIONS', 'SECURITY']);
    h.proxy.fault({ service: 'account', operation: 'GetAlternateContact' }, { kind: 'access_denied', times: 1 });
    const snapshot = await scanWith(h, [accountCollector]);
    expect(record(snapshot, 'account:GetAlternateContact')).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 }, affected: ['account:123456789012'] });
    const unknown = Object.keys(marks(account(snapshot)));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatch(/^\/AlternateContacts\/(Billing|Operations|Security)$/);
    expectUnknown(snapshot, ['alternate-contacts-set'], 'one contact denied');
  });

  it('every operation denied: contacts and contact information unknown', async () => {
    for (const operation of ['GetAlternateContact', 'GetContactInformation']) h.proxy.fault({ service: 'account', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [accountCollector]);
    expectFailedRecord(snapshot, 'account:GetAlternateContact', 'access_denied');
    expectFailedRecord(snapshot, 'account:GetContactInformation', 'access_denied');
    expect(Object.keys(marks(account(snapshot))).sort()).toEqual(['/AlternateContacts/Billing', '/AlternateContacts/Operations', '/AlternateContacts/Security', '/ContactInformation']);
    expectUnknown(snapshot, ['alternate-contacts-set', 'account-contacts-company-domains'], 'contacts denied', { emailDomains: ['example.com'] });
  });

  it('persistent throttling is recorded and leaves the contacts unknown', async () => {
    h.proxy.fault({ service: 'account', operation: 'GetAlternateContact' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [accountCollector], { maxAttempts: 1 });
    expectFailedRecord(snapshot, 'account:GetAlternateContact', 'throttled');
    expectUnknown(snapshot, ['alternate-contacts-set'], 'contacts throttled');
  });
});
