// Test-only: SDK v3 client settings for talking to moto (directly or through the fault proxy), for seeding
// scenarios and for the collectors under test. See aws-emulator.md §3 and §5 for why each setting is here.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, BuildMiddleware, Pluggable } from '@smithy/types';

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';
/** moto accepts any non-empty keys; unknown keys land in DEFAULT_ACCOUNT_ID. */
export const TEST_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface ClientOptions {
  region?: string;
  credentials?: AwsCredentialIdentity;
}

/** The settings every client needs: endpoint, region, static credentials, and no SDK retries (faults stay visible). */
export function clientConfig(endpoint: string, options: ClientOptions = {}) {
  return {
    endpoint,
    region: options.region ?? DEFAULT_REGION,
    credentials: options.credentials ?? TEST_CREDENTIALS,
    maxAttempts: 1,
  };
}

/** S3 needs path-style addressing: virtual-host style would resolve `<bucket>.127.0.0.1`. */
export function s3Config(endpoint: string, options: ClientOptions = {}) {
  return { ...clientConfig(endpoint, options), forcePathStyle: true };
}

/**
 * S3 Control prefixes the host with the AccountId (`123456789012.127.0.0.1`), which is not a valid URL;
 * a fixed endpoint provider skips the endpoint ruleset and with it the host prefix (aws-emulator.md §5.2).
 */
export function s3ControlConfig(endpoint: string, options: ClientOptions = {}) {
  const url = new URL(endpoint);
  return { ...clientConfig(endpoint, options), endpointProvider: () => ({ url }) };
}

/**
 * Middleware that sends `x-moto-account-id`, so every call of the client lands in that account's isolated state
 * (aws-emulator.md §3). The fault proxy reads the same header to pick the account's scenario state.
 * Usage: `client.middlewareStack.use(accountHeader('111111111111'))`.
 */
export function accountHeader<Input extends object, Output extends object>(accountId: string): Pluggable<Input, Output> {
  const addHeader: BuildMiddleware<Input, Output> = (next) => async (args) => {
    const request = args.request as { headers?: Record<string, string> };
    if (request.headers) request.headers['x-moto-account-id'] = accountId;
    return next(args);
  };
  return {
    applyToStack: (stack) => {
      stack.add(addHeader, { step: 'build', name: 'motoAccountHeader', override: true });
    },
  };
}

/**
 * Credentials for another account, from STS AssumeRole on `arn:aws:iam::<accountId>:role/<roleName>`. moto does not
 * require the role to exist; the returned keys belong to that account (aws-emulator.md §3). Through the fault proxy,
 * the proxy also learns which account the keys belong to.
 */
export async function assumeRoleCredentials(
  endpoint: string,
  accountId: string,
  options: ClientOptions & { roleName?: string } = {},
): Promise<AwsCredentialIdentity> {
  const sts = new STSClient(clientConfig(endpoint, options));
  try {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/${options.roleName ?? 'ftr-test'}`,
        RoleSessionName: 'ftr-test',
      }),
    );
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    };
  } finally {
    sts.destroy();
  }
}
