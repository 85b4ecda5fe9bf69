// The KMS collector: customer keys with and without rotation, keys that cannot rotate, a key pending deletion,
// ListKeys pagination, denials, throttling and one denied DescribeKey among several.
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import kms from '../../../src/collectors/kms.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const KEY = 'AWS::KMS::Key';

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

async function createKey(input: ConstructorParameters<typeof CreateKeyCommand>[0] = {}): Promise<string> {
  const out = await new KMSClient(clientConfig(h.endpoint)).send(new CreateKeyCommand(input));
  return out.KeyMetadata?.KeyId ?? '';
}

it('reads each key and asks for rotation only where KMS can rotate', async () => {
  const client = new KMSClient(clientConfig(h.endpoint));
  const rotated = await createKey({ Description: 'data key' });
  await client.send(new EnableKeyRotationCommand({ KeyId: rotated }));
  const plain = await createKey();
  const signing = await createKey({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
  const retiring = await createKey();
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: retiring, PendingWindowInDays: 7 }));

  const snapshot = await scanWith(h, [kms]);
  const key = resourceNamed(snapshot, KEY, rotated);
  expect(key).toMatchObject({ uid: `arn:aws:kms:us-east-1:123456789012:key/${rotated}`, physicalId: rotated, region: 'us-east-1', unknown: [] });
  expect(key.properties).toEqual({
    KeyId: rotated,
    KeyManager: 'CUSTOMER',
    KeyState: 'Enabled',
    KeySpec: 'SYMMETRIC_DEFAULT',
    // moto's DescribeKey leaves out KeyUsage and MultiRegion (AWS returns both); what is absent is not written.
    Enabled: true,
    Origin: 'AWS_KMS',
    Description: 'data key',
    CreationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    EnableKeyRotation: true,
  });
  expect(resourceNamed(snapshot, KEY, plain).properties['EnableKeyRotation']).toBe(false);
  expect(resourceNamed(snapshot, KEY, signing).properties).toMatchObject({ KeySpec: 'RSA_2048', EnableKeyRotation: false });
  expect(resourceNamed(snapshot, KEY, retiring).properties).toMatchObject({ KeyState: 'PendingDeletion' });
  expect(resourceNamed(snapshot, KEY, retiring).properties['EnableKeyRotation']).toBeUndefined();
  // Rotation was asked for the two symmetric keys in a state that allows it, nothing else.
  expect(record(snapshot, 'kms:GetKeyRotationStatus').calls).toEqual({ ok: 2 });
  expect(record(snapshot, 'kms:ListKeys')).toMatchObject({ outcome: 'ok', lists: [KEY] });
  expect(record(snapshot, 'kms:DescribeKey')).toMatchObject({ outcome: 'ok', calls: { ok: 4 } });
});

it('follows ListKeys to the last page', async () => {
  const ids = await Promise.all([1, 2, 3, 4, 5].map(() => createKey()));
  h.proxy.paginate({ service: 'kms', operation: 'ListKeys' }, { pageSize: 2 });
  const snapshot = await scanWith(h, [kms]);
  expect(resourcesOf(snapshot, KEY).map((k) => k.physicalId).sort()).toEqual([...ids].sort());
  expect(h.proxy.callsTo('kms', 'ListKeys').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the key inventory incomplete when ListKeys is denied, and marks keys whose details were denied', async () => {
  const id = await createKey();
  h.proxy.fault({ service: 'kms', operation: 'ListKeys' }, { kind: 'access_denied' });
  const unlisted = await scanWith(h, [kms]);
  expect(resourcesOf(unlisted, KEY)).toEqual([]);
  expectFailure(unlisted, 'kms:ListKeys', 'access_denied');

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'kms', operation: 'DescribeKey' }, { kind: 'access_denied' });
  const undescribed = await scanWith(h, [kms]);
  const key = resourceNamed(undescribed, KEY, id);
  expect(key.properties).toEqual({ KeyId: id });
  expect(unknownPaths(key)).toContain('/KeyManager');
  expect(unknownPaths(key)).toContain('/EnableKeyRotation');
  expectFailure(undescribed, 'kms:DescribeKey', 'access_denied', { affected: [key.uid] });
  expect(record(undescribed, 'kms:ListKeys').lists).toEqual([KEY]);

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'kms', operation: 'GetKeyRotationStatus' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [kms], { maxAttempts: 1 });
  expect(unknownPaths(resourceNamed(throttled, KEY, id))).toEqual(['/EnableKeyRotation']);
  expectFailure(throttled, 'kms:GetKeyRotationStatus', 'throttled', { affected: [key.uid] });
});

it('marks only the key whose DescribeKey was denied', async () => {
  await Promise.all([1, 2, 3].map(() => createKey()));
  h.proxy.fault({ service: 'kms', operation: 'DescribeKey' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [kms]);
  const r = record(snapshot, 'kms:DescribeKey');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  expect(r.affected).toHaveLength(1);
  const marked = resourcesOf(snapshot, KEY).filter((k) => k.unknown.length > 0);
  expect(marked.map((k) => k.uid)).toEqual(r.affected);
});
