// Injected faults come out of the real SDK v3 (maxAttempts: 1) as the error AWS would produce, per protocol;
// everything else passes through unchanged, signatures included.
import { BackupClient, ListBackupVaultsCommand } from '@aws-sdk/client-backup';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig, s3Config, s3ControlConfig } from '../../harness/aws-clients.js';
import type { FaultSpec, Match } from '../../harness/fault-proxy.js';
import { startAwsHarness, type AwsHarness } from '../../harness/harness.js';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.proxy.clearFaults();
  h.proxy.clearCalls();
});

interface SdkError {
  name: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

async function failure(call: () => Promise<unknown>): Promise<SdkError> {
  try {
    await call();
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}

// One read call per protocol: json, query, ec2, s3, restXml (Route 53, CloudFront, S3 Control), restJson.
const calls: Record<string, { match: Match; call: () => Promise<unknown> }> = {
  'json (DynamoDB)': { match: { service: 'dynamodb', operation: 'ListTables' }, call: () => new DynamoDBClient(clientConfig(h.endpoint)).send(new ListTablesCommand({})) },
  'json, query-compatible (SQS)': { match: { service: 'sqs', operation: 'ListQueues' }, call: () => new SQSClient(clientConfig(h.endpoint)).send(new ListQueuesCommand({})) },
  'query (IAM)': { match: { service: 'iam', operation: 'ListUsers' }, call: () => new IAMClient(clientConfig(h.endpoint)).send(new ListUsersCommand({})) },
  'ec2': { match: { service: 'ec2', operation: 'DescribeInstances' }, call: () => new EC2Client(clientConfig(h.endpoint)).send(new DescribeInstancesCommand({})) },
  's3': { match: { service: 's3', operation: 'ListBuckets' }, call: () => new S3Client(s3Config(h.endpoint)).send(new ListBucketsCommand({})) },
  'restXml (Route 53)': { match: { service: 'route53', operation: 'ListHostedZones' }, call: () => new Route53Client(clientConfig(h.endpoint)).send(new ListHostedZonesCommand({})) },
  'restXml (CloudFront)': { match: { service: 'cloudfront', operation: 'ListDistributions' }, call: () => new CloudFrontClient(clientConfig(h.endpoint)).send(new ListDistributionsCommand({})) },
  'restXml (S3 Control)': {
    match: { service: 's3control', operation: 'GetPublicAccessBlock' },
    call: () => new S3ControlClient(s3ControlConfig(h.endpoint)).send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' })),
  },
  'restJson (Backup)': { match: { service: 'backup', operation: 'ListBackupVaults' }, call: () => new BackupClient(clientConfig(h.endpoint)).send(new ListBackupVaultsCommand({})) },
  'restJson (Lambda)': { match: { service: 'lambda', operation: 'ListFunctions' }, call: () => new LambdaClient(clientConfig(h.endpoint)).send(new ListFunctionsCommand({})) },
};

const expected: Record<string, Record<'throttle' | 'access_denied' | 'server_error', [name: string, status: number]>> = {
  'json (DynamoDB)': { throttle: ['ThrottlingException', 400], access_denied: ['AccessDeniedException', 400], server_error: ['InternalFailure', 500] },
  'json, query-compatible (SQS)': { throttle: ['ThrottlingException', 400], access_denied: ['AccessDeniedException', 400], server_error: ['InternalFailure', 500] },
  'query (IAM)': { throttle: ['Throttling', 400], access_denied: ['AccessDenied', 403], server_error: ['InternalFailure', 500] },
  'ec2': { throttle: ['RequestLimitExceeded', 503], access_denied: ['UnauthorizedOperation', 403], server_error: ['InternalError', 500] },
  's3': { throttle: ['SlowDown', 503], access_denied: ['AccessDenied', 403], server_error: ['InternalError', 500] },
  'restXml (Route 53)': { throttle: ['Throttling', 400], access_denied: ['AccessDenied', 403], server_error: ['InternalFailure', 500] },
  'restXml (CloudFront)': { throttle: ['Throttling', 400], access_denied: ['AccessDenied', 403], server_error: ['InternalFailure', 500] },
  'restXml (S3 Control)': { throttle: ['SlowDown', 503], access_denied: ['AccessDenied', 403], server_error: ['InternalFailure', 500] },
  'restJson (Backup)': { throttle: ['ThrottlingException', 429], access_denied: ['AccessDeniedException', 403], server_error: ['InternalFailure', 500] },
  'restJson (Lambda)': { throttle: ['TooManyRequestsException', 429], access_denied: ['AccessDeniedException', 403], server_error: ['InternalFailure', 500] },
};

describe('protocol-correct faults through the real SDK', () => {
  for (const [protocol, { match, call }] of Object.entries(calls)) {
    for (const kind of ['throttle', 'access_denied', 'server_error'] as const) {
      it(`${kind} on ${protocol}`, async () => {
        const [name, status] = expected[protocol]?.[kind] ?? ['?', 0];
        h.proxy.fault(match, { kind, times: 1 });
        const error = await failure(call);
        expect(error.name).toBe(name);
        expect(error.$metadata?.httpStatusCode).toBe(status);
        expect(error.$fault).toBe(status >= 500 ? 'server' : 'client');
        // times: 1, so the next call reaches moto again (S3 Control then says "no configuration", as AWS would)
        await call().catch(() => undefined);
        expect(h.proxy.calls.map((c) => [c.service, c.operation, c.status, c.answeredBy])).toEqual([
          [match.service, match.operation, status, 'fault'],
          [match.service, match.operation, match.service === 's3control' ? 404 : 200, 'moto'],
        ]);
      });
    }
  }

  it('recognises a faulted operation by the SDK retry strategy as throttling', async () => {
    const iam = new IAMClient({ ...clientConfig(h.endpoint), maxAttempts: 3, retryStrategy: undefined });
    h.proxy.fault({ service: 'iam', operation: 'ListUsers' }, { kind: 'throttle', times: 2 });
    await expect(iam.send(new ListUsersCommand({}))).resolves.toBeDefined();
    expect(h.proxy.callsTo('iam', 'ListUsers').map((c) => c.status)).toEqual([400, 400, 200]);
  });
});

describe('fault budgets and kinds', () => {
  const iam = () => new IAMClient(clientConfig(h.endpoint));
  const listUsers = () => iam().send(new ListUsersCommand({}));

  it('always (default times) until cleared', async () => {
    h.proxy.fault({ service: 'iam' }, { kind: 'access_denied' });
    for (let i = 0; i < 3; i++) expect((await failure(listUsers)).name).toBe('AccessDenied');
    h.proxy.clearFaults();
    await expect(listUsers()).resolves.toBeDefined();
  });

  it('after N lets the first N through; the handle counts hits and can be removed', async () => {
    const handle = h.proxy.fault({ service: 'iam', operation: 'ListUsers' }, { kind: 'throttle', after: 1 });
    await expect(listUsers()).resolves.toBeDefined();
    expect((await failure(listUsers)).name).toBe('Throttling');
    expect(handle.hits).toBe(1);
    handle.remove();
    await expect(listUsers()).resolves.toBeDefined();
  });

  it('only matches what it names (service, operation, region, account)', async () => {
    h.proxy.fault({ service: 'ec2', region: 'eu-west-1' }, { kind: 'server_error' });
    await expect(new EC2Client(clientConfig(h.endpoint)).send(new DescribeInstancesCommand({}))).resolves.toBeDefined();
    const error = await failure(() => new EC2Client(clientConfig(h.endpoint, { region: 'eu-west-1' })).send(new DescribeInstancesCommand({})));
    expect(error.name).toBe('InternalError');
  });

  it('custom error code and status (a modeled code comes out as the modeled error)', async () => {
    const spec: FaultSpec = { kind: 'error', code: 'ServiceFailure', status: 500, message: 'boom' };
    h.proxy.fault({ service: 'iam', operation: 'ListUsers' }, spec);
    const error = await failure(listUsers);
    expect(error.name).toBe('ServiceFailureException');
    expect(error.$metadata?.httpStatusCode).toBe(500);
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'iam', operation: 'ListUsers' }, { kind: 'error', code: 'SomethingOdd', status: 409 });
    expect((await failure(listUsers)).name).toBe('SomethingOdd');
  });

  it('timeout holds the request until the client gives up', async () => {
    h.proxy.fault({ service: 'sts' }, { kind: 'timeout', times: 1 });
    // Without throwOnRequestTimeout, current SDK versions only log a warning when requestTimeout passes.
    const sts = new STSClient({ ...clientConfig(h.endpoint), requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } });
    const started = Date.now();
    const error = await failure(() => sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(h.proxy.calls[0]).toMatchObject({ service: 'sts', operation: 'GetCallerIdentity', status: 0, fault: 'timeout' });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: '123456789012' });
  });

  it('delay answers normally, later', async () => {
    h.proxy.fault({ service: 'sts' }, { kind: 'delay', ms: 300, times: 1 });
    const started = Date.now();
    await expect(new STSClient(clientConfig(h.endpoint)).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('connection_reset drops the connection', async () => {
    h.proxy.fault({ service: 'sts' }, { kind: 'connection_reset', times: 1 });
    const error = await failure(() => new STSClient(clientConfig(h.endpoint)).send(new GetCallerIdentityCommand({})));
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
  });
});

describe('pass-through', () => {
  it('streams large S3 bodies both ways unchanged', async () => {
    const s3 = new S3Client(s3Config(h.endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: 'big' }));
    const body = Buffer.alloc(9 * 1024 * 1024, 7);
    body.write('start');
    await s3.send(new PutObjectCommand({ Bucket: 'big', Key: 'blob', Body: body }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'big', Key: 'blob' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(bytes.length).toBe(body.length);
    expect(bytes.equals(body)).toBe(true);
    expect(h.proxy.callsTo('s3').map((c) => [c.operation, c.status])).toEqual([
      ['CreateBucket', 200],
      ['PutObject', 200],
      ['GetObject', 200],
    ]);
  });

  it('keeps SigV4 signatures valid: moto verifies them when IAM auth is enforced', async () => {
    const admin = new IAMClient(clientConfig(h.endpoint));
    await admin.send(new CreateUserCommand({ UserName: 'signer' }));
    const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    await admin.send(new PutUserPolicyCommand({ UserName: 'signer', PolicyName: 'all', PolicyDocument: allowAll }));
    const { AccessKey } = await admin.send(new CreateAccessKeyCommand({ UserName: 'signer' }));
    const good = { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
    const bad = { ...good, secretAccessKey: `${good.secretAccessKey}x` };
    await h.moto.resetAuth(0);
    try {
      const ok = await new IAMClient({ ...clientConfig(h.endpoint), credentials: good }).send(new ListUsersCommand({}));
      expect(ok.Users?.map((u) => u.UserName)).toContain('signer');
      const error = await failure(() => new IAMClient({ ...clientConfig(h.endpoint), credentials: bad }).send(new ListUsersCommand({})));
      expect(error.name).toBe('SignatureDoesNotMatch');
    } finally {
      await h.moto.resetAuth('off');
    }
  });
});
