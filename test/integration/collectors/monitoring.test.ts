// The CloudWatch alarms collector against moto through the fault proxy: metric and metric-math alarms in
// CloudFormation shape, pagination, denial and throttling. moto answers DescribeAlarms in one page (the proxy splits
// it with an explicit JSON spec).
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ec2Collector from '../../../src/collectors/ec2.js';
import monitoring from '../../../src/collectors/monitoring.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, named, ofType } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const ALARM = 'AWS::CloudWatch::Alarm';

let h: AwsHarness;
let client: CloudWatchClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new CloudWatchClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

async function cpuAlarm(name: string, instance: string) {
  await client.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: instance }],
      Statistic: 'Average',
      Period: 300,
      EvaluationPeriods: 3,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:on-call'],
    }),
  );
}

const scan = () => scanWith(h, [monitoring]);

describe('a seeded account', () => {
  it('writes metric and metric-math alarms in CloudFormation shape', async () => {
    await h.reset();
    await cpuAlarm('cpu-high', 'i-0123456789abcdef0');
    await client.send(
      new PutMetricAlarmCommand({
        AlarmName: 'error-rate',
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [
          { Id: 'errors', MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web/123' }] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
          { Id: 'rate', Expression: 'errors * 100', Label: 'rate', ReturnData: true },
        ],
      }),
    );
    const snapshot = await scan();
    expectListings(snapshot, { 'cloudwatch:DescribeAlarms': [ALARM] });
    const cpu = named(snapshot, ALARM, 'cpu-high');
    expect(cpu.uid).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high');
    expect(cpu.properties).toMatchObject({
      AlarmName: 'cpu-high',
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: 'i-0123456789abcdef0' }],
      Statistic: 'Average',
      Period: 300,
      EvaluationPeriods: 3,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:on-call'],
    });
    const math = named(snapshot, ALARM, 'error-rate');
    expect(math.properties['MetricName']).toBeUndefined();
    expect(math.properties['Metrics']).toEqual([
      {
        Id: 'errors',
        ReturnData: false,
        MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web/123' }] }, Period: 60, Stat: 'Sum' },
      },
      { Id: 'rate', Expression: 'errors * 100', Label: 'rate', ReturnData: true },
    ]);
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    for (const n of [1, 2, 3]) await cpuAlarm(`cpu-${n}`, `i-${n}`);
    h.proxy.paginate({ service: 'monitoring', operation: 'DescribeAlarms' }, { pageSize: 1, spec: { format: 'json', lists: ['MetricAlarms'], token: 'NextToken' } });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'monitoring', 'DescribeAlarms')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, ALARM).map((a) => a.name).sort()).toEqual(['cpu-1', 'cpu-2', 'cpu-3']);
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    // An instance with its CPU alarm: the alarm rule passes when the alarms are read, and only then.
    const ec2 = new EC2Client(clientConfig(h.endpoint));
    const instance = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 }))).Instances![0]!.InstanceId!;
    await cpuAlarm('cpu-high', instance);
  });

  it('access denied leaves every alarm-based rule unknown', async () => {
    const complete = await scanWith(h, [monitoring, ec2Collector]);
    expect(verdicts(complete, ['ec2-instance-cpu-alarm']).get('ec2-instance-cpu-alarm')?.status).toBe('pass');
    h.proxy.fault({ service: 'monitoring', operation: 'DescribeAlarms' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [monitoring, ec2Collector]);
    h.proxy.clearFaults();
    expectFailed(snapshot, 'cloudwatch:DescribeAlarms', 'access_denied');
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves them unknown', async () => {
    h.proxy.fault({ service: 'monitoring', operation: 'DescribeAlarms' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [monitoring], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'cloudwatch:DescribeAlarms', 'throttled');
  });
});
