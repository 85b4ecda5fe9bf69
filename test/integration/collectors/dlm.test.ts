// The DLM collector (moto has no DLM; the fault proxy stands in): custom and default policies in CloudFormation's
// shape, denials and throttling of the listing and of the details, one denied policy among several, and what the
// EBS backup rule makes of each (on a volume added to the snapshot by hand: the EC2 collector is not under test).
import { CreateLifecyclePolicyCommand, DLMClient } from '@aws-sdk/client-dlm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { Snapshot, type Resource } from '../../../src/core/index.js';
import dlm from '../../../src/collectors/dlm.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const POLICY = 'AWS::DLM::LifecyclePolicy';
const VOLUME_UID = 'arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

async function createPolicy(tag: string, state: 'ENABLED' | 'DISABLED' = 'ENABLED'): Promise<string> {
  const out = await new DLMClient(clientConfig(h.endpoint)).send(
    new CreateLifecyclePolicyCommand({
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole',
      Description: `snapshots of ${tag}`,
      State: state,
      PolicyDetails: {
        PolicyType: 'EBS_SNAPSHOT_MANAGEMENT',
        ResourceTypes: ['VOLUME'],
        TargetTags: [{ Key: 'Backup', Value: tag }],
        Parameters: { ExcludeBootVolume: false },
        Schedules: [{ Name: 'daily', CreateRule: { Interval: 24, IntervalUnit: 'HOURS' }, RetainRule: { Count: 7 } }],
      },
      Tags: { team: 'ops' },
    }),
  );
  return out.PolicyId ?? '';
}

/**
 * The snapshot plus one unattached volume tagged Backup=daily, with its listing complete, and AWS Backup listed
 * complete and empty: so DLM alone decides whether the volume is backed up.
 */
function withVolume(snapshot: Snapshot): Snapshot {
  const volume: Resource = {
    uid: VOLUME_UID,
    type: 'AWS::EC2::Volume',
    source: 'live',
    account: '123456789012',
    region: 'us-east-1',
    name: 'vol-0123456789abcdef0',
    physicalId: 'vol-0123456789abcdef0',
    properties: { Encrypted: true, VolumeType: 'gp3', Attachments: [] },
    tags: { Backup: 'daily' },
    location: { arn: VOLUME_UID },
    unknown: [],
    assumptions: [],
    suppressions: [],
  };
  const listing = (service: string, action: string, lists: string[]) => ({ source: 'live' as const, service, action, account: '123456789012', region: 'us-east-1', outcome: 'ok' as const, calls: { ok: 1 }, affected: [], lists });
  const listings = [
    listing('ec2', 'ec2:DescribeVolumes', ['AWS::EC2::Volume']),
    listing('ec2', 'ec2:DescribeInstances', ['AWS::EC2::Instance']),
    listing('backup', 'backup:ListBackupPlans', ['AWS::Backup::BackupSelection']),
    listing('backup', 'backup:ListBackupVaults', ['AWS::Backup::BackupVault']),
  ];
  return Snapshot.parse({ ...snapshot, resources: [...snapshot.resources, volume], collection: [...snapshot.collection, ...listings] });
}

