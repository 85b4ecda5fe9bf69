// Split pagination works with the SDK's own paginators, for list calls moto answers in one go; truncated
// pagination (a claimed next page that fails) surfaces as an error from the paginator.
import { CreateSecurityGroupCommand, EC2Client, paginateDescribeSecurityGroups } from '@aws-sdk/client-ec2';
import {
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient, paginateListKeys } from '@aws-sdk/client-kms';
import { CreateBucketCommand, paginateListBuckets, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig, s3Config } from '../../harness/aws-clients.js';
import { startAwsHarness, type AwsHarness } from '../../harness/harness.js';

let h: AwsHarness;
const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
const iam = () => new IAMClient(clientConfig(h.endpoint));

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

beforeAll(async () => {
  h = await startAwsHarness();
  for (const name of users) await iam().send(new CreateUserCommand({ UserName: name }));
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.proxy.clearFaults();
  h.proxy.clearCalls();
});

describe('split pagination', () => {
  it('moto ignores MaxItems on ListUsers; the proxy splits it and paginateListUsers sees every user', async () => {
    h.proxy.paginate({ service: 'iam', operation: 'ListUsers' }, { pageSize: 2 });
    const pages = await all(paginateListUsers({ client: iam() }, {}));
    expect(pages.map((p) => p.Users?.map((u) => u.UserName))).toEqual([['u1', 'u2'], ['u3', 'u4'], ['u5']]);
    expect(pages.map((p) => p.IsTruncated)).toEqual([true, true, false]);
    expect(h.proxy.callsTo('iam', 'ListUsers').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
  });

  it('splits several lists in step (GetAccountAuthorizationDetails)', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
    h.proxy.paginate({ service: 'iam', operation: 'GetAccountAuthorizationDetails' }, { pageSize: 2 });
    const pages = await all(paginateGetAccountAuthorizationDetails({ client: iam() }, {}));
    expect(pages.length).toBe(3);
    expect(pages.flatMap((p) => p.UserDetailList ?? []).map((u) => u.UserName)).toEqual(users);
    expect(pages.flatMap((p) => p.RoleDetailList ?? []).map((r) => r.RoleName)).toEqual(['r1']);
  });

  it('EC2 (nextToken)', async () => {
    const ec2 = new EC2Client(clientConfig(h.endpoint));
    for (const name of ['a', 'b']) await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name }));
    h.proxy.paginate({ service: 'ec2', operation: 'DescribeSecurityGroups' }, { pageSize: 1 });
    const pages = await all(paginateDescribeSecurityGroups({ client: ec2 }, {}));
    expect(pages.every((p) => p.SecurityGroups?.length === 1)).toBe(true);
    expect(pages.flatMap((p) => p.SecurityGroups ?? []).map((g) => g.GroupName).sort()).toEqual(['a', 'b', 'default']);
  });

  it('S3 ListBuckets (ContinuationToken)', async () => {
    const s3 = new S3Client(s3Config(h.endpoint));
    for (const b of ['bkt-1', 'bkt-2', 'bkt-3']) await s3.send(new CreateBucketCommand({ Bucket: b }));
    h.proxy.paginate({ service: 's3', operation: 'ListBuckets' }, { pageSize: 2 });
    const pages = await all(paginateListBuckets({ client: s3 }, {}));
    expect(pages.map((p) => p.Buckets?.map((b) => b.Name))).toEqual([['bkt-1', 'bkt-2'], ['bkt-3']]);
  });

  it('JSON protocol with a Truncated flag (KMS ListKeys)', async () => {
    const kms = new KMSClient(clientConfig(h.endpoint));
    for (let i = 0; i < 3; i++) await kms.send(new CreateKeyCommand({}));
    h.proxy.paginate({ service: 'kms', operation: 'ListKeys' }, { pageSize: 1 });
    const pages = await all(paginateListKeys({ client: kms }, {}));
    expect(pages.map((p) => [p.Keys?.length, p.Truncated])).toEqual([[1, true], [1, true], [1, false]]);
  });

  it('takes an explicit spec for list calls without a built-in one', async () => {
    const sqs = new SQSClient(clientConfig(h.endpoint));
    for (const q of ['q1', 'q2', 'q3']) await sqs.send(new CreateQueueCommand({ QueueName: q }));
    expect(() => h.proxy.paginate({ service: 'sqs', operation: 'ListQueues' }, { pageSize: 1 })).toThrow(/no built-in list spec/);
    h.proxy.paginate({ service: 'sqs', operation: 'ListQueues' }, { pageSize: 1, spec: { format: 'json', lists: ['QueueUrls'], token: 'NextToken' } });
    const pages = await all(paginateListQueues({ client: sqs }, {}));
    expect(pages.map((p) => p.QueueUrls?.length)).toEqual([1, 1, 1]);
  });
});

describe('truncated pagination and faults on later pages', () => {
  it('claims another page that then fails (default: a 5xx)', async () => {
    h.proxy.paginate({ service: 'iam', operation: 'ListUsers' }, { pageSize: 2, failAfterPages: 1 });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const page of paginateListUsers({ client: iam() }, {})) seen.push(...(page.Users ?? []).map((u) => u.UserName ?? ''));
    })().catch((e: unknown) => e as Error);
    expect(seen).toEqual(['u1', 'u2']);
    expect((error as Error).name).toBe('InternalFailure');
  });

  it('the failing page can be any fault, and keeps failing on retries', async () => {
    h.proxy.paginate({ service: 'iam', operation: 'ListUsers' }, { pageSize: 3, failAfterPages: 1, failWith: { kind: 'access_denied' } });
    const client = new IAMClient({ ...clientConfig(h.endpoint), maxAttempts: 2 });
    const error = await all(paginateListUsers({ client }, {})).catch((e: unknown) => e as Error);
    expect((error as Error).name).toBe('AccessDenied');
  });

  it('a fault on page 2 is retried by the SDK and the paginator still sees everything', async () => {
    h.proxy.paginate({ service: 'iam', operation: 'ListUsers' }, { pageSize: 2 });
    h.proxy.fault({ service: 'iam', operation: 'ListUsers' }, { kind: 'throttle', after: 1, times: 1 });
    const client = new IAMClient({ ...clientConfig(h.endpoint), maxAttempts: 3 });
    const pages = await all(paginateListUsers({ client }, {}));
    expect(pages.flatMap((p) => p.Users ?? []).map((u) => u.UserName)).toEqual(users);
    expect(h.proxy.callsTo('iam', 'ListUsers').map((c) => c.answeredBy)).toEqual(['moto', 'fault', 'page', 'page']);
  });
});
