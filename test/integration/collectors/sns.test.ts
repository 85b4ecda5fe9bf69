// The SNS collector: topics with and without a KMS key, ListTopics pagination, denials, throttling and one denied
// GetTopicAttributes among several.
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import sns from '../../../src/collectors/sns.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const TOPIC = 'AWS::SNS::Topic';
const RULE = 'sns-topic-kms-encrypted';

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

const create = (Name: string, Attributes: Record<string, string> = {}) => new SNSClient(clientConfig(h.endpoint)).send(new CreateTopicCommand({ Name, Attributes }));

it('reads each topic’s KMS key', async () => {
  await create('alerts', { KmsMasterKeyId: 'alias/aws/sns' });
  await create('events.fifo', { FifoTopic: 'true' });
  const snapshot = await scanWith(h, [sns]);
  const alerts = resourceNamed(snapshot, TOPIC, 'alerts');
  expect(alerts).toMatchObject({ uid: 'arn:aws:sns:us-east-1:123456789012:alerts', physicalId: 'arn:aws:sns:us-east-1:123456789012:alerts', unknown: [] });
  expect(alerts.properties).toEqual({ TopicName: 'alerts', KmsMasterKeyId: 'alias/aws/sns' });
  expect(resourceNamed(snapshot, TOPIC, 'events.fifo').properties).toEqual({ TopicName: 'events.fifo', KmsMasterKeyId: null, FifoTopic: true });
  expect(record(snapshot, 'sns:ListTopics')).toMatchObject({ outcome: 'ok', lists: [TOPIC] });
  expect(outcomeOn(snapshot, RULE, alerts.uid)).toBe('pass');
  expect(outcomeOn(snapshot, RULE, resourceNamed(snapshot, TOPIC, 'events.fifo').uid)).toBe('fail');
});

it('follows ListTopics to the last page', async () => {
  const names = ['t1', 't2', 't3', 't4', 't5'];
  for (const name of names) await create(name);
  h.proxy.paginate({ service: 'sns', operation: 'ListTopics' }, { pageSize: 2 });
  const snapshot = await scanWith(h, [sns]);
  expect(resourcesOf(snapshot, TOPIC).map((t) => t.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('sns', 'ListTopics').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the rule unknown when a call is denied or throttled', async () => {
  await create('alerts', { KmsMasterKeyId: 'alias/aws/sns' });
  h.proxy.fault({ service: 'sns', operation: 'ListTopics' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [sns]);
  expect(resourcesOf(denied, TOPIC)).toEqual([]);
  expectFailure(denied, 'sns:ListTopics', 'access_denied', { rules: [RULE] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'sns', operation: 'GetTopicAttributes' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [sns], { maxAttempts: 1 });
  const topic = resourceNamed(throttled, TOPIC, 'alerts');
  expect(unknownPaths(topic)).toEqual(['/FifoTopic', '/KmsMasterKeyId']);
  expectFailure(throttled, 'sns:GetTopicAttributes', 'throttled', { affected: [topic.uid], rules: [RULE] });
});

it('marks only the topic whose attributes were denied', async () => {
  for (const name of ['a', 'b', 'c']) await create(name, { KmsMasterKeyId: 'alias/aws/sns' });
  h.proxy.fault({ service: 'sns', operation: 'GetTopicAttributes' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [sns]);
  const r = record(snapshot, 'sns:GetTopicAttributes');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  expect(resourcesOf(snapshot, TOPIC).filter((t) => t.unknown.length > 0).map((t) => t.uid)).toEqual(r.affected);
});