it('writes custom and default policies as CloudFormation does, and a matching policy covers the volume', async () => {
  const id = await createPolicy('daily');
  const region = h.proxy.state.account().region('us-east-1');
  const now = new Date('2026-11-01T00:00:00Z');
  region.dlmPolicies.push({
    PolicyId: 'policy-0default0000000',
    PolicyArn: 'arn:aws:dlm:us-east-1:123456789012:policy/policy-0default0000000',
    Description: 'default volume policy',
    State: 'ENABLED',
    DefaultPolicy: true,
    ExecutionRoleArn: 'arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole',
    DateCreated: now,
    DateModified: now,
    PolicyDetails: { PolicyLanguage: 'SIMPLIFIED', ResourceType: 'VOLUME', CreateInterval: 1, RetainInterval: 7, Exclusions: { ExcludeBootVolumes: true, ExcludeTags: [{ Key: 'scratch', Value: 'true' }] } },
  });

  const snapshot = await scanWith(h, [dlm]);
  const [custom, fallback] = [id, 'policy-0default0000000'].map((pid) => resourcesOf(snapshot, POLICY).find((p) => p.physicalId === pid));
  expect(custom).toMatchObject({ uid: `arn:aws:dlm:us-east-1:123456789012:policy/${id}`, tags: { team: 'ops' }, unknown: [] });
  expect(custom?.properties).toEqual({
    Description: 'snapshots of daily',
    State: 'ENABLED',
    ExecutionRoleArn: 'arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole',
    PolicyDetails: { PolicyType: 'EBS_SNAPSHOT_MANAGEMENT', ResourceTypes: ['VOLUME'], TargetTags: [{ Key: 'Backup', Value: 'daily' }], Parameters: { ExcludeBootVolume: false } },
  });
  expect(fallback?.properties).toMatchObject({
    State: 'ENABLED',
    DefaultPolicy: 'VOLUME',
    Exclusions: { ExcludeBootVolumes: true, ExcludeTags: [{ Key: 'scratch', Value: 'true' }] },
    PolicyDetails: { PolicyLanguage: 'SIMPLIFIED', ResourceType: 'VOLUME', CreateInterval: 1, RetainInterval: 7 },
  });
  expect(record(snapshot, 'dlm:GetLifecyclePolicies')).toMatchObject({ outcome: 'ok', lists: [POLICY] });
  expect(record(snapshot, 'dlm:GetLifecyclePolicy')).toMatchObject({ outcome: 'ok', calls: { ok: 2 } });
  expect(outcomeOn(withVolume(snapshot), 'ebs-volume-backed-up', VOLUME_UID)).toBe('pass');
});

it('leaves the volume undecided when the policies could not be listed or read', async () => {
  await createPolicy('other');
  expect(outcomeOn(withVolume(await scanWith(h, [dlm])), 'ebs-volume-backed-up', VOLUME_UID)).toBe('fail');
  await createPolicy('daily');
  expect(outcomeOn(withVolume(await scanWith(h, [dlm])), 'ebs-volume-backed-up', VOLUME_UID)).toBe('pass');
  h.proxy.fault({ service: 'dlm', operation: 'GetLifecyclePolicies' }, { kind: 'access_denied' });
  const unlisted = await scanWith(h, [dlm]);
  expect(resourcesOf(unlisted, POLICY)).toEqual([]);
  expectFailure(unlisted, 'dlm:GetLifecyclePolicies', 'access_denied', { rules: [] });
  expect(outcomeOn(withVolume(unlisted), 'ebs-volume-backed-up', VOLUME_UID)).toBe('unknown');

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'dlm', operation: 'GetLifecyclePolicies' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [dlm], { maxAttempts: 1 }), 'dlm:GetLifecyclePolicies', 'throttled', { rules: [] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'dlm', operation: 'GetLifecyclePolicy' }, { kind: 'access_denied' });
  const unread = await scanWith(h, [dlm]);
  const policies = resourcesOf(unread, POLICY);
  expect(policies).toHaveLength(2);
  for (const p of policies) expect(p.unknown).toEqual([{ path: '', reason: 'collection_failed:dlm:GetLifecyclePolicy' }]);
  expectFailure(unread, 'dlm:GetLifecyclePolicy', 'access_denied', { affected: policies.map((p) => p.uid), rules: [] });
  expect(outcomeOn(withVolume(unread), 'ebs-volume-backed-up', VOLUME_UID)).toBe('unknown');
});

it('marks only the policy whose details were denied', async () => {
  for (const tag of ['a', 'b', 'c']) await createPolicy(tag);
  h.proxy.fault({ service: 'dlm', operation: 'GetLifecyclePolicy' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [dlm]);
  const r = record(snapshot, 'dlm:GetLifecyclePolicy');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  expect(resourcesOf(snapshot, POLICY).filter((p) => p.unknown.length > 0).map((p) => p.uid)).toEqual(r.affected);
});
