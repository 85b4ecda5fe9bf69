import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../../core/index.js';
import { parseTerraformPlan } from '../parse-terraform.js';

describe('Terraform plan JSON', () => {
  const snapshot = Snapshot.parse(parseTerraformPlan(readFileSync('test/fixtures/iac/terraform-plan/plan.json', 'utf8'), { file: 'plan.json' }));
  const byAddress = (address: string) => snapshot.resources.find((r) => r.location.address === address)!;

  it('reads the resources that exist after apply, with their address and line', () => {
    expect(snapshot.resources.map((r) => r.location.address)).toEqual([
      'aws_s3_bucket.data',
      'aws_security_group.web[0]',
      'aws_db_instance.main',
      'aws_lambda_function.api',
      'random_password.db',
      'module.net.aws_vpc.this',
    ]);
    expect(byAddress('aws_s3_bucket.data')).toMatchObject({ uid: 'tf:plan.json#aws_s3_bucket.data', location: { file: 'plan.json', line: 20 } });
    expect(snapshot.collection).toEqual([expect.objectContaining({ source: 'terraform', file: 'plan.json', outcome: 'ok', lists: ['*'] })]);
  });

  it('respects after_unknown: computed values are unknown, with the attribute as reason', () => {
    expect(byAddress('aws_security_group.web[0]').unknown).toEqual([{ path: '/VpcId', reason: 'computed:vpc_id' }]);
    expect(byAddress('aws_lambda_function.api').unknown).toEqual([{ path: '/Role', reason: 'computed:role' }]);
    expect(byAddress('aws_s3_bucket.data').unknown).toEqual([
      { path: '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/KMSMasterKeyID', reason: 'computed:rule' },
    ]);
  });

  it('links split bucket settings through the configuration references', () => {
    expect(byAddress('aws_s3_bucket.data').properties).toMatchObject({
      BucketName: 'acme-data',
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] },
    });
  });

  it('redacts sensitive values and flags credential-like environment values', () => {
    expect(byAddress('aws_db_instance.main').properties).toMatchObject({ StorageEncrypted: false, PubliclyAccessible: true, MasterUserPassword: '<redacted>' });
    expect(byAddress('aws_lambda_function.api').properties['EnvironmentFlags']).toEqual({ LooksLikeCredential: ['API_KEY'] });
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain('sk_live_');
  });

  it('reports a file that is not a plan, and invalid JSON with its line', () => {
    expect(parseTerraformPlan('{"hello": 1}', { file: 'x.json' }).collection[0]).toMatchObject({ outcome: 'error', message: expect.stringMatching(/not a Terraform plan/) });
    expect(parseTerraformPlan('{\n "format_version": "1.2",\n "planned_values": {,}\n}', { file: 'y.json' }).collection[0]).toMatchObject({ outcome: 'error', line: 3 });
  });
});
