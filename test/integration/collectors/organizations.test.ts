// The Organizations collector: where the account sits (standalone, management, member), the member list, and the
// root email (DescribeAccount in the management account, GetPrimaryEmail in a member); every operation denied;
// ListAccounts pagination; throttling.
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import organizations from '../../../src/collectors/organizations.js';
import { assumeRoleCredentials, clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, ACCOUNT, expectFailedRecord, expectUnknown, marks, record, statuses } from './governance-helpers.js';
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

const DOMAINS = { emailDomains: ['example.com'] };

/** An organization managed by the default account, with `members` member accounts; their ids. */
async function seedOrganization(members: number): Promise<{ id: string; members: string[] }> {
  const client = new OrganizationsClient(clientConfig(h.endpoint));
  const org = await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const ids: string[] = [];
  for (let i = 0; i < members; i++) {
    const created = await client.send(new CreateAccountCommand({ AccountName: `member-${i}`, Email: `member-${i}@example.com` }));
    ids.push(created.CreateAccountStatus?.AccountId ?? '');
  }
  client.destroy();
  return { id: org.Organization?.Id ?? '', members: ids };
}

describe('organizations collector', () => {
  it('a standalone account: Organization null, its root email unknown (no API can read it)', async () => {
    const snapshot = await scanWith(h, [organizations]);
    const facts = account(snapshot);
    expect(facts.properties['Organization']).toBeNull();
    expect(marks(facts)).toEqual({ '/PrimaryEmail': 'not_collected:PrimaryEmail' });
    expect(record(snapshot, 'organizations:DescribeOrganization').outcome).toBe('ok');
    expect(h.proxy.callsTo('organizations', 'ListAccounts')).toEqual([]);
    expect(h.proxy.callsTo('account', 'GetPrimaryEmail')).toEqual([]);
    expect(statuses(snapshot, ['root-credentials-centrally-managed'])).toEqual({ 'root-credentials-centrally-managed': 'not_applicable' });
    expectUnknown(snapshot, ['account-contacts-company-domains'], 'standalone root email', DOMAINS);
  });

  it('the management account: every member (all pages) and its own root email', async () => {
    const org = await seedOrganization(3);
    h.proxy.paginate({ service: 'organizations', operation: 'ListAccounts' }, { pageSize: 1 });
    const snapshot = await scanWith(h, [organizations]);
    const facts = account(snapshot);
    expect(facts.properties['Organization']).toEqual({ Id: org.id, ManagementAccountId: ACCOUNT, IsManagementAccount: true, AccountIds: [ACCOUNT, ...org.members].sort() });
    expect(facts.properties['PrimaryEmail']).toBe('master@example.com');
    expect(facts.unknown).toEqual([]);
    expect(h.proxy.callsTo('organizations', 'ListAccounts').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page', 'page']);
    expect(record(snapshot, 'organizations:ListAccounts')).toMatchObject({ outcome: 'ok', calls: { ok: 4 } });
  });

  it('a member account: its organization and management account, no member list; its root email where GetPrimaryEmail answers', async () => {
    const org = await seedOrganization(1);
    const member = org.members[0] ?? '';
    const credentials = await assumeRoleCredentials(h.endpoint, member);
    const snapshot = await scanWith(h, [organizations], { credentials });
    const facts = account(snapshot, member);
    expect(facts.properties['Organization']).toEqual({ Id: org.id, ManagementAccountId: ACCOUNT, IsManagementAccount: false });
    // The Account Management delegated administrator can read its own root email (the stand-in answers as one).
    expect(facts.properties['PrimaryEmail']).toBe(`root+${member}@example.com`);
    expect(h.proxy.callsTo('organizations', 'ListAccounts')).toEqual([]);
    expect(h.proxy.callsTo('organizations', 'DescribeAccount')).toEqual([]);

    // Any other member is denied: the email is unknown with that reason, never guessed.
    h.proxy.fault({ service: 'account', operation: 'GetPrimaryEmail' }, { kind: 'access_denied' });
    const denied = await scanWith(h, [organizations], { credentials });
    expectFailedRecord(denied, 'account:GetPrimaryEmail', 'access_denied', { affected: [`account:${member}`] });
    expect(marks(account(denied, member))).toEqual({ '/PrimaryEmail': 'collection_failed:account:GetPrimaryEmail' });
  });

  it('denied DescribeOrganization: the organization and root email are unknown, never "standalone"', async () => {
    h.proxy.fault({ service: 'organizations', operation: 'DescribeOrganization' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [organizations]);
    expectFailedRecord(snapshot, 'organizations:DescribeOrganization', 'access_denied');
    expect(marks(account(snapshot))).toEqual({
      '/Organization': 'collection_failed:organizations:DescribeOrganization',
      '/PrimaryEmail': 'collection_failed:organizations:DescribeOrganization',
    });
    expectUnknown(snapshot, ['root-credentials-centrally-managed', 'cost-allocation-tags-active', 'account-contacts-company-domains'], 'DescribeOrganization denied', DOMAINS);
  });

  it('denied ListAccounts or DescribeAccount: only what that call reads is unknown', async () => {
    await seedOrganization(1);
    h.proxy.fault({ service: 'organizations', operation: 'ListAccounts' }, { kind: 'access_denied' });
    h.proxy.fault({ service: 'organizations', operation: 'DescribeAccount' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [organizations]);
    expectFailedRecord(snapshot, 'organizations:ListAccounts', 'access_denied');
    expectFailedRecord(snapshot, 'organizations:DescribeAccount', 'access_denied');
    const facts = account(snapshot);
    expect(facts.properties['Organization']).toMatchObject({ IsManagementAccount: true });
    expect(marks(facts)).toEqual({
      '/Organization/AccountIds': 'collection_failed:organizations:ListAccounts',
      '/PrimaryEmail': 'collection_failed:organizations:DescribeAccount',
    });
    expectUnknown(snapshot, ['account-contacts-company-domains'], 'DescribeAccount denied', DOMAINS);
  });

  it('persistent throttling is recorded and leaves the organization unknown', async () => {
    h.proxy.fault({ service: 'organizations', operation: 'DescribeOrganization' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [organizations], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'organizations:DescribeOrganization', 'throttled');
    expect(h.proxy.callsTo('organizations', 'DescribeOrganization').map((c) => c.status)).toEqual([400, 400]);
    expectUnknown(snapshot, ['root-credentials-centrally-managed', 'cost-allocation-tags-active'], 'DescribeOrganization throttled');
  });
});
