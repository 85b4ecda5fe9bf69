// The Macie collector: moto's session (ENABLED; the proxy fixes its timestamps, which SDK v3 rejects), Macie not
// enabled (AWS: AccessDeniedException "Macie is not enabled", read as DISABLED), a session disabled in moto, a real
// denial (unknown, never DISABLED), and throttling. moto has no UpdateMacieSession, so PAUSED is not exercised.
import { DisableMacieCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import macie2 from '../../../src/collectors/macie2.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailedRecord, expectUnknown, marks, record, region, statuses } from './governance-helpers.js';
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

const RULE = 'macie-enabled';

describe('macie2 collector', () => {
  it('enabled in one Region, not enabled in another', async () => {
    h.proxy.state.account().region('eu-west-1').macie = 'disabled';
    const snapshot = await scanWith(h, [macie2], { regions: ['us-east-1', 'eu-west-1'] });
    expect(region(snapshot, 'us-east-1').properties['Macie']).toEqual({ Status: 'ENABLED' });
    expect(region(snapshot, 'eu-west-1').properties['Macie']).toEqual({ Status: 'DISABLED' });
    expect(region(snapshot, 'eu-west-1').unknown).toEqual([]);
    // "Macie is not enabled" is an answer, not a failed call.
    expect(record(snapshot, 'macie2:GetMacieSession', 'eu-west-1')).toMatchObject({ outcome: 'ok' });
    expect(h.proxy.callsTo('macie2', 'GetMacieSession').find((c) => c.region === 'us-east-1')?.answeredBy).toBe('patched');
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
    const enabled = await scanWith(h, [macie2]);
    expect(statuses(enabled, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('a session disabled in moto (ResourceNotFoundException there) reads as DISABLED too', async () => {
    await new Macie2Client(clientConfig(h.endpoint)).send(new DisableMacieCommand({}));
    const snapshot = await scanWith(h, [macie2]);
    expect(region(snapshot).properties['Macie']).toEqual({ Status: 'DISABLED' });
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
  });

  it('a denied call is unknown, never DISABLED', async () => {
    h.proxy.fault({ service: 'macie2', operation: 'GetMacieSession' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [macie2]);
    expectFailedRecord(snapshot, 'macie2:GetMacieSession', 'access_denied');
    expect(marks(region(snapshot))).toEqual({ '/Macie': 'collection_failed:macie2:GetMacieSession' });
    expectUnknown(snapshot, [RULE], 'denied');
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    h.proxy.fault({ service: 'macie2', operation: 'GetMacieSession' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [macie2], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'macie2:GetMacieSession', 'throttled');
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
