// The DAX collector: clusters with and without encryption at rest, pagination, denial, throttling, an emulator
// without the API (unsupported), and a Region without DAX.
import { CreateClusterCommand, DAXClient } from '@aws-sdk/client-dax';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import dax from '../../../src/collectors/dax.js';
import { classifyError } from '../../../src/collectors/framework/classify-error.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const CLUSTER = 'AWS::DAX::Cluster';
const RULE = 'dynamodb-encrypted-at-rest';

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

async function createCluster(name: string, encrypted: boolean): Promise<void> {
  const client = new DAXClient(clientConfig(h.endpoint));
  await client.send(new CreateClusterCommand({ ClusterName: name, NodeType: 'dax.t3.small', ReplicationFactor: 1, IamRoleArn: 'arn:aws:iam::123456789012:role/dax', SSESpecification: { Enabled: encrypted } }));
}

it('reads each cluster’s encryption at rest and in transit', async () => {
  await createCluster('cache-enc', true);
  await createCluster('cache-plain', false);
  const snapshot = await scanWith(h, [dax]);
  const enc = resourceNamed(snapshot, CLUSTER, 'cache-enc');
  expect(enc).toMatchObject({ uid: 'arn:aws:dax:us-east-1:123456789012:cache/cache-enc', physicalId: 'cache-enc', region: 'us-east-1', unknown: [] });
  expect(enc.properties).toEqual({
    ClusterName: 'cache-enc',
    Status: 'creating',
    NodeType: 'dax.t3.small',
    ReplicationFactor: 1,
    SubnetGroupName: 'default',
    IAMRoleARN: 'arn:aws:iam::123456789012:role/dax',
    SecurityGroupIds: [expect.stringMatching(/^sg-/)],
    SSESpecification: { SSEEnabled: true },
    ClusterEndpointEncryptionType: 'NONE',
  });
  expect(resourceNamed(snapshot, CLUSTER, 'cache-plain').properties['SSESpecification']).toEqual({ SSEEnabled: false });
  expect(record(snapshot, 'dax:DescribeClusters')).toMatchObject({ outcome: 'ok', lists: [CLUSTER] });
  expect(outcomeOn(snapshot, RULE, enc.uid)).toBe('pass');
  expect(outcomeOn(snapshot, RULE, resourceNamed(snapshot, CLUSTER, 'cache-plain').uid)).toBe('fail');
});

it('follows DescribeClusters to the last page', async () => {
  const names = ['cache-a', 'cache-b', 'cache-c', 'cache-d', 'cache-e'];
  for (const name of names) await createCluster(name, true);
  h.proxy.paginate({ service: 'dax', operation: 'DescribeClusters' }, { pageSize: 2, spec: { format: 'json', lists: ['Clusters'], token: 'NextToken' } });
  const snapshot = await scanWith(h, [dax]);
  expect(resourcesOf(snapshot, CLUSTER).map((c) => c.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('dax', 'DescribeClusters').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the DAX inventory incomplete when denied, throttled or not implemented', async () => {
  await createCluster('cache', true);
  h.proxy.fault({ service: 'dax', operation: 'DescribeClusters' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [dax]);
  expect(resourcesOf(denied, CLUSTER)).toEqual([]);
  expectFailure(denied, 'dax:DescribeClusters', 'access_denied', { rules: [RULE] });

  h.proxy.clearFaults();
  h.proxy.clearCalls();
  h.proxy.fault({ service: 'dax', operation: 'DescribeClusters' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [dax]), 'dax:DescribeClusters', 'throttled', { rules: [RULE] });
  // The client retries a throttled call up to the scan's attempts (2 in these tests), as the SDK clients do.
  expect(h.proxy.callsTo('dax', 'DescribeClusters').map((c) => c.status)).toEqual([400, 400]);

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'dax', operation: 'DescribeClusters' }, { kind: 'error', code: 'NotImplemented', status: 501, message: '<!doctype html>' });
  expectFailure(await scanWith(h, [dax]), 'dax:DescribeClusters', 'unsupported', { rules: [RULE] });
});

it('a Region whose DAX endpoint does not resolve is classified by its network code (ENOTFOUND), which the collector reads as "no DAX here"', () => {
  const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND dax.xx-nowhere-1.amazonaws.com'), { code: 'ENOTFOUND' });
  expect(classifyError(notFound).code).toBe('ENOTFOUND');
  expect(dax.operations).toEqual({ DescribeClusters: 'dax:DescribeClusters' });
});
