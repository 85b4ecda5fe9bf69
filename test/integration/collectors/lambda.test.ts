// The Lambda collector against moto through the fault proxy: configuration from ListFunctions only, environment
// variable names with values redacted and judged in memory, pagination, denial and throttling.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lambda from '../../../src/collectors/lambda.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, expectNoSecret, named, ofType } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const FUNCTION = 'AWS::Lambda::Function';
const ENV_SECRET = 'Wm3-lambda-env-Secret-value';
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';

let h: AwsHarness;
let client: LambdaClient;
let role: string;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new LambdaClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

async function seedRole() {
  const iam = new IAMClient(clientConfig(h.endpoint));
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  role = (await iam.send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
}

async function fn(FunctionName: string, Variables?: Record<string, string>) {
  await client.send(
    new CreateFunctionCommand({
      FunctionName,
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: zipSync({ 'index.js': new TextEncoder().encode('exports.handler = async () => 1;') }) },
      ...(Variables ? { Environment: { Variables } } : {}),
    }),
  );
}

const scan = () => scanWith(h, [lambda]);

describe('a seeded account', () => {
  it('keeps variable names, redacts values, and flags credentials by name or value', async () => {
    await h.reset();
    await seedRole();
    await fn('leaky', { DB_PASSWORD: ENV_SECRET, UPSTREAM: AWS_KEY, LOG_LEVEL: 'debug', DB_PASSWORD_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' });
    await fn('clean', { LOG_LEVEL: 'info' });
    await fn('bare');
    const snapshot = await scan();
    expectListings(snapshot, { 'lambda:ListFunctions': [FUNCTION] });

    const leaky = named(snapshot, FUNCTION, 'leaky');
    expect(leaky.uid).toBe('arn:aws:lambda:us-east-1:123456789012:function:leaky');
    expect(leaky.properties).toMatchObject({
      FunctionName: 'leaky',
      Role: role,
      Runtime: 'nodejs20.x',
      Environment: { Variables: { DB_PASSWORD: '<redacted>', UPSTREAM: '<redacted>', LOG_LEVEL: '<redacted>', DB_PASSWORD_ARN: '<redacted>' } },
    });
    expect((leaky.properties['EnvironmentFlags'] as { LooksLikeCredential: string[] }).LooksLikeCredential.sort()).toEqual(['DB_PASSWORD', 'UPSTREAM']);
    expect(named(snapshot, FUNCTION, 'clean').properties).toMatchObject({ Environment: { Variables: { LOG_LEVEL: '<redacted>' } }, EnvironmentFlags: { LooksLikeCredential: [] } });
    expect(named(snapshot, FUNCTION, 'bare').properties).toMatchObject({ Environment: null, EnvironmentFlags: { LooksLikeCredential: [] } });

    expectNoSecret(snapshot, ENV_SECRET, AWS_KEY);
    expect(h.proxy.calls.filter((c) => c.service === 'lambda').map((c) => c.operation)).toEqual(['CreateFunction', 'CreateFunction', 'CreateFunction', 'ListFunctions']);
    expect(verdicts(snapshot, ['lambda-env-no-credentials']).get('lambda-env-no-credentials')?.status).toBe('fail');
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    await seedRole();
    for (const name of ['f1', 'f2', 'f3']) await fn(name, { MODE: 'x' });
    h.proxy.paginate({ service: 'lambda', operation: 'ListFunctions' }, { pageSize: 1 });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'lambda', 'ListFunctions')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, FUNCTION).map((f) => f.name).sort()).toEqual(['f1', 'f2', 'f3']);
    expect(verdicts(snapshot, ['lambda-env-no-credentials']).get('lambda-env-no-credentials')?.status).toBe('pass');
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    await seedRole();
    await fn('clean', { LOG_LEVEL: 'info' });
  });

  it('access denied leaves the rules unknown', async () => {
    h.proxy.fault({ service: 'lambda', operation: 'ListFunctions' }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, 'lambda:ListFunctions', 'access_denied');
    expect(ofType(snapshot, FUNCTION)).toHaveLength(0);
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves them unknown', async () => {
    h.proxy.fault({ service: 'lambda', operation: 'ListFunctions' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [lambda], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'lambda:ListFunctions', 'throttled');
  });
});
