/**
 * Lambda functions, from ListFunctions only (the configuration; the code is never fetched). Environment variables
 * keep their names; each value is judged in memory for "looks like a credential" and replaced by `<redacted>`.
 */
import { LambdaClient, ListFunctionsCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { UnknownMark } from '../core/index.js';
import { defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { redactEnvironment } from './framework/secret-flags.js';

export default defineCollector({
  service: 'lambda',
  scope: 'regional',
  operations: {
    ListFunctions: 'lambda:ListFunctions',
  },
  listings: { ListFunctions: ['AWS::Lambda::Function'] },
  produces: ['AWS::Lambda::Function'],
  async collect(ctx) {
    const lambda = ctx.client(LambdaClient);
    const functions = await ctx.pages(
      'ListFunctions',
      (Marker, o) => lambda.send(new ListFunctionsCommand({ Marker, MaxItems: 50 }), o),
      (p) => p.NextMarker,
      (p) => p.Functions,
    );
    if (!functions.ok) return;
    for (const fn of functions.value) {
      if (!fn.FunctionArn || !fn.FunctionName) continue;
      const { environment, unknown } = environmentOf(fn);
      ctx.emit({
        uid: fn.FunctionArn,
        type: 'AWS::Lambda::Function',
        name: fn.FunctionName,
        physicalId: fn.FunctionName,
        properties: {
          FunctionName: fn.FunctionName,
          Role: fn.Role ?? null,
          Runtime: fn.Runtime ?? null,
          PackageType: fn.PackageType ?? null,
          Architectures: fn.Architectures ?? [],
          KmsKeyArn: fn.KMSKeyArn ?? null,
          VpcConfig: fn.VpcConfig?.VpcId ? defined({ SubnetIds: fn.VpcConfig.SubnetIds, SecurityGroupIds: fn.VpcConfig.SecurityGroupIds }) : null,
          ...environment,
        },
        unknown,
      });
    }
  },
});

/** `Environment` with values redacted, and the flags; an environment Lambda could not decrypt is unknown, not empty. */
function environmentOf(fn: FunctionConfiguration): { environment: Record<string, unknown>; unknown: UnknownMark[] } {
  const env = fn.Environment;
  if (env?.Error && !env.Variables) {
    const reason = `unreadable:lambda-environment:${env.Error.ErrorCode ?? 'error'}`;
    return { environment: {}, unknown: [{ path: '/Environment', reason }, { path: '/EnvironmentFlags', reason }] };
  }
  if (!env?.Variables || Object.keys(env.Variables).length === 0) {
    return { environment: { Environment: null, EnvironmentFlags: { LooksLikeCredential: [] } }, unknown: [] };
  }
  const redacted = redactEnvironment(env.Variables);
  return { environment: { Environment: { Variables: redacted.variables }, EnvironmentFlags: { LooksLikeCredential: redacted.flagged } }, unknown: [] };
}
