// Test-only: SNS topics, optionally encrypted with the AWS managed key.
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import type { RegionSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';

export async function seedTopics(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<void> {
  if (!spec.topics?.length) return;
  const sns = target.client(SNSClient, region);
  await eachLimited(spec.topics, concurrency, async (topic) => {
    const tags = tagList(topic.tags);
    await sns.send(
      new CreateTopicCommand({
        Name: topic.name,
        ...(topic.kmsEncryption ? { Attributes: { KmsMasterKeyId: 'alias/aws/sns' } } : {}),
        ...(tags.length > 0 ? { Tags: tags } : {}),
      }),
    );
  });
}
