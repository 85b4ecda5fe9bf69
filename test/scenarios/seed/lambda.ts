// Test-only: Lambda functions from a tiny zip. moto stores them without running anything (no Docker needed), and
// refuses a role that does not exist, so the IAM spec must define it (IAM is seeded before the Regions).
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import type { RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

const CODE = zipSync({ 'index.js': strToU8('exports.handler = async () => ({ statusCode: 200 });\n') });

export async function seedFunctions(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<void> {
  if (!spec.functions?.length) return;
  const lambda = target.client(LambdaClient, region);
  await eachLimited(spec.functions, concurrency, async (fn) => {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: fn.name,
        Runtime: (fn.runtime ?? 'nodejs20.x') as never,
        Role: `arn:aws:iam::${target.accountId}:role/${fn.role}`,
        Handler: 'index.handler',
        Code: { ZipFile: CODE },
        ...(fn.environment ? { Environment: { Variables: { ...fn.environment } } } : {}),
        ...(fn.tags ? { Tags: { ...fn.tags } } : {}),
      }),
    );
  });
}
