// The GuardDuty collector: a detector enabled, suspended or missing per Region; every page of detectors; each
// operation denied; throttling.
import { CreateDetectorCommand, GuardDutyClient, UpdateDetectorCommand } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import guardduty from '../../../src/collectors/guardduty.js';
import { clientConfig, startAwsHarness, type AwsHarness, type ListSpec } from '../../harness/index.js';
import { expectFailedRecord, expectUnknown, marks, region, statuses } from './governance-helpers.js';
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

const RULE = 'guardduty-enabled-in-region';
const LIST_SPEC: ListSpec = { format: 'json', lists: ['detectorIds'], token: 'nextToken' };

async function createDetector(regionName = 'us-east-1', enable = true): Promise<string> {
  const client = new GuardDutyClient(clientConfig(h.endpoint, { region: regionName }));
  const out = await client.send(new CreateDetectorCommand({ Enable: enable }));
  client.destroy();
  return out.DetectorId ?? '';
}

describe('guardduty collector', () => {
  it('per Region: enabled, or no detector', async () => {
    const id = await createDetector();
    const snapshot = await scanWith(h, [guardduty], { regions: ['us-east-1', 'eu-west-1'] });
    expect(region(snapshot, 'us-east-1').properties['GuardDuty']).toEqual({ Enabled: true, DetectorId: id, Status: 'ENABLED' });
    expect(region(snapshot, 'eu-west-1').properties['GuardDuty']).toEqual({ Enabled: false, DetectorId: null, Status: null });
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
    expect(statuses(await scanWith(h, [guardduty]), [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('a suspended detector', async () => {
    const id = await createDetector();
    await new GuardDutyClient(clientConfig(h.endpoint)).send(new UpdateDetectorCommand({ DetectorId: id, Enable: false }));
    const snapshot = await scanWith(h, [guardduty]);
    expect(region(snapshot).properties['GuardDuty']).toEqual({ Enabled: false, DetectorId: id, Status: 'DISABLED' });
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
  });

  it('follows the detector list to its end: a page that fails is a failure', async () => {
    const id = await createDetector();
    h.proxy.paginate({ service: 'guardduty', operation: 'ListDetectors' }, { pageSize: 1, spec: LIST_SPEC, failAfterPages: 1, failWith: { kind: 'access_denied' } });
    const truncated = await scanWith(h, [guardduty]);
    // A listing that breaks off on its second page is a failure, never "the first page was all".
    expectFailedRecord(truncated, 'guardduty:ListDetectors', 'access_denied');
    expectUnknown(truncated, [RULE], 'ListDetectors page 2 denied');

    h.proxy.clearFaults();
    h.proxy.paginate({ service: 'guardduty', operation: 'ListDetectors' }, { pageSize: 1, spec: LIST_SPEC });
    const snapshot = await scanWith(h, [guardduty]);
    expect(region(snapshot).properties['GuardDuty']).toMatchObject({ DetectorId: id });
    expect(h.proxy.callsTo('guardduty', 'ListDetectors').at(-1)?.answeredBy).toBe('moto');
  });

  it.each([
    ['ListDetectors', { '/GuardDuty': 'collection_failed:guardduty:ListDetectors' }],
    ['GetDetector', { '/GuardDuty/Enabled': 'collection_failed:guardduty:GetDetector', '/GuardDuty/Status': 'collection_failed:guardduty:GetDetector' }],
  ])('denied %s', async (operation, expected) => {
    await createDetector();
    h.proxy.fault({ service: 'guardduty', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [guardduty]);
    expectFailedRecord(snapshot, `guardduty:${operation}`, 'access_denied');
    expect(marks(region(snapshot))).toEqual(expected);
    expectUnknown(snapshot, [RULE], `${operation} denied`);
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    h.proxy.fault({ service: 'guardduty', operation: 'ListDetectors' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [guardduty], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'guardduty:ListDetectors', 'throttled');
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
