// Test-only: customer managed KMS keys (an alias each, rotation on or off), then Secrets Manager secrets encrypted
// with one of them or with the AWS managed key.
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

/** Key ARNs by alias (without `alias/`). */
export type SeededKeys = Record<string, string>;

export async function seedKeys(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<SeededKeys> {
  const keys: SeededKeys = {};
  if (!spec.keys?.length) return keys;
  const kms = target.client(KMSClient, region);
  await eachLimited(spec.keys, concurrency, async (key) => {
    const created = await kms.send(new CreateKeyCommand({ Description: key.description ?? key.alias, Tags: Object.entries(key.tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) }));
    const KeyId = created.KeyMetadata?.KeyId ?? '';
    await kms.send(new CreateAliasCommand({ AliasName: `alias/${key.alias}`, TargetKeyId: KeyId }));
    if (key.rotation) await kms.send(new EnableKeyRotationCommand({ KeyId }));
    keys[key.alias] = created.KeyMetadata?.Arn ?? KeyId;
  });
  return keys;
}

/** Secrets after the keys they name. The stored value is a placeholder, never a secret. */
export async function seedSecrets(target: SeedTarget, region: string, spec: RegionSpec, keys: SeededKeys, concurrency = 8): Promise<void> {
  if (!spec.secrets?.length) return;
  const secrets = target.client(SecretsManagerClient, region);
  await eachLimited(spec.secrets, concurrency, async (secret) => {
    const KmsKeyId = secret.key === undefined ? undefined : keys[secret.key];
    if (secret.key !== undefined && KmsKeyId === undefined) throw new Error(`secret ${secret.name}: no key aliased ${secret.key} in the Region's keys`);
    await secrets.send(
      new CreateSecretCommand({
        Name: secret.name,
        SecretString: 'placeholder',
        ...(KmsKeyId ? { KmsKeyId } : {}),
        Tags: Object.entries(secret.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  });
}
