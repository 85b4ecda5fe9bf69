/**
 * Amazon SQS queues: ListQueues, and GetQueueAttributes per queue (no batch call) → `AWS::SQS::Queue` with its
 * encryption: `KmsMasterKeyId` (`null` = none) and `SqsManagedSseEnabled` (SSE-SQS). An answer without the SSE-SQS
 * attribute leaves it unwritten (unknown), never false.
 */
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

const ATTRIBUTES = ['QueueArn', 'KmsMasterKeyId', 'SqsManagedSseEnabled', 'FifoQueue'] as const;

export default defineCollector({
  service: 'sqs',
  scope: 'regional',
  operations: {
    ListQueues: 'sqs:ListQueues',
    GetQueueAttributes: 'sqs:GetQueueAttributes',
  },
  listings: { ListQueues: ['AWS::SQS::Queue'] },
  produces: ['AWS::SQS::Queue'],
  async collect(ctx) {
    const client = ctx.client(SQSClient);
    // Without MaxResults, ListQueues stops at 1,000 queues and gives no token.
    const queues = await ctx.pages(
      'ListQueues',
      (NextToken, o) => client.send(new ListQueuesCommand({ NextToken, MaxResults: 1000 }), o),
      (page) => page.NextToken,
      (page) => page.QueueUrls,
    );
    if (!queues.ok) return;
    await mapLimit(queues.value, 4, async (url) => {
      const name = url.slice(url.lastIndexOf('/') + 1);
      const fallbackArn = buildArn(ctx.apiRegion, 'sqs', ctx.region, ctx.account, name);
      const attributes = await ctx.call('GetQueueAttributes', (o) => client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...ATTRIBUTES] }), o), { resource: fallbackArn });
      const a = attributes.ok ? (attributes.value.Attributes ?? {}) : undefined;
      const sseSqs = a?.['SqsManagedSseEnabled'];
      ctx.emit({
        uid: a?.['QueueArn'] ?? fallbackArn,
        type: 'AWS::SQS::Queue',
        name,
        // CloudFormation's Ref of a queue is its URL.
        physicalId: url,
        properties: a
          ? defined({
              QueueName: name,
              KmsMasterKeyId: a['KmsMasterKeyId'] ? a['KmsMasterKeyId'] : null,
              SqsManagedSseEnabled: sseSqs === undefined ? undefined : sseSqs === 'true',
              FifoQueue: a['FifoQueue'] === undefined ? undefined : a['FifoQueue'] === 'true',
            })
          : { QueueName: name },
        unknown: attributes.ok ? [] : ['/KmsMasterKeyId', '/SqsManagedSseEnabled', '/FifoQueue'].map((path) => ({ path, reason: attributes.reason })),
      });
    });
  },
});
