// Test-only: CloudWatch Logs log groups, with a retention policy when given.
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

export async function seedLogGroups(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<void> {
  if (!spec.logGroups?.length) return;
  const logs = target.client(CloudWatchLogsClient, region);
  await eachLimited(spec.logGroups, concurrency, async (group) => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group.name, ...(group.tags ? { tags: { ...group.tags } } : {}) }));
    if (group.retentionDays !== undefined) await logs.send(new PutRetentionPolicyCommand({ logGroupName: group.name, retentionInDays: group.retentionDays }));
  });
}
