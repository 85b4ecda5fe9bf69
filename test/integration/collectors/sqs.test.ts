// The SQS collector: SSE-KMS, SSE-SQS and unencrypted queues, ListQueues pagination, denials, throttling and one
// denied GetQueueAttributes among several.
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import sqs from '../../../src/collectors/sqs.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const QUEUE = 'AWS::SQS::Queue';
const RULE = 'sqs-queue-encrypted';

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

const create = (QueueName: string, Attributes: Record<string, string> = {}) => new SQSClient(clientConfig(h.endpoint)).send(new CreateQueueCommand({ QueueName, Attributes }));

it('reads each queue’s encryption', async () => {
  const jobs = await create('jobs', { KmsMasterKeyId: 'alias/aws/sqs' });
  await create('events');
  await create('legacy', { SqsManagedSseEnabled: 'false' });
  const snapshot = await scanWith(h, [sqs]);
  const queue = resourceNamed(snapshot, QUEUE, 'jobs');
  expect(queue).toMatchObject({ uid: 'arn:aws:sqs:us-east-1:123456789012:jobs', physicalId: jobs.QueueUrl, unknown: [] });
  expect(queue.properties).toEqual({ QueueName: 'jobs', KmsMasterKeyId: 'alias/aws/sqs', SqsManagedSseEnabled: true });
  expect(resourceNamed(snapshot, QUEUE, 'events').properties).toEqual({ QueueName: 'events', KmsMasterKeyId: null, SqsManagedSseEnabled: true });
  expect(resourceNamed(snapshot, QUEUE, 'legacy').properties).toEqual({ QueueName: 'legacy', KmsMasterKeyId: null, SqsManagedSseEnabled: false });
  expect(record(snapshot, 'sqs:ListQueues')).toMatchObject({ outcome: 'ok', lists: [QUEUE] });
  expect(outcomeOn(snapshot, RULE, queue.uid)).toBe('pass');
  expect(outcomeOn(snapshot, RULE, resourceNamed(snapshot, QUEUE, 'events').uid)).toBe('pass');
  expect(outcomeOn(snapshot, RULE, resourceNamed(snapshot, QUEUE, 'legacy').uid)).toBe('fail');
});

it('follows ListQueues to the last page', async () => {
  const names = ['q1', 'q2', 'q3', 'q4', 'q5'];
  for (const name of names) await create(name);
  h.proxy.paginate({ service: 'sqs', operation: 'ListQueues' }, { pageSize: 2, spec: { format: 'json', lists: ['QueueUrls'], token: 'NextToken' } });
  const snapshot = await scanWith(h, [sqs]);
  expect(resourcesOf(snapshot, QUEUE).map((q) => q.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('sqs', 'ListQueues').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the rule unknown when a call is denied or throttled', async () => {
  await create('jobs');
  h.proxy.fault({ service: 'sqs', operation: 'ListQueues' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [sqs]);
  expect(resourcesOf(denied, QUEUE)).toEqual([]);
  expectFailure(denied, 'sqs:ListQueues', 'access_denied', { rules: [RULE] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'sqs', operation: 'GetQueueAttributes' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [sqs], { maxAttempts: 1 });
  const queue = resourceNamed(throttled, QUEUE, 'jobs');
  expect(unknownPaths(queue)).toEqual(['/FifoQueue', '/KmsMasterKeyId', '/SqsManagedSseEnabled']);
  expectFailure(throttled, 'sqs:GetQueueAttributes', 'throttled', { affected: [queue.uid], rules: [RULE] });
});

it('marks only the queue whose attributes were denied', async () => {
  for (const name of ['a', 'b', 'c']) await create(name);
  h.proxy.fault({ service: 'sqs', operation: 'GetQueueAttributes' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [sqs]);
  const r = record(snapshot, 'sqs:GetQueueAttributes');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  expect(resourcesOf(snapshot, QUEUE).filter((q) => q.unknown.length > 0).map((q) => q.uid)).toEqual(r.affected);
});
