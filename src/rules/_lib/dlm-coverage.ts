/**
 * Whether an Amazon Data Lifecycle Manager policy snapshots an EBS volume (`AWS::DLM::LifecyclePolicy`, same account
 * and Region, `State: ENABLED`):
 * - a custom snapshot or AMI policy (`PolicyDetails.PolicyType` EBS_SNAPSHOT_MANAGEMENT, the default, or
 *   IMAGE_MANAGEMENT) whose `ResourceTypes` include VOLUME and whose `TargetTags` match one of the volume's tags, or
 *   include INSTANCE and match a tag of the instance the volume is attached to (unless `Parameters.ExcludeDataVolumeTags`
 *   excludes the volume);
 * - a default policy (`DefaultPolicy: VOLUME`, or `INSTANCE` for an attached volume), minus its `Exclusions`.
 * Boot-volume exclusions need the device name, which the model does not carry: such a policy leaves an attached
 * volume `uncertain`, as does a tag the policy targets or excludes on a volume or instance whose tags could not be read.
 * Event-based (cross-account copy) policies create no snapshots of their own.
 * https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html
 */
import type { Resource, RuleContext } from '../../core/index.js';
import type { Coverage } from './coverage.js';
import { asRecord, asString, keyValueList, stringList } from './shape.js';
import { nameOf } from './names.js';
import { tagsUnknown } from './tags.js';

const SNAPSHOT_POLICY_TYPES = new Set(['EBS_SNAPSHOT_MANAGEMENT', 'IMAGE_MANAGEMENT']);

/** What the model lacks to decide: `missing_data:<what>`, or why tags could not be read (`collection_failed:…`). */
type Uncertain = { uncertain: string };
type PolicyAnswer = 'covers' | 'no' | Uncertain;

/** Whether one of the resources carries a tag of the list; uncertain when that depends on tags that were not read. */
function anyTagMatches(tagList: unknown, subjects: readonly Resource[]): 'yes' | 'no' | Uncertain {
  const wanted = keyValueList(tagList);
  if (wanted.length === 0) return 'no';
  let unread: string | undefined;
  for (const subject of subjects) {
    const reason = tagsUnknown(subject);
    if (reason !== undefined) unread ??= reason;
    else if (wanted.some((t) => subject.tags[t.key] !== undefined && (t.value === undefined || subject.tags[t.key] === t.value))) return 'yes';
  }
  return unread !== undefined ? { uncertain: unread } : 'no';
}

function defaultPolicyCovers(policy: Record<string, unknown>, volume: Resource, instances: readonly Resource[]): PolicyAnswer {
  const kind = asString(policy['DefaultPolicy'])?.toUpperCase();
  const exclusions = asRecord(policy['Exclusions']) ?? {};
  const subjects = kind === 'VOLUME' ? [volume] : kind === 'INSTANCE' ? [...instances] : [];
  if (subjects.length === 0) return 'no';
  const excludedByTag = anyTagMatches(exclusions['ExcludeTags'], subjects);
  if (excludedByTag !== 'no') return excludedByTag === 'yes' ? 'no' : excludedByTag;
  const excludedTypes = stringList(exclusions['ExcludeVolumeTypes']);
  if (excludedTypes.length > 0) {
    const volumeType = asString(volume.properties['VolumeType']);
    if (volumeType === undefined) return { uncertain: 'missing_data:VolumeType' };
    if (excludedTypes.includes(volumeType)) return 'no';
  }
  if (exclusions['ExcludeBootVolumes'] === true && instances.length > 0) return { uncertain: 'missing_data:Attachments.Device' };
  return 'covers';
}

function customPolicyCovers(details: Record<string, unknown>, volume: Resource, instances: readonly Resource[]): PolicyAnswer {
  const policyType = asString(details['PolicyType']) ?? 'EBS_SNAPSHOT_MANAGEMENT';
  if (!SNAPSHOT_POLICY_TYPES.has(policyType)) return 'no';
  const resourceTypes = stringList(details['ResourceTypes']).map((t) => t.toUpperCase());
  const targetTags = details['TargetTags'];
  const byVolume = resourceTypes.includes('VOLUME') ? anyTagMatches(targetTags, [volume]) : 'no';
  if (byVolume === 'yes') return 'covers';
  const byInstance = resourceTypes.includes('INSTANCE') ? anyTagMatches(targetTags, instances) : 'no';
  if (byInstance !== 'yes') return byVolume !== 'no' ? byVolume : byInstance;
  const parameters = asRecord(details['Parameters']) ?? {};
  const excluded = anyTagMatches(parameters['ExcludeDataVolumeTags'], [volume]);
  if (excluded !== 'no') return excluded === 'yes' ? 'no' : excluded;
  return parameters['ExcludeBootVolume'] === true ? { uncertain: 'missing_data:Attachments.Device' } : 'covers';
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
    if (answer !== 'no') uncertain ??= answer.uncertain;
  }
  return uncertain !== undefined ? { status: 'uncertain', reason: uncertain } : { status: 'uncovered' };
}
