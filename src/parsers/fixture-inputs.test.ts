import { describe, expect, it } from 'vitest';
import { defineRule } from '../core/index.js';
import { FixtureCase } from '../testing/fixture-schema.js';
import '../testing/register-parsers.js';
import { runCase } from '../testing/rule-tester.js';

/** A throwaway rule, to show that fixture cases with code inputs go through these parsers. */
const rule = defineRule({
  meta: {
    id: 'test-bucket-versioned',
    title: 'Buckets keep object versions',
    severity: 'low',
    requirements: [],
    bestPractice: 'governance',
    resourceTypes: ['AWS::S3::Bucket'],
    sources: ['cloudformation', 'terraform'],
    rationale: 'A throwaway rule used only by this test, to exercise the fixture inputs.',
    remediation: { summary: 'Turn on versioning.' },
    messages: { versioned: 'Bucket {{resource}} is versioned.', notVersioned: 'Bucket {{resource}} is not versioned.' },
    needs: [],
  },
  evaluate(bucket, ctx) {
    const status = ctx.get(bucket, '/VersioningConfiguration/Status');
    return status === 'Enabled' ? ctx.pass('versioned') : ctx.fail('notVersioned', {}, { path: '/VersioningConfiguration' });
  },
});

const cases = [
  {
    name: 'pass: versioned in CloudFormation',
    expect: 'pass',
    cloudformation: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: { Status: Enabled }\n',
  },
  {
    name: 'fail: suspended, from a parameter value',
    expect: 'fail',
    messageId: 'notVersioned',
    parameters: { Mode: 'Suspended' },
    cloudformation: 'Parameters:\n  Mode: { Type: String }\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: { Status: !Ref Mode }\n',
  },
  {
    name: 'unknown: the status depends on a parameter without value',
    expect: 'unknown',
    reason: 'parameter:Mode',
    cloudformation: 'Parameters:\n  Mode: { Type: String }\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: { Status: !Ref Mode }\n',
  },
  {
    name: 'waived: a waiver in Metadata with a reason (a waived failure does not gate)',
    expect: 'pass',
    cloudformation: "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Metadata:\n      ftr-ready:\n        waivers: [{ rule: test-bucket-versioned, reason: 'scratch data, rebuilt nightly' }]\n",
  },
  {
    name: 'pass: versioned in Terraform',
    expect: 'pass',
    terraform: 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration { status = "Enabled" }\n}\n',
  },
  {
    name: 'unknown: the plan does not know the bucket’s versioning target',
    expect: 'unknown',
    terraformPlan: JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: {}, after_unknown: { versioning: [{ enabled: true }] } } }] }),
  },
];

describe('rule fixtures with code inputs', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, input) => {
    const fixture = FixtureCase.parse(input);
    const result = runCase(rule, fixture, 'test-bucket-versioned.fixture');
    expect(result.problems).toEqual([]);
    if (fixture.name.startsWith('waived')) expect(result.findings[0]).toMatchObject({ status: 'waived', resource: { file: 'test-bucket-versioned.fixture.yaml', line: 2, logicalId: 'Data' } });
  });
});
