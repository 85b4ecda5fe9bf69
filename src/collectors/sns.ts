/**
 * Amazon SNS topics: ListTopics, and GetTopicAttributes per topic (no batch call) → `AWS::SNS::Topic` with
 * `KmsMasterKeyId` (`null` = no SSE-KMS key). The topic policy and delivery settings are not kept.
 */
import { GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

export default defineCollector({
  service: 'sns',
  scope: 'regional',
  operations: {
    ListTopics: 'sns:ListTopics',
    GetTopicAttributes: 'sns:GetTopicAttributes',
  },
  listings: { ListTopics: ['AWS::SNS::Topic'] },
  produces: ['AWS::SNS::Topic'],
  async collect(ctx) {
    const client = ctx.client(SNSClient);
    const topics = await ctx.pages(
      'ListTopics',
      (NextToken, o) => client.send(new ListTopicsCommand({ NextToken }), o),
      (page) => page.NextToken,
      (page) => page.Topics,
    );
    if (!topics.ok) return;
    await mapLimit(topics.value, 4, async (topic) => {
      const arn = topic.TopicArn;
      if (arn === undefined) return;
      const name = arn.slice(arn.lastIndexOf(':') + 1);
      const attributes = await ctx.call('GetTopicAttributes', (o) => client.send(new GetTopicAttributesCommand({ TopicArn: arn }), o), { resource: arn });
      const a = attributes.ok ? (attributes.value.Attributes ?? {}) : undefined;
      ctx.emit({
        uid: arn,
        type: 'AWS::SNS::Topic',
        name,
        // CloudFormation's Ref of a topic is its ARN.
        physicalId: arn,
        properties: a
          ? defined({
              TopicName: name,
              KmsMasterKeyId: a['KmsMasterKeyId'] ? a['KmsMasterKeyId'] : null,
              FifoTopic: a['FifoTopic'] === undefined ? undefined : a['FifoTopic'] === 'true',
            })
          : { TopicName: name },
        unknown: attributes.ok ? [] : [{ path: '/KmsMasterKeyId', reason: attributes.reason }, { path: '/FifoTopic', reason: attributes.reason }],
      });
    });
  },
});
