// The Resilience Hub collector: apps counted, resiliency policies with their RPO/RTO (loosest over the disruption
// types, and each one), every page, each operation denied, throttling; the RPO/RTO rules on the result.
import { CreateAppCommand, CreateResiliencyPolicyCommand, ResiliencehubClient } from '@aws-sdk/client-resiliencehub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import resiliencehub from '../../../src/collectors/resiliencehub.js';
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

const RULES = ['recovery-point-objective-defined', 'recovery-time-objective-defined'];

async function seed(apps: string[], policies: string[]): Promise<void> {
  const client = new ResiliencehubClient(clientConfig(h.endpoint));
  for (const name of apps) await client.send(new CreateAppCommand({ name }));
  for (const policyName of policies) {
    await client.send(
      new CreateResiliencyPolicyCommand({
        policyName,
        tier: 'MissionCritical',
        policy: { Software: { rpoInSecs: 300, rtoInSecs: 600 }, Hardware: { rpoInSecs: 300, rtoInSecs: 600 }, AZ: { rpoInSecs: 900, rtoInSecs: 1800 }, Region: { rpoInSecs: 3600, rtoInSecs: 14400 } },
      }),
    );
  }
  client.destroy();
}

describe('resiliencehub collector', () => {
  it('counts apps and collects policies with their objectives', async () => {
    await seed(['shop', 'api'], ['critical']);
    const snapshot = await scanWith(h, [resiliencehub]);
    expect(region(snapshot).properties['ResilienceHub']).toEqual({
      Apps: 2,
      Policies: [
        {
          Name: 'critical',
          Tier: 'MissionCritical',
          RpoSeconds: 3600,
          RtoSeconds: 14400,
          ByDisruption: {
            Software: { RpoSeconds: 300, RtoSeconds: 600 },
            Hardware: { RpoSeconds: 300, RtoSeconds: 600 },
            AZ: { RpoSeconds: 900, RtoSeconds: 1800 },
            Region: { RpoSeconds: 3600, RtoSeconds: 14400 },
          },
        },
      ],
    });
    expect(statuses(snapshot, RULES)).toEqual({ 'recovery-point-objective-defined': 'pass', 'recovery-time-objective-defined': 'pass' });
  });

  it('no policy anywhere fails (without ftr.yaml objectives)', async () => {
    const snapshot = await scanWith(h, [resiliencehub], { regions: ['us-east-1', 'eu-west-1'] });
    expect(region(snapshot, 'eu-west-1').properties['ResilienceHub']).toEqual({ Apps: 0, Policies: [] });
    expect(statuses(snapshot, RULES)).toEqual({ 'recovery-point-objective-defined': 'fail', 'recovery-time-objective-defined': 'fail' });
  });

  it('follows every page of apps and policies', async () => {
    await seed(['a', 'b', 'c'], ['p1', 'p2']);
    h.proxy.paginate({ service: 'resiliencehub', operation: 'ListApps' }, { pageSize: 1, spec: { format: 'json', lists: ['appSummaries'], token: 'nextToken' } });
    h.proxy.paginate({ service: 'resiliencehub', operation: 'ListResiliencyPolicies' }, { pageSize: 1, spec: { format: 'json', lists: ['resiliencyPolicies'], token: 'nextToken' } });
    const snapshot = await scanWith(h, [resiliencehub]);
    const hub = region(snapshot).properties['ResilienceHub'] as { Apps: number; Policies: unknown[] };
    expect(hub.Apps).toBe(3);
    expect(hub.Policies).toHaveLength(2);
    expect(h.proxy.callsTo('resiliencehub', 'ListApps').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
  });

  it.each([
    ['ListApps', '/ResilienceHub/Apps', []],
    ['ListResiliencyPolicies', '/ResilienceHub/Policies', RULES],
  ])('denied %s: %s unknown', async (operation, path, rules) => {
    h.proxy.fault({ service: 'resiliencehub', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [resiliencehub]);
    expectFailedRecord(snapshot, `resiliencehub:${operation}`, 'access_denied');
    expect(marks(region(snapshot))).toEqual({ [path]: `collection_failed:resiliencehub:${operation}` });
    if (rules.length > 0) expectUnknown(snapshot, rules, `${operation} denied`);
  });

  it('persistent throttling: recorded, the rules unknown', async () => {
    h.proxy.fault({ service: 'resiliencehub', operation: 'ListResiliencyPolicies' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [resiliencehub], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'resiliencehub:ListResiliencyPolicies', 'throttled');
    expectUnknown(snapshot, RULES, 'throttled');
  });
});
