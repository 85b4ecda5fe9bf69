// The Secrets Manager collector: secret metadata only (never a value), ListSecrets pagination, denial and throttling.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateSecretCommand, RotateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import secretsmanager from '../../../src/collectors/secretsmanager.js';
import ssm from '../../../src/collectors/ssm.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const SECRET = 'AWS::SecretsManager::Secret';
const ACCOUNT = 'account:123456789012';

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

const client = () => new SecretsManagerClient(clientConfig(h.endpoint));

it('reads secret metadata and never a secret value', async () => {
  const db = await client().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'hunter22-not-stored', KmsKeyId: 'alias/app', Tags: [{ Key: 'team', Value: 'core' }] }));
  // moto rotates only with a Lambda function that exists.
  const role = await new IAMClient(clientConfig(h.endpoint)).send(new CreateRoleCommand({ RoleName: 'rotator', AssumeRolePolicyDocument: '{}' }));
  const rotator = await new LambdaClient(clientConfig(h.endpoint)).send(
    new CreateFunctionCommand({ FunctionName: 'rotate', Role: role.Role?.Arn, Runtime: 'python3.12', Handler: 'r.h', Code: { ZipFile: zipSync({ 'r.py': strToU8('def h(e, c): pass') }) } }),
  );
  await client().send(new RotateSecretCommand({ SecretId: 'app/db', RotationLambdaARN: rotator.FunctionArn, RotationRules: { AutomaticallyAfterDays: 30 }, RotateImmediately: false }));
  await client().send(new CreateSecretCommand({ Name: 'app/api', SecretString: 'also-not-stored' }));
  h.proxy.clearCalls();

  const snapshot = await scanWith(h, [secretsmanager, ssm]);
  const secret = resourceNamed(snapshot, SECRET, 'app/db');
  expect(secret).toMatchObject({ uid: db.ARN, physicalId: db.ARN, region: 'us-east-1', tags: { team: 'core' }, unknown: [] });
  expect(secret.properties).toMatchObject({
    Name: 'app/db',
    KmsKeyId: 'alias/app',
    RotationEnabled: true,
    RotationRules: { AutomaticallyAfterDays: 30 },
    LastRotatedDate: expect.stringMatching(/^\d{4}-/),
  });
  expect(resourceNamed(snapshot, SECRET, 'app/api').properties).toMatchObject({ Name: 'app/api', KmsKeyId: null, RotationEnabled: false, LastAccessedDate: null });
  expect(JSON.stringify(snapshot)).not.toContain('not-stored');
  expect(h.proxy.calls.filter((c) => c.service === 'secretsmanager').map((c) => c.operation)).toEqual(['ListSecrets']);
  expect(record(snapshot, 'secretsmanager:ListSecrets')).toMatchObject({ outcome: 'ok', lists: [SECRET] });
  expect(outcomeOn(snapshot, 'secrets-store-in-use', ACCOUNT)).toBe('pass');
});

it('follows ListSecrets to the last page', async () => {
  const names = ['s1', 's2', 's3', 's4', 's5'];
  for (const Name of names) await client().send(new CreateSecretCommand({ Name, SecretString: 'x' }));
  h.proxy.paginate({ service: 'secretsmanager', operation: 'ListSecrets' }, { pageSize: 2 });
  const snapshot = await scanWith(h, [secretsmanager]);
  expect(resourcesOf(snapshot, SECRET).map((s) => s.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('secretsmanager', 'ListSecrets').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the secrets inventory incomplete when ListSecrets is denied or throttled', async () => {
  await client().send(new CreateSecretCommand({ Name: 'hidden', SecretString: 'x' }));
  h.proxy.fault({ service: 'secretsmanager', operation: 'ListSecrets' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [secretsmanager, ssm]);
  expect(resourcesOf(denied, SECRET)).toEqual([]);
  expectFailure(denied, 'secretsmanager:ListSecrets', 'access_denied', { rules: ['secrets-store-in-use'] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'secretsmanager', operation: 'ListSecrets' }, { kind: 'throttle' });
  const throttled = await scanWith(h, [secretsmanager, ssm], { maxAttempts: 1 });
  expectFailure(throttled, 'secretsmanager:ListSecrets', 'throttled', { rules: ['secrets-store-in-use'] });
});
