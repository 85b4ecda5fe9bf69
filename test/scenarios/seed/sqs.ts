// Test-only: SQS queues: SSE-SQS (SQS's default), SSE-KMS with the AWS managed key, or no encryption at all.
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueSpec, RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

function encryption(queue: QueueSpec): Record<string, string> {
  switch (queue.encryption ?? 'sqs-managed') {
    case 'sqs-managed':
      return { SqsManagedSseEnabled: 'true' };
    case 'kms':
      return { KmsMasterKeyId: 'alias/aws/sqs' };
    case 'none':
      return { SqsManagedSseEnabled: 'false' };
  }
}

export async function seedQueues(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<void> {
  if (!spec.queues?.length) return;
  const sqs = target.client(SQSClient, region);
  await eachLimited(spec.queues, concurrency, async (queue) => {
    await sqs.send(new CreateQueueCommand({ QueueName: queue.name, Attributes: encryption(queue), ...(queue.tags ? { tags: { ...queue.tags } } : {}) }));
  });
}
