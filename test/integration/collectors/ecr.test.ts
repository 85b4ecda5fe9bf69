// The ECR collector: repositories with their scan-on-push flag, the registry scanning configuration, pagination,
// denials and throttling.
import { CreateRepositoryCommand, ECRClient, PutRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import ecr from '../../../src/collectors/ecr.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, regionFacts, resourceNamed, resourcesOf } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const REPOSITORY = 'AWS::ECR::Repository';
const RULE = 'ecr-registry-scanning';
const REGION_UID = 'account:123456789012/region:us-east-1';

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

const client = () => new ECRClient(clientConfig(h.endpoint));
const create = (repositoryName: string, scanOnPush: boolean) => client().send(new CreateRepositoryCommand({ repositoryName, imageScanningConfiguration: { scanOnPush } }));

it('reads repositories and the registry scanning configuration', async () => {
  await create('api', true);
  await create('web', false);
  const basic = await scanWith(h, [ecr]);
  const api = resourceNamed(basic, REPOSITORY, 'api');
  expect(api).toMatchObject({ uid: 'arn:aws:ecr:us-east-1:123456789012:repository/api', physicalId: 'api', unknown: [] });
  expect(api.properties).toEqual({ RepositoryName: 'api', ImageScanningConfiguration: { ScanOnPush: true }, ImageTagMutability: 'MUTABLE', EncryptionConfiguration: { EncryptionType: 'AES256' } });
  expect(resourceNamed(basic, REPOSITORY, 'web').properties['ImageScanningConfiguration']).toEqual({ ScanOnPush: false });
  expect(regionFacts(basic).properties['EcrScanning']).toEqual({ ScanType: 'BASIC', Rules: 0 });
  expect(record(basic, 'ecr:DescribeRepositories')).toMatchObject({ outcome: 'ok', lists: [REPOSITORY] });
  expect(outcomeOn(basic, RULE, REGION_UID)).toBe('fail');

  await client().send(new PutRegistryScanningConfigurationCommand({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] }));
  const enhanced = await scanWith(h, [ecr]);
  expect(regionFacts(enhanced).properties['EcrScanning']).toEqual({ ScanType: 'ENHANCED', Rules: 1 });
  expect(outcomeOn(enhanced, RULE, REGION_UID)).toBe('pass');
});

it('follows DescribeRepositories to the last page', async () => {
  const names = ['r1', 'r2', 'r3', 'r4', 'r5'];
  for (const name of names) await create(name, true);
  h.proxy.paginate({ service: 'ecr', operation: 'DescribeRepositories' }, { pageSize: 2, spec: { format: 'json', lists: ['repositories'], token: 'nextToken' } });
  const snapshot = await scanWith(h, [ecr]);
  expect(resourcesOf(snapshot, REPOSITORY).map((r) => r.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('ecr', 'DescribeRepositories').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the rule unknown when either call is denied or throttled', async () => {
  await create('web', false);
  h.proxy.fault({ service: 'ecr', operation: 'GetRegistryScanningConfiguration' }, { kind: 'access_denied' });
  const noConfig = await scanWith(h, [ecr]);
  expect(regionFacts(noConfig).unknown).toEqual([{ path: '/EcrScanning', reason: 'collection_failed:ecr:GetRegistryScanningConfiguration' }]);
  expectFailure(noConfig, 'ecr:GetRegistryScanningConfiguration', 'access_denied', { rules: [RULE] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'ecr', operation: 'DescribeRepositories' }, { kind: 'access_denied' });
  const noRepos = await scanWith(h, [ecr]);
  expect(resourcesOf(noRepos, REPOSITORY)).toEqual([]);
  expectFailure(noRepos, 'ecr:DescribeRepositories', 'access_denied', { rules: [RULE] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'ecr', operation: 'DescribeRepositories' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [ecr], { maxAttempts: 1 }), 'ecr:DescribeRepositories', 'throttled', { rules: [RULE] });
});
