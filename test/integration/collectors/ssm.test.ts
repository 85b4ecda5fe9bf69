// The SSM Parameter Store collector: metadata only (never a value), the secret-name flag, DescribeParameters
// pagination, denial and throttling.
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import secretsmanager from '../../../src/collectors/secretsmanager.js';
import ssm from '../../../src/collectors/ssm.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const PARAMETER = 'AWS::SSM::Parameter';
const RULE = 'ssm-secret-parameters-secure-string';

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

const put = (Name: string, Type: 'String' | 'SecureString', Value = 'value-never-stored') => new SSMClient(clientConfig(h.endpoint)).send(new PutParameterCommand({ Name, Type, Value }));

it('describes parameters without reading a value, and flags secret-looking names', async () => {
  await put('/prod/db/password', 'SecureString');
  await put('/prod/stripe/api_key', 'String');
  await put('/prod/db/host', 'String');
  h.proxy.clearCalls();

  const snapshot = await scanWith(h, [ssm, secretsmanager]);
  const secure = resourceNamed(snapshot, PARAMETER, '/prod/db/password');
  expect(secure).toMatchObject({ uid: 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/db/password', physicalId: '/prod/db/password', unknown: [] });
  expect(secure.properties).toEqual({
    Name: '/prod/db/password',
    Type: 'SecureString',
    KeyId: 'alias/aws/ssm',
    Tier: 'Standard',
    DataType: 'text',
    LastModifiedDate: expect.stringMatching(/^\d{4}-/),
    NameLooksSecret: true,
  });
  expect(resourceNamed(snapshot, PARAMETER, '/prod/stripe/api_key').properties).toMatchObject({ Type: 'String', NameLooksSecret: true });
  expect(resourceNamed(snapshot, PARAMETER, '/prod/db/host').properties).toMatchObject({ Type: 'String', NameLooksSecret: false });
  expect(JSON.stringify(snapshot)).not.toContain('value-never-stored');
  expect(h.proxy.calls.filter((c) => c.service === 'ssm').map((c) => c.operation)).toEqual(['DescribeParameters']);
  expect(record(snapshot, 'ssm:DescribeParameters')).toMatchObject({ outcome: 'ok', lists: [PARAMETER] });

  const uid = (name: string) => resourceNamed(snapshot, PARAMETER, name).uid;
  expect(outcomeOn(snapshot, RULE, uid('/prod/db/password'))).toBe('pass');
  expect(outcomeOn(snapshot, RULE, uid('/prod/stripe/api_key'))).toBe('fail');
  expect(outcomeOn(snapshot, RULE, uid('/prod/db/host'))).toBe('not_applicable');
  expect(outcomeOn(snapshot, 'secrets-store-in-use', 'account:123456789012')).toBe('pass');
});

it('follows DescribeParameters to the last page', async () => {
  const names = ['/p/1', '/p/2', '/p/3', '/p/4', '/p/5'];
  for (const name of names) await put(name, 'String');
  h.proxy.paginate({ service: 'ssm', operation: 'DescribeParameters' }, { pageSize: 2 });
  const snapshot = await scanWith(h, [ssm]);
  expect(resourcesOf(snapshot, PARAMETER).map((p) => p.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('ssm', 'DescribeParameters').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the parameter rules unknown when DescribeParameters is denied or throttled', async () => {
  await put('/prod/token', 'String');
  h.proxy.fault({ service: 'ssm', operation: 'DescribeParameters' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [ssm, secretsmanager]);
  expect(resourcesOf(denied, PARAMETER)).toEqual([]);
  expectFailure(denied, 'ssm:DescribeParameters', 'access_denied', { rules: [RULE, 'secrets-store-in-use'] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'ssm', operation: 'DescribeParameters' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [ssm], { maxAttempts: 1 });
  expectFailure(throttled, 'ssm:DescribeParameters', 'throttled', { rules: [RULE] });
});
