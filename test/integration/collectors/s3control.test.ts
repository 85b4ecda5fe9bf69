// The S3 Control collector: the account-level Block Public Access settings on AWS::Account, none configured (null),
// denied and throttled.
import { PutPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import s3control from '../../../src/collectors/s3control.js';
import { s3ControlConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { accountFacts, expectFailure, outcomeOn, record } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const ACCOUNT = 'account:123456789012';
const RULE = 's3-account-public-access-block';

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

it('writes null when the account has no configuration, and the four settings when it has', async () => {
  const none = await scanWith(h, [s3control]);
  expect(accountFacts(none).properties['S3PublicAccessBlock']).toBeNull();
  expect(accountFacts(none).unknown).toEqual([]);
  expect(record(none, 's3:GetAccountPublicAccessBlock')).toMatchObject({ outcome: 'ok', region: 'global', calls: { ok: 1 } });
  expect(outcomeOn(none, RULE, ACCOUNT)).toBe('fail');

  const control = new S3ControlClient(s3ControlConfig(h.endpoint));
  await control.send(
    new PutPublicAccessBlockCommand({
      AccountId: '123456789012',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
    }),
  );
  const partial = await scanWith(h, [s3control]);
  expect(accountFacts(partial).properties['S3PublicAccessBlock']).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false });
  expect(outcomeOn(partial, RULE, ACCOUNT)).toBe('fail');

  await control.send(
    new PutPublicAccessBlockCommand({
      AccountId: '123456789012',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  expect(outcomeOn(await scanWith(h, [s3control]), RULE, ACCOUNT)).toBe('pass');
});

it('marks the setting unknown when the call is denied or keeps being throttled', async () => {
  h.proxy.fault({ service: 's3control', operation: 'GetPublicAccessBlock' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [s3control]);
  expect(accountFacts(denied).unknown).toEqual([{ path: '/S3PublicAccessBlock', reason: 'collection_failed:s3:GetAccountPublicAccessBlock' }]);
  expectFailure(denied, 's3:GetAccountPublicAccessBlock', 'access_denied', { affected: [ACCOUNT], rules: [RULE] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 's3control', operation: 'GetPublicAccessBlock' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [s3control], { maxAttempts: 1 });
  expect(accountFacts(throttled).properties['S3PublicAccessBlock']).toBeUndefined();
  expectFailure(throttled, 's3:GetAccountPublicAccessBlock', 'throttled', { affected: [ACCOUNT], rules: [RULE] });
});
