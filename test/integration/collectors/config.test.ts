// The Config collector: recorders and whether one records, per Region; each operation denied; throttling.
// DescribeConfigurationRecorders(+Status) are not paginated APIs.
import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import config from '../../../src/collectors/config.js';
import { clientConfig, s3Config, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailedRecord, expectUnknown, marks, region, statuses } from './governance-helpers.js';
import { scanWith } from './scan-helpers.js';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const RULE = 'config-recording-enabled';

async function seedRecorder(regionName: string, start: boolean): Promise<void> {
  const client = new ConfigServiceClient(clientConfig(h.endpoint, { region: regionName }));
  await client.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: true } } }));
  if (start) {
    await new S3Client(s3Config(h.endpoint)).send(new CreateBucketCommand({ Bucket: `config-${regionName}` }));
    await client.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: `config-${regionName}` } }));
    await client.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  }
  client.destroy();
}

describe('config collector', () => {
  it('per Region: recording, stopped, or no recorder at all', async () => {
    await seedRecorder('us-east-1', true);
    await seedRecorder('eu-west-1', false);
    const snapshot = await scanWith(h, [config], { regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] });
    expect(region(snapshot, 'us-east-1').properties['Config']).toEqual({ Recorders: 1, Recording: true });
    expect(region(snapshot, 'eu-west-1').properties['Config']).toEqual({ Recorders: 1, Recording: false });
    expect(region(snapshot, 'ap-southeast-2').properties['Config']).toEqual({ Recorders: 0, Recording: false });
    expect(h.proxy.callsTo('config', 'DescribeConfigurationRecorderStatus').map((c) => c.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
    const recording = await scanWith(h, [config], { regions: ['us-east-1'] });
    expect(statuses(recording, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it.each([
    ['DescribeConfigurationRecorders', '/Config'],
    ['DescribeConfigurationRecorderStatus', '/Config/Recording'],
  ])('denied %s: %s unknown', async (operation, path) => {
    await seedRecorder('us-east-1', true);
    h.proxy.fault({ service: 'config', operation }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [config]);
    expectFailedRecord(snapshot, `config:${operation}`, 'access_denied', { region: 'us-east-1' });
    expect(marks(region(snapshot))).toEqual({ [path]: `collection_failed:config:${operation}` });
    expectUnknown(snapshot, [RULE], `${operation} denied`);
  });

  it('persistent throttling: recorded, the rule unknown', async () => {
    h.proxy.fault({ service: 'config', operation: 'DescribeConfigurationRecorders' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [config], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'config:DescribeConfigurationRecorders', 'throttled');
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
