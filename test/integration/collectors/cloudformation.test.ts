// The CloudFormation collector: stacks per Region with their resource counts, and the account-wide `Iac` fact the
// scan adds up from every Region (framework/fact-parts.ts); every page; each operation denied; throttling; and the
// IaC rule judging IAM roles (from the IAM collector) against the stacks' physical ids.
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import cloudformation from '../../../src/collectors/cloudformation.js';
import iam from '../../../src/collectors/iam.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, expectFailedRecord, expectUnknown, marks, ofType, record, statuses } from './governance-helpers.js';
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

const RULE = 'iac-managed-resources';
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

function rolesTemplate(names: string[]): string {
  return JSON.stringify({ Resources: Object.fromEntries(names.map((n) => [`Role${n}`, { Type: 'AWS::IAM::Role', Properties: { RoleName: n, AssumeRolePolicyDocument: TRUST } }])) });
}

async function createStack(regionName: string, StackName: string, TemplateBody: string): Promise<string> {
  const client = new CloudFormationClient(clientConfig(h.endpoint, { region: regionName }));
  const out = await client.send(new CreateStackCommand({ StackName, TemplateBody }));
  client.destroy();
  return out.StackId ?? '';
}

/** Four roles from a stack in us-east-1, a bucket from a stack in eu-west-1, and one role made by hand. */
async function seedStacks(): Promise<{ net: string; data: string }> {
  const net = await createStack('us-east-1', 'net', rolesTemplate(['r1', 'r2', 'r3', 'r4']));
  const data = await createStack('eu-west-1', 'data', JSON.stringify({ Resources: { Logs: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'iac-logs-bucket' } } } }));
  await new IAMClient(clientConfig(h.endpoint)).send(new CreateRoleCommand({ RoleName: 'manual', AssumeRolePolicyDocument: JSON.stringify(TRUST) }));
  return { net, data };
}

const REGIONS = { regions: ['us-east-1', 'eu-west-1'] };

describe('cloudformation collector', () => {
  it('collects stacks per Region and adds up what they manage across Regions', async () => {
    const stacks = await seedStacks();
    const snapshot = await scanWith(h, [cloudformation, iam], REGIONS);
    const net = ofType(snapshot, 'AWS::CloudFormation::Stack').find((s) => s.uid === stacks.net);
    expect(net).toMatchObject({ region: 'us-east-1', name: 'net', physicalId: stacks.net, unknown: [], properties: { StackName: 'net', StackStatus: 'CREATE_COMPLETE', ResourceCount: 4 } });
    expect(ofType(snapshot, 'AWS::CloudFormation::Stack').find((s) => s.uid === stacks.data)).toMatchObject({ region: 'eu-west-1', properties: { ResourceCount: 1 } });
    expect(account(snapshot).properties['Iac']).toEqual({ Stacks: 2, ManagedResources: 5, StackResourceIds: ['iac-logs-bucket', 'r1', 'r2', 'r3', 'r4'] });
    expect(account(snapshot).unknown).toEqual([]);
    for (const r of ['us-east-1', 'eu-west-1']) expect(record(snapshot, 'cloudformation:ListStacks', r)).toMatchObject({ outcome: 'ok', lists: ['AWS::CloudFormation::Stack'] });
    // Four of the five roles are a stack's: 80%.
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'pass' });
  });

  it('a deleted stack no longer counts; no stack at all leaves hand-made resources unmanaged', async () => {
    await seedStacks();
    const client = new CloudFormationClient(clientConfig(h.endpoint));
    await client.send(new DeleteStackCommand({ StackName: 'net' }));
    const snapshot = await scanWith(h, [cloudformation, iam], { regions: ['us-east-1'] });
    expect(ofType(snapshot, 'AWS::CloudFormation::Stack')).toEqual([]);
    expect(account(snapshot).properties['Iac']).toEqual({ Stacks: 0, ManagedResources: 0, StackResourceIds: [] });
    expect(statuses(snapshot, [RULE])).toEqual({ [RULE]: 'fail' });
  });

  it('follows every page of stacks and stack resources', async () => {
    await seedStacks();
    await createStack('us-east-1', 'more', rolesTemplate(['r5']));
    h.proxy.paginate({ service: 'cloudformation', operation: 'ListStacks' }, { pageSize: 1 });
    h.proxy.paginate({ service: 'cloudformation', operation: 'ListStackResources' }, { pageSize: 1, spec: { format: 'xml', lists: ['StackResourceSummaries'], token: 'NextToken' } });
    const snapshot = await scanWith(h, [cloudformation], REGIONS);
    expect(ofType(snapshot, 'AWS::CloudFormation::Stack').map((s) => s.name).sort()).toEqual(['data', 'more', 'net']);
    expect(account(snapshot).properties['Iac']).toMatchObject({ Stacks: 3, ManagedResources: 6 });
    for (const operation of ['ListStacks', 'ListStackResources']) expect(h.proxy.callsTo('cloudformation', operation).some((c) => c.answeredBy === 'page'), operation).toBe(true);
  });

  it('denied ListStacks in one Region: the account’s Iac fact is unknown, not partial', async () => {
    await seedStacks();
    h.proxy.fault({ service: 'cloudformation', operation: 'ListStacks', region: 'eu-west-1' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [cloudformation, iam], REGIONS);
    expectFailedRecord(snapshot, 'cloudformation:ListStacks', 'access_denied', { region: 'eu-west-1' });
    expect(record(snapshot, 'cloudformation:ListStacks', 'us-east-1').outcome).toBe('ok');
    expect(account(snapshot).properties['Iac']).toBeUndefined();
    expect(marks(account(snapshot))).toEqual({ '/Iac': 'collection_failed:cloudformation:ListStacks' });
    // Without the stacks' ids the share is too low; it must not fail on a partial list.
    expectUnknown(snapshot, [RULE], 'ListStacks denied');
  });

  it('denied ListStackResources: the stack and the Iac fact are unknown, the stack still listed', async () => {
    const stacks = await seedStacks();
    h.proxy.fault({ service: 'cloudformation', operation: 'ListStackResources' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [cloudformation, iam], { regions: ['us-east-1'] });
    expectFailedRecord(snapshot, 'cloudformation:ListStackResources', 'access_denied', { affected: [stacks.net] });
    expect(marks(ofType(snapshot, 'AWS::CloudFormation::Stack')[0]!)).toEqual({ '/ResourceCount': 'collection_failed:cloudformation:ListStackResources' });
    expect(marks(account(snapshot))).toEqual({ '/Iac': 'collection_failed:cloudformation:ListStackResources' });
    expect(record(snapshot, 'cloudformation:ListStacks').lists).toEqual(['AWS::CloudFormation::Stack']);
    expectUnknown(snapshot, [RULE], 'ListStackResources denied');
  });

  it('persistent throttling: recorded, the Iac fact and rule unknown', async () => {
    await seedStacks();
    h.proxy.fault({ service: 'cloudformation', operation: 'ListStacks' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [cloudformation, iam], { regions: ['us-east-1'], maxAttempts: 1 });
    expectFailedRecord(snapshot, 'cloudformation:ListStacks', 'throttled');
    expect(marks(account(snapshot))).toEqual({ '/Iac': 'collection_failed:cloudformation:ListStacks' });
    expectUnknown(snapshot, [RULE], 'throttled');
  });
});
