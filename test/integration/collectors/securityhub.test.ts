// The Security Hub collector: not enabled (InvalidAccessException), enabled with its standards (GetEnabledStandards is
// a proxy stand-in; moto lacks it), every page of standards, each operation denied, throttling.
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import securityhub from '../../../src/collectors/securityhub.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
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

const RULE = 'security-hub-enabled';
const CIS = 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0';
const FSBP = 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0';
const PCI = 'arn:aws:securityhub:us-east-1::standards/pci-dss/v/4.0.1';

async function enableHub(regionName = 'us-east-1'): Promise<void> {
  await new SecurityHubClient(clientConfig(h.endpoint, { region: regionName })).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  h.proxy.state.account().region(regionName).securityHubStandards = [
    { StandardsSubscriptionArn: `${CIS}/sub`, StandardsArn: CIS, StandardsInput: {}, StandardsStatus: 'READY' },
    { StandardsSubscriptionArn: `${FSBP}/sub`, StandardsArn: FSBP, StandardsInput: {}, StandardsStatus: 'READY' },
    { StandardsSubscriptionArn: `${PCI}/sub`, StandardsArn: PCI, StandardsInput: {}, StandardsStatus: 'DELETING' },
  ];
}

describe('securityhub collector', () => {
  it('enabled with its standards in one Region, not enabled in another', async () => {
    await enableHub();
    const snapshot = await scanWith(h, [securityhub], { regions: ['us-east-1', 'eu-west-1'] });
    expect(region(snapshot, 'us-east-1').properties['SecurityHub']).toEqual({ Enabled: true, Standards: [FSBP, CIS] });
    expect(region(snapshot, 'eu-west-1').properties['SecurityHub']).toEqual({ Enabled: false, Standards: [] });
    expect(region(snapshot, 'eu-west-1').unknown).toEqual([]);
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
    const enabledOnly = await scanWith(h, [securityhub]);
    expect(statuses(enabledOnly, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('follows every page of enabled standards', async () => {
    await enableHub();
    h.proxy.paginate({ service: 'securityhub', operation: 'GetEnabledStandards' }, { pageSize: 1 });
    const snapshot = await scanWith(h, [securityhub]);
    expect(region(snapshot).properties['SecurityHub']).toEqual({ Enabled: true, Standards: [FSBP, CIS] });
    expect(h.proxy.callsTo('securityhub', 'GetEnabledStandards').map((c) => c.answeredBy)).toEqual(['stand-in', 'page', 'page']);
  });

  it.each([
    ['DescribeHub', '/SecurityHub'],
    ['GetEnabledStandards', '/SecurityHub/Standards'],
  ])('denied %s: %s unknown', async (operation, path) => {
    await enableHub();
    h.proxy.fault({ service: 'securityhub', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [securityhub]);
    expectFailedRecord(snapshot, `securityhub:${operation}`, 'access_denied');
    expect(marks(region(snapshot))).toEqual({ [path]: `collection_failed:securityhub:${operation}` });
    // The rule reads the hub and its standards together, so either denial leaves it unknown.
    expectUnknown(snapshot, [RULE], `${operation} denied`);
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    h.proxy.fault({ service: 'securityhub', operation: 'DescribeHub' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [securityhub], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'securityhub:DescribeHub', 'throttled');
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
