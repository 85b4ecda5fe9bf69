/**
 * Whether an Amazon Data Lifecycle Manager policy snapshots an EBS volume (`AWS::DLM::LifecyclePolicy`, same account
 * and Region, `State: ENABLED`):
 * - a custom snapshot or AMI policy (`PolicyDetails.PolicyType` EBS_SNAPSHOT_MANAGEMENT, the default, or
 *   IMAGE_MANAGEMENT) whose `ResourceTypes` include VOLUME and whose `TargetTags` match one of the volume's tags, or
 *   include INSTANCE and match a tag of the instance the volume is attached to (unless `Parameters.ExcludeDataVolumeTags`
 *   excludes the volume);
 * - a default policy (`DefaultPolicy: VOLUME`, or `INSTANCE` for an attached volume), minus its `Exclusions`.
 * Boot-volume exclusions need the device name, which the model does not carry: such a policy leaves an attached
 * volume `uncertain`. Event-based (cross-account copy) policies create no snapshots of their own.
 * https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html
 */
import type { Resource, RuleContext } from '../../core/index.js';
import type { Coverage } from './coverage.js';
import { asRecord, asString, keyValueList, stringList } from './shape.js';
import { nameOf } from './names.js';

const SNAPSHOT_POLICY_TYPES = new Set(['EBS_SNAPSHOT_MANAGEMENT', 'IMAGE_MANAGEMENT']);

function anyTagMatches(tagList: unknown, tags: Readonly<Record<string, string>>): boolean {
  return keyValueList(tagList).some((t) => tags[t.key] !== undefined && (t.value === undefined || tags[t.key] === t.value));
}

/** `missing_data:<what>` names the fact the model lacks to decide. */
type PolicyAnswer = 'covers' | 'no' | `missing_data:${string}`;

function defaultPolicyCovers(policy: Record<string, unknown>, volume: Resource, instances: readonly Resource[]): PolicyAnswer {
  const kind = asString(policy['DefaultPolicy'])?.toUpperCase();
  const exclusions = asRecord(policy['Exclusions']) ?? {};
  const subjects = kind === 'VOLUME' ? [volume] : kind === 'INSTANCE' ? [...instances] : [];
  if (subjects.length === 0) return 'no';
  if (subjects.some((s) => anyTagMatches(exclusions['ExcludeTags'], s.tags))) return 'no';
  const excludedTypes = stringList(exclusions['ExcludeVolumeTypes']);
  if (excludedTypes.length > 0) {
    const volumeType = asString(volume.properties['VolumeType']);
    if (volumeType === undefined) return 'missing_data:VolumeType';
    if (excludedTypes.includes(volumeType)) return 'no';
  }
  if (exclusions['ExcludeBootVolumes'] === true && instances.length > 0) return 'missing_data:Attachments.Device';
  return 'covers';
}

function customPolicyCovers(details: Record<string, unknown>, volume: Resource, instances: readonly Resource[]): PolicyAnswer {
  const policyType = asString(details['PolicyType']) ?? 'EBS_SNAPSHOT_MANAGEMENT';
  if (!SNAPSHOT_POLICY_TYPES.has(policyType)) return 'no';
  const resourceTypes = stringList(details['ResourceTypes']).map((t) => t.toUpperCase());
  const targetTags = details['TargetTags'];
  if (resourceTypes.includes('VOLUME') && anyTagMatches(targetTags, volume.tags)) return 'covers';
  if (!resourceTypes.includes('INSTANCE') || !instances.some((i) => anyTagMatches(targetTags, i.tags))) return 'no';
  const parameters = asRecord(details['Parameters']) ?? {};
  if (anyTagMatches(parameters['ExcludeDataVolumeTags'], volume.tags)) return 'no';
  return parameters['ExcludeBootVolume'] === true ? 'missing_data:Attachments.Device' : 'covers';
}

/** `instances`: the instances the volume is attached to (from its `Attachments`), already resolved. */
export function dlmCoverage(ctx: RuleContext, volume: Resource, instances: readonly Resource[]): Coverage {
  const scope = { account: volume.account, region: volume.region, source: volume.source };
  const inventory = ctx.inventory('AWS::DLM::LifecyclePolicy', scope);
  let uncertain = inventory.complete ? undefined : (inventory.reason ?? 'not_collected:AWS::DLM::LifecyclePolicy');
  for (const policy of ctx.resources('AWS::DLM::LifecyclePolicy', scope)) {
    const mark = ctx.unknownAt(policy, '');
    if (mark) {
      uncertain ??= mark.reason;
      continue;
    }
    if (asString(policy.properties['State'])?.toUpperCase() !== 'ENABLED') continue;
    const details = asRecord(policy.properties['PolicyDetails']);
    const answer =
      policy.properties['DefaultPolicy'] !== undefined
        ? defaultPolicyCovers(policy.properties, volume, instances)
        : details
          ? customPolicyCovers(details, volume, instances)
          : 'no';
    const name = nameOf(policy);
    if (answer === 'covers') return { status: 'covered', by: `lifecycle policy ${name}` };
    if (answer !== 'no') uncertain ??= answer;
  }
  return uncertain !== undefined ? { status: 'uncertain', reason: uncertain } : { status: 'uncovered' };
}
