/**
 * KMS keys: ListKeys, DescribeKey per key (no batch call exists), and GetKeyRotationStatus for the customer managed
 * keys that can rotate automatically (symmetric, key material from KMS, not pending deletion or import).
 * `EnableKeyRotation` is false for customer keys that cannot rotate automatically (asymmetric, HMAC, imported or
 * custom key store material), and not written for AWS managed keys (AWS rotates those itself) or keys in a state in
 * which KMS refuses the question.
 */
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, type KeyMetadata } from '@aws-sdk/client-kms';
import type { UnknownMark } from '../core/index.js';
import { defined } from './framework/aws-values.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';
import { isoTime } from './framework/time.js';

const OPERATIONS = {
  ListKeys: 'kms:ListKeys',
  DescribeKey: 'kms:DescribeKey',
  GetKeyRotationStatus: 'kms:GetKeyRotationStatus',
} as const;

type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const PER_KEY_CONCURRENCY = 4;
const DETAIL_PATHS = ['/KeyManager', '/KeyState', '/KeySpec', '/KeyUsage', '/Enabled', '/EnableKeyRotation', '/Origin', '/MultiRegion', '/Description'];

/** Whether KMS can rotate the key's material automatically (the only keys GetKeyRotationStatus answers for). */
function canRotate(key: KeyMetadata): boolean {
  return key.KeySpec === 'SYMMETRIC_DEFAULT' && (key.Origin === undefined || key.Origin === 'AWS_KMS');
}

const UNASKABLE_STATES = new Set(['PendingDeletion', 'PendingReplicaDeletion', 'PendingImport', 'Unavailable', 'Creating']);

export default defineCollector({
  service: 'kms',
  scope: 'regional',
  operations: OPERATIONS,
  listings: { ListKeys: ['AWS::KMS::Key'] },
  produces: ['AWS::KMS::Key'],
  async collect(ctx) {
    const kms = ctx.client(KMSClient);
    const keys = await ctx.pages(
      'ListKeys',
      (Marker, o) => kms.send(new ListKeysCommand({ Marker, Limit: 1000 }), o),
      (page) => (page.Truncated ? page.NextMarker : undefined),
      (page) => page.Keys,
    );
    if (!keys.ok) return;
    await mapLimit(keys.value, PER_KEY_CONCURRENCY, async (entry) => {
      if (entry.KeyId === undefined) return;
      await collectKey(ctx, entry.KeyId, entry.KeyArn ?? entry.KeyId);
    });
  },
});

async function collectKey(ctx: Ctx, keyId: string, uid: string): Promise<void> {
  const kms = ctx.client(KMSClient);
  const described = await ctx.call('DescribeKey', (o) => kms.send(new DescribeKeyCommand({ KeyId: keyId }), o), { resource: uid });
  const base = { uid, type: 'AWS::KMS::Key', name: keyId, physicalId: keyId };
  const key = described.ok ? described.value.KeyMetadata : undefined;
  if (!key) {
    const reason = described.ok ? 'missing_data:KeyMetadata' : described.reason;
    return ctx.emit({ ...base, properties: { KeyId: keyId }, unknown: DETAIL_PATHS.map((path) => ({ path, reason })) });
  }
  const properties: Record<string, unknown> = defined({
    KeyId: keyId,
    KeyManager: key.KeyManager,
    KeyState: key.KeyState,
    KeySpec: key.KeySpec,
    KeyUsage: key.KeyUsage,
    Enabled: key.Enabled,
    Origin: key.Origin,
    MultiRegion: key.MultiRegion,
    Description: key.Description,
    CreationDate: isoTime(key.CreationDate),
    DeletionDate: key.DeletionDate ? isoTime(key.DeletionDate) : undefined,
  });
  const unknown: UnknownMark[] = [];
  if (key.KeyManager === 'CUSTOMER') {
    if (!canRotate(key)) properties['EnableKeyRotation'] = false;
    else if (!UNASKABLE_STATES.has(key.KeyState ?? '')) {
      const rotation = await ctx.call('GetKeyRotationStatus', (o) => kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }), o), { resource: uid });
      if (rotation.ok) Object.assign(properties, defined({ EnableKeyRotation: rotation.value.KeyRotationEnabled === true, RotationPeriodInDays: rotation.value.RotationPeriodInDays }));
      else unknown.push({ path: '/EnableKeyRotation', reason: rotation.reason });
    }
  }
  ctx.emit({ ...base, uid: key.Arn ?? uid, properties, unknown });
}
