// The Inspector collector: scan-type statuses (DISABLED before Enable: the proxy patches moto's empty answer as AWS
// answers), coverage counts from ListCoverage (a proxy stand-in) once something is ENABLED, denials and throttling.
import { EnableCommand, Inspector2Client, type CoveredResource } from '@aws-sdk/client-inspector2';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import inspector2, { coverageCounts } from '../../../src/collectors/inspector2.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, regionFacts } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const REGION_UID = 'account:123456789012/region:us-east-1';
const COVERAGE_RULE = 'inspector-coverage-complete';

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

function covered(resourceType: string, resourceId: string, statusCode: 'ACTIVE' | 'INACTIVE'): CoveredResource {
  return { resourceType: resourceType as CoveredResource['resourceType'], resourceId, accountId: '123456789012', scanType: 'PACKAGE', scanStatus: { statusCode, reason: statusCode === 'ACTIVE' ? 'SUCCESSFUL' : 'NO_INVENTORY' } };
}

async function enableEc2AndEcr(): Promise<void> {
  await new Inspector2Client(clientConfig(h.endpoint)).send(new EnableCommand({ resourceTypes: ['EC2', 'ECR'], accountIds: ['123456789012'] }));
}

it('writes DISABLED statuses and asks nothing more where Inspector is off', async () => {
  const snapshot = await scanWith(h, [inspector2]);
  const region = regionFacts(snapshot);
  expect(region.properties['Inspector']).toEqual({ Ec2: 'DISABLED', Ecr: 'DISABLED', Lambda: 'DISABLED', LambdaCode: 'DISABLED' });
  expect(region.properties).not.toHaveProperty('InspectorCoverage');
  expect(region.unknown).toEqual([]);
  expect(h.proxy.callsTo('inspector2', 'ListCoverage')).toHaveLength(0);
  expect(outcomeOn(snapshot, COVERAGE_RULE, REGION_UID)).toBe('not_applicable');
});

it('counts what Inspector tracks and scans once it is enabled, across every page', async () => {
  await enableEc2AndEcr();
  h.proxy.state.account().region('us-east-1').inspector2Coverage = [
    covered('AWS_EC2_INSTANCE', 'i-1', 'ACTIVE'),
    covered('AWS_EC2_INSTANCE', 'i-2', 'INACTIVE'),
    covered('AWS_ECR_CONTAINER_IMAGE', 'repo/sha256:1', 'ACTIVE'),
    covered('AWS_ECR_REPOSITORY', 'repo', 'ACTIVE'),
    covered('AWS_LAMBDA_FUNCTION', 'fn', 'ACTIVE'),
  ];
  h.proxy.paginate({ service: 'inspector2', operation: 'ListCoverage' }, { pageSize: 2, spec: { format: 'json', lists: ['coveredResources'], token: 'nextToken' } });
  const snapshot = await scanWith(h, [inspector2]);
  const region = regionFacts(snapshot);
  expect(region.properties['Inspector']).toEqual({ Ec2: 'ENABLED', Ecr: 'ENABLED', Lambda: 'DISABLED', LambdaCode: 'DISABLED' });
  expect(region.properties['InspectorCoverage']).toEqual({ Ec2: { Covered: 1, Total: 2 }, Ecr: { Covered: 1, Total: 1 }, Lambda: { Covered: 1, Total: 1 } });
  expect(h.proxy.callsTo('inspector2', 'ListCoverage').map((c) => c.answeredBy)).toEqual(['stand-in', 'page', 'page']);
  expect(outcomeOn(snapshot, COVERAGE_RULE, REGION_UID)).toBe('fail');
});

it('marks the status or the coverage unknown when its call is denied or throttled', async () => {
  h.proxy.fault({ service: 'inspector2', operation: 'BatchGetAccountStatus' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [inspector2]);
  expect(regionFacts(denied).unknown).toEqual([{ path: '/Inspector', reason: 'collection_failed:inspector2:BatchGetAccountStatus' }]);
  expectFailure(denied, 'inspector2:BatchGetAccountStatus', 'access_denied', { rules: [COVERAGE_RULE, 'inspector-scans-workloads'] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'inspector2', operation: 'BatchGetAccountStatus' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [inspector2], { maxAttempts: 1 }), 'inspector2:BatchGetAccountStatus', 'throttled', { rules: [COVERAGE_RULE] });

  await enableEc2AndEcr();
  h.proxy.clearFaults();
  h.proxy.fault({ service: 'inspector2', operation: 'ListCoverage' }, { kind: 'access_denied' });
  const noCoverage = await scanWith(h, [inspector2]);
  expect(regionFacts(noCoverage).unknown).toEqual([{ path: '/InspectorCoverage', reason: 'collection_failed:inspector2:ListCoverage' }]);
  expectFailure(noCoverage, 'inspector2:ListCoverage', 'access_denied', { rules: [COVERAGE_RULE] });
});

it('counts only the kinds the rules judge, covered meaning scan status ACTIVE', () => {
  expect(coverageCounts([covered('AWS_EC2_INSTANCE', 'i-1', 'INACTIVE'), covered('CODE_REPOSITORY', 'r', 'ACTIVE')])).toEqual({
    Ec2: { Covered: 0, Total: 1 },
    Ecr: { Covered: 0, Total: 0 },
    Lambda: { Covered: 0, Total: 0 },
  });
});
