// Test-only: Amazon Data Lifecycle Manager snapshot policies. moto has no DLM; the fault proxy's stand-in keeps the
// policies CreateLifecyclePolicy sends through the SDK, per account and Region.
import { CreateLifecyclePolicyCommand, DLMClient } from '@aws-sdk/client-dlm';
import type { RegionSpec } from '../spec.js';
import type { SeedTarget } from '../target.js';

export async function seedLifecyclePolicies(target: SeedTarget, region: string, spec: RegionSpec): Promise<void> {
  const dlm = target.client(DLMClient, region);
  for (const policy of spec.lifecyclePolicies ?? []) {
    await dlm.send(
      new CreateLifecyclePolicyCommand({
        ExecutionRoleArn: `arn:aws:iam::${target.accountId}:role/AWSDataLifecycleManagerDefaultRole`,
        Description: policy.description,
        State: policy.enabled === false ? 'DISABLED' : 'ENABLED',
        PolicyDetails: {
          PolicyType: 'EBS_SNAPSHOT_MANAGEMENT',
          ResourceTypes: [...policy.resourceTypes],
          TargetTags: Object.entries(policy.targetTags).map(([Key, Value]) => ({ Key, Value })),
          Schedules: [{ Name: 'daily', CreateRule: { Interval: 24, IntervalUnit: 'HOURS', Times: ['03:00'] }, RetainRule: { Count: 14 }, CopyTags: true }],
        },
      }),
    );
  }
}
