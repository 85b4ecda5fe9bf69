// The ElastiCache collector: replication groups with their encryption and failover settings, pagination, denial
// and throttling.
import { CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import elasticache from '../../../src/collectors/elasticache.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const GROUP = 'AWS::ElastiCache::ReplicationGroup';
const RULES = ['elasticache-encrypted-at-rest', 'elasticache-in-transit-encryption'];

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

const create = (ReplicationGroupId: string, encrypted: boolean) =>
  new ElastiCacheClient(clientConfig(h.endpoint)).send(
    new CreateReplicationGroupCommand({
      ReplicationGroupId,
      ReplicationGroupDescription: 'cache',
      Engine: 'redis',
      CacheNodeType: 'cache.t3.micro',
      NumCacheClusters: 2,
      AtRestEncryptionEnabled: encrypted,
      TransitEncryptionEnabled: encrypted,
      AutomaticFailoverEnabled: true,
    }),
  );

it('reads encryption at rest and in transit, failover and Multi-AZ', async () => {
  await create('sessions', true);
  await create('scratch', false);
  const snapshot = await scanWith(h, [elasticache]);
  const sessions = resourceNamed(snapshot, GROUP, 'sessions');
  expect(sessions).toMatchObject({ uid: 'arn:aws:elasticache:us-east-1:123456789012:replicationgroup:sessions', physicalId: 'sessions', unknown: [] });
  expect(sessions.properties).toEqual({
    ReplicationGroupId: 'sessions',
    Engine: 'redis',
    CacheNodeType: 'cache.t3.micro',
    Status: 'available',
    AtRestEncryptionEnabled: true,
    TransitEncryptionEnabled: true,
    AuthTokenEnabled: false,
    AutomaticFailoverEnabled: true,
    MultiAZEnabled: false,
    ClusterMode: 'disabled',
    NumNodeGroups: 1,
    SnapshotRetentionLimit: 0,
  });
  expect(record(snapshot, 'elasticache:DescribeReplicationGroups')).toMatchObject({ outcome: 'ok', lists: [GROUP] });
  const scratch = resourceNamed(snapshot, GROUP, 'scratch').uid;
  // No TransitEncryptionMode from moto: groups older than the setting always require TLS once it is on.
  expect(outcomeOn(snapshot, 'elasticache-in-transit-encryption', sessions.uid)).toBe('pass');
  expect(outcomeOn(snapshot, 'elasticache-in-transit-encryption', scratch)).toBe('fail');
  expect(outcomeOn(snapshot, 'elasticache-encrypted-at-rest', sessions.uid)).toBe('pass');
  expect(outcomeOn(snapshot, 'elasticache-encrypted-at-rest', scratch)).toBe('fail');
});

it('follows DescribeReplicationGroups to the last page', async () => {
  const ids = ['g1', 'g2', 'g3', 'g4', 'g5'];
  for (const id of ids) await create(id, true);
  h.proxy.paginate({ service: 'elasticache', operation: 'DescribeReplicationGroups' }, { pageSize: 2, spec: { format: 'xml', lists: ['ReplicationGroups'], token: 'Marker' } });
  const snapshot = await scanWith(h, [elasticache]);
  expect(resourcesOf(snapshot, GROUP).map((g) => g.name).sort()).toEqual(ids);
  expect(h.proxy.callsTo('elasticache', 'DescribeReplicationGroups').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves both rules unknown when DescribeReplicationGroups is denied or throttled', async () => {
  await create('sessions', true);
  h.proxy.fault({ service: 'elasticache', operation: 'DescribeReplicationGroups' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [elasticache]);
  expect(resourcesOf(denied, GROUP)).toEqual([]);
  expectFailure(denied, 'elasticache:DescribeReplicationGroups', 'access_denied', { rules: RULES });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'elasticache', operation: 'DescribeReplicationGroups' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [elasticache], { maxAttempts: 1 }), 'elasticache:DescribeReplicationGroups', 'throttled', { rules: RULES });
});
