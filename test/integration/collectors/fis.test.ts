// The FIS collector: experiments with their actions and whether their targets are scoped to one Availability Zone
// (GetExperiment per experiment), every page, each operation denied, throttling.
import { CreateExperimentTemplateCommand, FisClient, GetExperimentCommand, StartExperimentCommand, type CreateExperimentTemplateCommandInput } from '@aws-sdk/client-fis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fis from '../../../src/collectors/fis.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailedRecord, expectUnknown, marks, region, statuses } from './governance-helpers.js';
import { scanWith } from './scan-helpers.js';

let h: AwsHarness;
let client: FisClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new FisClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  client?.destroy();
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const RULE = 'fis-az-impairment-tested-yearly';
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
const base = { description: 'game day', roleArn: 'arn:aws:iam::123456789012:role/fis', stopConditions: [{ source: 'none' }] };
const AZ_STOP: Omit<CreateExperimentTemplateCommandInput, 'clientToken'> = {
  ...base,
  targets: { instances: { resourceType: 'aws:ec2:instance', resourceTags: { env: 'prod' }, filters: [{ path: 'Placement.AvailabilityZone', values: ['us-east-1a'] }], selectionMode: 'ALL' } },
  actions: { stop: { actionId: 'aws:ec2:stop-instances', targets: { Instances: 'instances' } } },
};
const WAIT: Omit<CreateExperimentTemplateCommandInput, 'clientToken'> = { ...base, actions: { wait: { actionId: 'aws:fis:wait', parameters: { duration: 'PT1M' } } } };

/** Runs an experiment from a template to completion (moto moves its state one step per read). */
async function runExperiment(name: string, template: Omit<CreateExperimentTemplateCommandInput, 'clientToken'>): Promise<string> {
  const created = await client.send(new CreateExperimentTemplateCommand({ ...template, clientToken: `${name}-template` }));
  const started = await client.send(new StartExperimentCommand({ clientToken: `${name}-run`, experimentTemplateId: created.experimentTemplate?.id }));
  const id = started.experiment?.id ?? '';
  for (let i = 0; i < 10; i++) {
    const got = await client.send(new GetExperimentCommand({ id }));
    if (got.experiment?.state?.status === 'completed') break;
  }
  return id;
}

describe('fis collector', () => {
  it('collects experiments with their actions and AZ scoping', async () => {
    const az = await runExperiment('az', AZ_STOP);
    const wait = await runExperiment('wait', WAIT);
    const snapshot = await scanWith(h, [fis]);
    const experiments = (region(snapshot).properties['Fis'] as { Experiments: Array<{ Id: string }> }).Experiments;
    expect([...experiments].sort((a, b) => (a.Id === az ? -1 : b.Id === az ? 1 : 0))).toEqual([
      { Id: az, State: 'completed', StartTime: ISO, EndTime: ISO, Actions: ['aws:ec2:stop-instances'], TargetsAz: true },
      { Id: wait, State: 'completed', StartTime: ISO, EndTime: ISO, Actions: ['aws:fis:wait'], TargetsAz: false },
    ]);
    expect(region(snapshot).unknown).toEqual([]);
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('no experiment, or none impairing an AZ, fails', async () => {
    const none = await scanWith(h, [fis]);
    expect(region(none).properties['Fis']).toEqual({ Experiments: [] });
    expect(statuses(none, [RULE])).toEqual({ [RULE]: 'fail' });
    await runExperiment('wait', WAIT);
    expect(statuses(await scanWith(h, [fis]), [RULE])).toEqual({ [RULE]: 'fail' });
  });

  it('follows every page of experiments', async () => {
    for (const name of ['a', 'b', 'c']) await runExperiment(name, WAIT);
    h.proxy.paginate({ service: 'fis', operation: 'ListExperiments' }, { pageSize: 1, spec: { format: 'json', lists: ['experiments'], token: 'nextToken' } });
    const snapshot = await scanWith(h, [fis]);
    expect((region(snapshot).properties['Fis'] as { Experiments: unknown[] }).Experiments).toHaveLength(3);
    expect(h.proxy.callsTo('fis', 'ListExperiments').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
  });

  it('denied ListExperiments: the Region’s experiments unknown', async () => {
    await runExperiment('az', AZ_STOP);
    h.proxy.fault({ service: 'fis', operation: 'ListExperiments' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [fis]);
    expectFailedRecord(snapshot, 'fis:ListExperiments', 'access_denied');
    expect(marks(region(snapshot))).toEqual({ '/Fis': 'collection_failed:fis:ListExperiments' });
    expectUnknown(snapshot, [RULE], 'ListExperiments denied');
  });

  it('denied GetExperiment: each experiment’s actions unknown, the experiment still listed', async () => {
    const az = await runExperiment('az', AZ_STOP);
    h.proxy.fault({ service: 'fis', operation: 'GetExperiment' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [fis]);
    expectFailedRecord(snapshot, 'fis:GetExperiment', 'access_denied', { affected: [`arn:aws:fis:us-east-1:123456789012:experiment/${az}`] });
    expect(marks(region(snapshot))).toEqual({ '/Fis/Experiments/0/Actions': 'collection_failed:fis:GetExperiment', '/Fis/Experiments/0/TargetsAz': 'collection_failed:fis:GetExperiment' });
    expect(region(snapshot).properties['Fis']).toEqual({ Experiments: [{ Id: az, State: 'completed', StartTime: ISO, EndTime: null }] });
    expectUnknown(snapshot, [RULE], 'GetExperiment denied');
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    h.proxy.fault({ service: 'fis', operation: 'ListExperiments' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [fis], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'fis:ListExperiments', 'throttled');
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
