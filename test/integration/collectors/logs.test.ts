// The CloudWatch Logs collector against moto through the fault proxy: log groups with retention and KMS key from one
// paginated listing (no per-group call), pagination, denial and throttling.
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import logs from '../../../src/collectors/logs.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, named, ofType } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const GROUP = 'AWS::Logs::LogGroup';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

let h: AwsHarness;
let client: CloudWatchLogsClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new CloudWatchLogsClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

const scan = () => scanWith(h, [logs]);

describe('a seeded account', () => {
  it('writes retention (null = never expires) and the KMS key', async () => {
    await h.reset();
    await client.send(new CreateLogGroupCommand({ logGroupName: '/app/api', kmsKeyId: KEY }));
    await client.send(new PutRetentionPolicyCommand({ logGroupName: '/app/api', retentionInDays: 90 }));
    await client.send(new CreateLogGroupCommand({ logGroupName: '/app/forever' }));
    const snapshot = await scan();
    expectListings(snapshot, { 'logs:DescribeLogGroups': [GROUP] });
    const api = named(snapshot, GROUP, '/app/api');
    expect(api.uid).toBe('arn:aws:logs:us-east-1:123456789012:log-group:/app/api');
    expect(api.properties).toMatchObject({ LogGroupName: '/app/api', RetentionInDays: 90, KmsKeyId: KEY });
    expect(named(snapshot, GROUP, '/app/forever').properties).toMatchObject({ RetentionInDays: null, KmsKeyId: null });
    expect(verdicts(snapshot, ['log-group-retention-set']).get('log-group-retention-set')?.status).toBe('fail');
  });
});

describe('pagination', () => {
  it('follows every page, one call per page and none per group', async () => {
    await h.reset();
    for (let n = 0; n < 5; n++) await client.send(new CreateLogGroupCommand({ logGroupName: `/app/${n}` }));
    h.proxy.paginate({ service: 'logs', operation: 'DescribeLogGroups' }, { pageSize: 2 });
    h.proxy.clearCalls();
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'logs', 'DescribeLogGroups')).toEqual(['moto', 'page', 'page']);
    expect(h.proxy.calls.filter((c) => c.service === 'logs')).toHaveLength(3);
    expect(ofType(snapshot, GROUP)).toHaveLength(5);
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    await client.send(new CreateLogGroupCommand({ logGroupName: '/app/api' }));
  });

  it('access denied leaves the retention rule unknown', async () => {
    h.proxy.fault({ service: 'logs', operation: 'DescribeLogGroups' }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, 'logs:DescribeLogGroups', 'access_denied');
  });

  it('a listing that breaks part way completes nothing', async () => {
    await client.send(new CreateLogGroupCommand({ logGroupName: '/app/other' }));
    h.proxy.paginate({ service: 'logs', operation: 'DescribeLogGroups' }, { pageSize: 1, failAfterPages: 1, failWith: { kind: 'throttle' } });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, 'logs:DescribeLogGroups', 'throttled');
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves it unknown', async () => {
    h.proxy.fault({ service: 'logs', operation: 'DescribeLogGroups' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [logs], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'logs:DescribeLogGroups', 'throttled');
  });
});
