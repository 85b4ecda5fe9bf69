import { at, bool, compact, json, list, num, opt } from './helpers.js';
import { oneToOne, type TfMapping } from './types.js';

export const MESSAGING_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_sns_topic: oneToOne('AWS::SNS::Topic', (values) => compact({ TopicName: opt(at(values, 'name')), KmsMasterKeyId: opt(at(values, 'kms_master_key_id')), FifoTopic: bool(at(values, 'fifo_topic')) }) ?? {}),
  aws_sns_topic_policy: oneToOne('AWS::SNS::TopicPolicy', (values) => ({ Topics: list(at(values, 'arn')), PolicyDocument: json(at(values, 'policy')) })),
  aws_sqs_queue: oneToOne('AWS::SQS::Queue', (values) =>
    compact({
      QueueName: opt(at(values, 'name')),
      KmsMasterKeyId: opt(at(values, 'kms_master_key_id')),
      SqsManagedSseEnabled: bool(at(values, 'sqs_managed_sse_enabled')),
      FifoQueue: bool(at(values, 'fifo_queue')),
      MessageRetentionPeriod: num(opt(at(values, 'message_retention_seconds'))),
      RedrivePolicy: opt(at(values, 'redrive_policy')) === undefined ? undefined : json(at(values, 'redrive_policy')),
    }) ?? {},
  ),
  aws_sqs_queue_policy: oneToOne('AWS::SQS::QueuePolicy', (values) => ({ Queues: list(at(values, 'queue_url')), PolicyDocument: json(at(values, 'policy')) })),
};
