import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../../core/index.js';
import { parseIacPaths } from '../../iac-paths.js';
import { parseTerraformHcl } from '../parse-terraform.js';

describe('Terraform .tf files', () => {
  it('reads literals, resolves references and variables, and merges split S3 configuration', async () => {
    const snapshot = Snapshot.parse(await parseIacPaths(['test/fixtures/iac/terraform-hcl']));
    const byAddress = (address: string) => snapshot.resources.find((r) => r.location.address === address)!;
    const data = byAddress('aws_s3_bucket.data');
    expect(data).toMatchObject({ uid: 'tf:test/fixtures/iac/terraform-hcl/main.tf#aws_s3_bucket.data', type: 'AWS::S3::Bucket', name: 'acme-data', physicalId: 'acme-data' });
    expect(data.location).toMatchObject({ file: 'test/fixtures/iac/terraform-hcl/main.tf', line: 32, column: 1, address: 'aws_s3_bucket.data' });
    // Lines of merged settings come from the split resources that set them, in the same file.
    expect(data.location.lines).toMatchObject({ '/BucketName': 33, '/BucketEncryption': 38, '/PublicAccessBlockConfiguration/IgnorePublicAcls': 51, '/VersioningConfiguration/Status': 58, '/LoggingConfiguration': 62 });
    expect(data.properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { $ref: 'tf:test/fixtures/iac/terraform-hcl/main.tf#aws_kms_key.data', attribute: 'arn' } }, BucketKeyEnabled: true }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: 'acme-logs-central', LogFilePrefix: 'data/' },
    });
    const logs = byAddress('aws_s3_bucket.logs');
    expect(logs).toMatchObject({ name: 'acme-prod-logs', tags: { team: 'platform' } });
    expect(logs.assumptions).toEqual([{ path: '', note: 'depends on variable env (default "prod" used)' }]);
    expect(logs.suppressions).toEqual([{ rule: 's3-bucket-access-logging', reason: 'this bucket receives the access logs itself', owner: 'platform', expires: '2030-01-01', file: 'test/fixtures/iac/terraform-hcl/main.tf', line: 26 }]);
  });

  it('marks non-literal values unknown with their reason, and never copies a sensitive variable', async () => {
    const snapshot = await parseIacPaths(['test/fixtures/iac/terraform-hcl']);
    const db = snapshot.resources.find((r) => r.location.address === 'aws_db_instance.main')!;
    expect(db.unknown).toEqual([
      { path: '/MultiAZ', reason: 'expression' },
      { path: '/MasterUserPassword', reason: 'sensitive_variable:db_password' },
    ]);
    const rule = snapshot.resources.find((r) => r.location.address === 'aws_security_group_rule.ssh')!;
    expect(rule.unknown).toEqual([{ path: '/CidrIp', reason: 'variable:admin_cidr' }]);
    expect(JSON.stringify(snapshot)).not.toContain('hunter2hunter2');
  });

  it('skips count = 0, records a module it does not follow, and one record per file', async () => {
    const snapshot = await parseIacPaths(['test/fixtures/iac/terraform-hcl']);
    expect(snapshot.resources.some((r) => r.location.address === 'aws_instance.legacy')).toBe(false);
    expect(snapshot.collection).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'test/fixtures/iac/terraform-hcl/main.tf', outcome: 'ok' }),
        expect.objectContaining({ file: 'test/fixtures/iac/terraform-hcl/terraform.tfvars', outcome: 'ok' }),
        expect.objectContaining({ file: 'test/fixtures/iac/terraform-hcl/main.tf#module.vpc', outcome: 'unsupported', line: 167 }),
      ]),
    );
  });

  it('keeps one instance for for_each and an unknown count, with a note', () => {
    const snapshot = parseTerraformHcl('resource "aws_sqs_queue" "q" {\n  for_each = var.names\n  name = "q"\n}\nresource "aws_sns_topic" "t" {\n  count = var.enabled ? 1 : 0\n}\n', { file: 'm.tf' });
    expect(snapshot.resources.map((r) => r.assumptions[0]?.note)).toEqual([
      expect.stringMatching(/^for_each: one instance is modelled/),
      expect.stringMatching(/^count is not a literal/),
    ]);
  });

  it('reports a waiver comment with a short reason, and a syntax error, with their lines', () => {
    const waiver = parseTerraformHcl('# ftr-ready:waive s3-bucket-versioning reason="later"\nresource "aws_s3_bucket" "b" {}\n', { file: 'w.tf' });
    expect(waiver.collection[0]).toMatchObject({ outcome: 'error', line: 1, message: expect.stringMatching(/at least 10 characters/) });
    expect(waiver.resources[0]!.suppressions).toEqual([]);
    const broken = parseTerraformHcl('resource "aws_s3_bucket" "b" {\n  bucket = \n}\n', { file: 'b.tf' });
    expect(broken.collection[0]).toMatchObject({ outcome: 'error', line: 2, file: 'b.tf' });
    expect(broken.resources).toEqual([]);
  });

  it('builds IAM policies written as aws_iam_policy_document data sources', () => {
    const [role] = parseTerraformHcl(`data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`, { file: 'm.tf' }).resources;
    expect(role!.properties['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { AWS: ['*'] }, Condition: { StringEquals: { 'sts:ExternalId': [null] } } }],
    });
    expect(role!.unknown).toEqual([{ path: '/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals/sts:ExternalId/0', reason: 'variable:external_id' }]);
  });

  it('keeps an unmapped resource type, without its values', () => {
    const snapshot = parseTerraformHcl('resource "random_password" "db" {\n  length = 32\n}\n', { file: 'r.tf' });
    expect(snapshot.resources[0]).toMatchObject({ type: 'Terraform::Resource', name: 'random_password.db', properties: { TerraformType: 'random_password' } });
  });
});
