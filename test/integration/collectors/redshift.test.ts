// The Redshift collector: encryption and public access of each cluster, pagination, denial and throttling.
import { CreateClusterCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import redshift from '../../../src/collectors/redshift.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const CLUSTER = 'AWS::Redshift::Cluster';
const RULES = ['redshift-cluster-encrypted', 'redshift-cluster-not-public'];

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

const create = (ClusterIdentifier: string, Encrypted: boolean, PubliclyAccessible: boolean) =>
  new RedshiftClient(clientConfig(h.endpoint)).send(
    new CreateClusterCommand({ ClusterIdentifier, NodeType: 'ra3.xlplus', MasterUsername: 'admin', MasterUserPassword: 'Never-read-1', Encrypted, PubliclyAccessible, Tags: [{ Key: 'team', Value: 'bi' }] }),
  );

it('reads encryption and public access of each cluster', async () => {
  await create('warehouse', true, false);
  await create('sandbox', false, true);
  const snapshot = await scanWith(h, [redshift]);
  const warehouse = resourceNamed(snapshot, CLUSTER, 'warehouse');
  expect(warehouse).toMatchObject({ uid: 'arn:aws:redshift:us-east-1:123456789012:cluster:warehouse', physicalId: 'warehouse', tags: { team: 'bi' }, unknown: [] });
  expect(warehouse.properties).toEqual({
    ClusterIdentifier: 'warehouse',
    ClusterStatus: 'available',
    NodeType: 'ra3.xlplus',
    NumberOfNodes: 1,
    Encrypted: true,
    PubliclyAccessible: false,
    VpcSecurityGroupIds: [],
    AutomatedSnapshotRetentionPeriod: 1,
    EnhancedVpcRouting: false,
    AvailabilityZone: expect.any(String),
  });
  expect(record(snapshot, 'redshift:DescribeClusters')).toMatchObject({ outcome: 'ok', lists: [CLUSTER] });
  const sandbox = resourceNamed(snapshot, CLUSTER, 'sandbox').uid;
  expect(outcomeOn(snapshot, 'redshift-cluster-encrypted', warehouse.uid)).toBe('pass');
  expect(outcomeOn(snapshot, 'redshift-cluster-encrypted', sandbox)).toBe('fail');
  expect(outcomeOn(snapshot, 'redshift-cluster-not-public', warehouse.uid)).toBe('pass');
  expect(outcomeOn(snapshot, 'redshift-cluster-not-public', sandbox)).toBe('fail');
});

it('follows DescribeClusters to the last page', async () => {
  const ids = ['w1', 'w2', 'w3', 'w4', 'w5'];
  for (const id of ids) await create(id, true, false);
  h.proxy.paginate({ service: 'redshift', operation: 'DescribeClusters' }, { pageSize: 2, spec: { format: 'xml', lists: ['Clusters'], token: 'Marker' } });
  const snapshot = await scanWith(h, [redshift]);
  expect(resourcesOf(snapshot, CLUSTER).map((c) => c.name).sort()).toEqual(ids);
  expect(h.proxy.callsTo('redshift', 'DescribeClusters').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves both rules unknown when DescribeClusters is denied or throttled', async () => {
  await create('warehouse', true, false);
  h.proxy.fault({ service: 'redshift', operation: 'DescribeClusters' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [redshift]);
  expect(resourcesOf(denied, CLUSTER)).toEqual([]);
  expectFailure(denied, 'redshift:DescribeClusters', 'access_denied', { rules: RULES });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'redshift', operation: 'DescribeClusters' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [redshift], { maxAttempts: 1 }), 'redshift:DescribeClusters', 'throttled', { rules: RULES });
});
