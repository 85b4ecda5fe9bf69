// The Support collector against the DescribeSeverityLevels stand-in: each support plan → SupportTier and the SUP-001
// rule; denied and throttled → unknown.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import support from '../../../src/collectors/support.js';
import { startAwsHarness, type AwsHarness, type SupportTier } from '../../harness/index.js';
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

describe('support collector', () => {
  const plans: Array<[SupportTier, string, string]> = [
    ['basic', 'basic', 'fail'],
    ['developer', 'basic', 'fail'],
    ['business', 'business', 'pass'],
    ['enterprise-on-ramp', 'enterprise', 'pass'],
    ['enterprise', 'enterprise', 'pass'],
  ];

  it.each(plans)('a %s plan reads as %s', async (plan, tier, verdict) => {
    h.proxy.state.account().supportTier = plan;
    const snapshot = await scanWith(h, [support]);
    expect(account(snapshot).properties['SupportTier']).toBe(tier);
    expect(account(snapshot).unknown).toEqual([]);
    // SubscriptionRequiredException is the answer for basic plans, not a failure.
    expect(record(snapshot, 'support:DescribeSeverityLevels')).toMatchObject({ outcome: 'ok', calls: { ok: 1 } });
    expect(h.proxy.callsTo('support', 'DescribeSeverityLevels').map((c) => c.answeredBy)).toEqual(['stand-in']);
    expect(statuses(snapshot, ['support-plan-business-or-higher'])).toEqual({ 'support-plan-business-or-higher': verdict });
  });

  it('denied: the tier is unknown, not basic', async () => {
    h.proxy.fault({ service: 'support', operation: 'DescribeSeverityLevels' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [support]);
    expectFailedRecord(snapshot, 'support:DescribeSeverityLevels', 'access_denied');
    expect(marks(account(snapshot))).toEqual({ '/SupportTier': 'collection_failed:support:DescribeSeverityLevels' });
    expectUnknown(snapshot, ['support-plan-business-or-higher'], 'support denied');
  });

  it('persistent throttling: recorded as throttled, the tier unknown', async () => {
    h.proxy.fault({ service: 'support', operation: 'DescribeSeverityLevels' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [support], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'support:DescribeSeverityLevels', 'throttled');
    expect(h.proxy.callsTo('support', 'DescribeSeverityLevels')).toHaveLength(2);
    expectUnknown(snapshot, ['support-plan-business-or-higher'], 'support throttled');
  });
});
