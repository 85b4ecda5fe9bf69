/**
 * Amazon Data Lifecycle Manager: GetLifecyclePolicies (every policy, one answer), then GetLifecyclePolicy per policy for
 * its details → `AWS::DLM::LifecyclePolicy` in CloudFormation's shape. A default policy is written as CloudFormation
 * writes it: `DefaultPolicy: VOLUME | INSTANCE` with top-level `Exclusions`. A policy whose details could not be read
 * is marked unknown as a whole (path `''`), which the EBS backup rule reads as "might cover the volume".
 */
import { DLMClient, GetLifecyclePoliciesCommand, GetLifecyclePolicyCommand, type LifecyclePolicy, type Tag } from '@aws-sdk/client-dlm';
import { buildArn, defined, plainTagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

function tagList(tags: readonly Tag[] | undefined): Array<{ Key: string; Value: string }> | undefined {
  return tags?.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

function policyProperties(policy: LifecyclePolicy): Record<string, unknown> {
  const d = policy.PolicyDetails;
  const isDefault = policy.DefaultPolicy === true;
  return defined({
    Description: policy.Description,
    State: policy.State,
    ExecutionRoleArn: policy.ExecutionRoleArn,
    PolicyDetails: d
      ? defined({
          PolicyType: d.PolicyType,
          PolicyLanguage: d.PolicyLanguage,
          ResourceType: d.ResourceType,
          ResourceTypes: d.ResourceTypes,
          ResourceLocations: d.ResourceLocations,
          TargetTags: tagList(d.TargetTags),
          Parameters: d.Parameters ? defined({ ExcludeBootVolume: d.Parameters.ExcludeBootVolume, ExcludeDataVolumeTags: tagList(d.Parameters.ExcludeDataVolumeTags), NoReboot: d.Parameters.NoReboot }) : undefined,
          CreateInterval: d.CreateInterval,
          RetainInterval: d.RetainInterval,
        })
      : undefined,
    DefaultPolicy: isDefault ? (d?.ResourceType ?? undefined) : undefined,
    Exclusions:
      isDefault && d?.Exclusions
        ? defined({ ExcludeBootVolumes: d.Exclusions.ExcludeBootVolumes, ExcludeVolumeTypes: d.Exclusions.ExcludeVolumeTypes, ExcludeTags: tagList(d.Exclusions.ExcludeTags) })
        : undefined,
  });
}

export default defineCollector({
  service: 'dlm',
  scope: 'regional',
  operations: {
    GetLifecyclePolicies: 'dlm:GetLifecyclePolicies',
    GetLifecyclePolicy: 'dlm:GetLifecyclePolicy',
  },
  listings: { GetLifecyclePolicies: ['AWS::DLM::LifecyclePolicy'] },
  produces: ['AWS::DLM::LifecyclePolicy'],
  async collect(ctx) {
    const client = ctx.client(DLMClient);
    const summaries = await ctx.call('GetLifecyclePolicies', (o) => client.send(new GetLifecyclePoliciesCommand({}), o));
    if (!summaries.ok) return;
    await mapLimit(summaries.value.Policies ?? [], 4, async (summary) => {
      const id = summary.PolicyId;
      if (id === undefined) return;
      const uid = buildArn(ctx.apiRegion, 'dlm', ctx.region, ctx.account, `policy/${id}`);
      const detail = await ctx.call('GetLifecyclePolicy', (o) => client.send(new GetLifecyclePolicyCommand({ PolicyId: id }), o), { resource: uid });
      const policy = detail.ok ? detail.value.Policy : undefined;
      const base = { type: 'AWS::DLM::LifecyclePolicy', name: id, physicalId: id };
      if (!policy) {
        const reason = detail.ok ? 'missing_data:Policy' : detail.reason;
        return ctx.emit({ ...base, uid, properties: defined({ State: summary.State, Description: summary.Description }), tags: plainTagMap(summary.Tags), unknown: [{ path: '', reason }] });
      }
      ctx.emit({ ...base, uid: policy.PolicyArn ?? uid, properties: policyProperties(policy), tags: plainTagMap(policy.Tags) });
    });
  },
});
