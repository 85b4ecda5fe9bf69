// Test-only: Systems Manager Parameter Store parameters (SecureString ones with the AWS managed key).
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

export async function seedParameters(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<void> {
  if (!spec.parameters?.length) return;
  const ssm = target.client(SSMClient, region);
  await eachLimited(spec.parameters, concurrency, async (parameter) => {
    await ssm.send(new PutParameterCommand({ Name: parameter.name, Type: parameter.type, Value: parameter.value }));
  });
}
