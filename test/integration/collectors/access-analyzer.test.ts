// The Access Analyzer collector against the proxy's ListAnalyzers stand-in (moto has no Access Analyzer): analyzers
// per Region, every page, denied, throttled.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import accessAnalyzer from '../../../src/collectors/access-analyzer.js';
import { startAwsHarness, type AwsHarness } from '../../harness/index.js';
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

const RULE = 'unused-access-analyzer-enabled';
const arn = (name: string) => `arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/${name}`;

function seedAnalyzers(): void {
  h.proxy.state.account().region('eu-west-1').accessAnalyzers = [
    { arn: arn('external'), name: 'external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2026-01-01T00:00:00Z') },
    { arn: arn('unused'), name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: new Date('2026-01-01T00:00:00Z') },
  ];
}

describe('access-analyzer collector', () => {
  it('lists every analyzer per Region', async () => {
    seedAnalyzers();
    const snapshot = await scanWith(h, [accessAnalyzer], { regions: ['us-east-1', 'eu-west-1'] });
    expect(region(snapshot, 'eu-west-1').properties['AccessAnalyzers']).toEqual([
      { Name: 'external', Type: 'ACCOUNT', Status: 'ACTIVE', Arn: arn('external') },
      { Name: 'unused', Type: 'ACCOUNT_UNUSED_ACCESS', Status: 'ACTIVE', Arn: arn('unused') },
    ]);
    expect(region(snapshot, 'us-east-1').properties['AccessAnalyzers']).toEqual([]);
    expect(record(snapshot, 'access-analyzer:ListAnalyzers', 'us-east-1').outcome).toBe('ok');
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('no unused-access analyzer anywhere fails', async () => {
    const snapshot = await scanWith(h, [accessAnalyzer], { regions: ['us-east-1', 'eu-west-1'] });
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
  });

  it('follows every page', async () => {
    seedAnalyzers();
    h.proxy.paginate({ service: 'access-analyzer', operation: 'ListAnalyzers' }, { pageSize: 1 });
    const snapshot = await scanWith(h, [accessAnalyzer], { regions: ['eu-west-1'] });
    expect((region(snapshot, 'eu-west-1').properties['AccessAnalyzers'] as unknown[]).length).toBe(2);
    expect(h.proxy.callsTo('access-analyzer', 'ListAnalyzers').map((c) => c.answeredBy)).toEqual(['stand-in', 'page']);
  });

  it('denied in one Region: that Region unknown, and without an analyzer elsewhere the rule too', async () => {
    h.proxy.fault({ service: 'access-analyzer', operation: 'ListAnalyzers', region: 'eu-west-1' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [accessAnalyzer], { regions: ['us-east-1', 'eu-west-1'] });
    expectFailedRecord(snapshot, 'access-analyzer:ListAnalyzers', 'access_denied', { region: 'eu-west-1' });
    expect(marks(region(snapshot, 'eu-west-1'))).toEqual({ '/AccessAnalyzers': 'collection_failed:access-analyzer:ListAnalyzers' });
    expectUnknown(snapshot, [RULE], 'denied');
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    h.proxy.fault({ service: 'access-analyzer', operation: 'ListAnalyzers' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [accessAnalyzer], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'access-analyzer:ListAnalyzers', 'throttled');
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
