// The ECS collector against moto through the fault proxy: the latest ACTIVE revision of each family, task role,
// environment names (values judged in memory, never stored) and secret names; pagination, a denied describe for one
// family, denial and throttling. moto answers ListTaskDefinitions in one page (the proxy splits it).
import { ECSClient, RegisterTaskDefinitionCommand, type ContainerDefinition } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ecs from '../../../src/collectors/ecs.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, expectNoSecret, ofType, recordOf } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const TASK = 'AWS::ECS::TaskDefinition';
const ENV_SECRET = 'Pn5-ecs-env-Secret-value';
const LIST_SPEC = { format: 'json' as const, lists: ['taskDefinitionArns'], token: 'nextToken' };

let h: AwsHarness;
let client: ECSClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new ECSClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

async function register(family: string, containers: ContainerDefinition[], taskRoleArn?: string): Promise<string> {
  const out = await client.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: containers, taskRoleArn, tags: [{ key: 'team', value: family }] }));
  return out.taskDefinition!.taskDefinitionArn!;
}

const scan = () => scanWith(h, [ecs]);

describe('a seeded account', () => {
  it('describes the latest revision of each family, names only', async () => {
    await h.reset();
    await register('api', [{ name: 'app', image: 'nginx', memory: 128, environment: [{ name: 'DB_PASSWORD', value: 'old-revision-value' }] }]);
    const latest = await register(
      'api',
      [
        {
          name: 'app',
          image: 'nginx',
          memory: 128,
          environment: [
            { name: 'DB_PASSWORD', value: ENV_SECRET },
            { name: 'LOG_LEVEL', value: 'debug' },
          ],
          secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api' }],
        },
        { name: 'sidecar', image: 'envoy', memory: 64 },
      ],
      'arn:aws:iam::123456789012:role/api-task',
    );
    const worker = await register('worker', [{ name: 'job', image: 'busybox', memory: 64 }]);
    const snapshot = await scan();
    expectListings(snapshot, { 'ecs:ListTaskDefinitions': [TASK] });
    expect(recordOf(snapshot, 'ecs:DescribeTaskDefinition').calls).toEqual({ ok: 2 });

    const tasks = ofType(snapshot, TASK);
    expect(tasks.map((t) => t.uid).sort()).toEqual([latest, worker].sort());
    const api = tasks.find((t) => t.uid === latest)!;
    expect(api.name).toBe('api:2');
    expect(api.tags).toEqual({ team: 'api' });
    expect(api.properties).toMatchObject({
      Family: 'api',
      Revision: 2,
      TaskRoleArn: 'arn:aws:iam::123456789012:role/api-task',
      ContainerDefinitions: [
        expect.objectContaining({ Name: 'app', Image: 'nginx', Environment: [{ Name: 'DB_PASSWORD' }, { Name: 'LOG_LEVEL' }], Secrets: [{ Name: 'API_KEY' }] }),
        expect.objectContaining({ Name: 'sidecar', Environment: [], Secrets: [] }),
      ],
      CredentialLikeEnvironment: ['DB_PASSWORD'],
    });
    expect(tasks.find((t) => t.uid === worker)?.properties).toMatchObject({ TaskRoleArn: null, CredentialLikeEnvironment: [] });
    expectNoSecret(snapshot, ENV_SECRET, 'old-revision-value');
    const judged = verdicts(snapshot, ['ecs-task-env-no-credentials', 'ecs-task-definition-has-task-role']);
    expect(judged.get('ecs-task-env-no-credentials')?.status).toBe('fail');
    expect(judged.get('ecs-task-definition-has-task-role')?.status).toBe('fail');
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    for (const family of ['a', 'b', 'c']) await register(family, [{ name: 'c', image: 'busybox', memory: 64 }], 'arn:aws:iam::123456789012:role/t');
    h.proxy.paginate({ service: 'ecs', operation: 'ListTaskDefinitions' }, { pageSize: 1, spec: LIST_SPEC });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'ecs', 'ListTaskDefinitions')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, TASK)).toHaveLength(3);
    expect(verdicts(snapshot, ['ecs-task-definition-has-task-role']).get('ecs-task-definition-has-task-role')?.status).toBe('pass');
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    for (const family of ['a', 'b']) await register(family, [{ name: 'c', image: 'busybox', memory: 64 }], 'arn:aws:iam::123456789012:role/t');
  });

  it.each(['ListTaskDefinitions', 'DescribeTaskDefinition'])('access denied on %s leaves the rules unknown', async (operation) => {
    h.proxy.fault({ service: 'ecs', operation }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, `ecs:${operation}`, 'access_denied');
  });

  it('one denied describe marks only that task definition', async () => {
    h.proxy.fault({ service: 'ecs', operation: 'DescribeTaskDefinition' }, { kind: 'access_denied', times: 1 });
    const snapshot = await scan();
    h.proxy.clearFaults();
    const tasks = ofType(snapshot, TASK);
    const marked = tasks.filter((t) => t.unknown.length > 0);
    expect(marked).toHaveLength(1);
    // DescribeTaskDefinition carries the tags too: unread, they are marked as such, not an empty set.
    expect(marked[0]!.unknown.map((m) => m.path)).toEqual(['/TaskRoleArn', '/ContainerDefinitions', '/CredentialLikeEnvironment', '@tags']);
    expect(recordOf(snapshot, 'ecs:DescribeTaskDefinition')).toMatchObject({ outcome: 'access_denied', calls: { ok: 1, access_denied: 1 }, affected: [marked[0]!.uid] });
    expect(verdicts(snapshot, ['ecs-task-definition-has-task-role']).get('ecs-task-definition-has-task-role')?.status).toBe('unknown');
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves the rules unknown', async () => {
    h.proxy.fault({ service: 'ecs', operation: 'DescribeTaskDefinition' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [ecs], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'ecs:DescribeTaskDefinition', 'throttled');
  });
});
