import { describe, expect, it } from 'vitest';
import { lineOf, type Resource } from '../core/index.js';
import { parseCloudFormation } from './cloudformation/parse-cloudformation.js';
import { SnapshotCollector } from './shared/collector.js';
import { parseYamlWithLibrary } from './shared/yaml-positioned.js';
import { propertyLinesOf } from './shared/property-lines.js';
import { readHclModule } from './terraform/hcl/module.js';
import { parseTerraformHcl, parseTerraformPlan } from './terraform/parse-terraform.js';

const YAML = `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-data
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID:
                Fn::GetAtt: [Key, Arn]
            BucketKeyEnabled: true
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true }
      VersioningConfiguration: !If
        - IsProd
        - Status: Enabled
        - !Ref AWS::NoValue
  Key:
    Type: AWS::KMS::Key
Conditions:
  IsProd: !Equals [a, a]
`;

function resource(resources: Resource[], key: string): Resource {
  return resources.find((r) => r.location.logicalId === key || r.location.address === key)!;
}

describe('property lines', () => {
  it('records the line of every property path written in YAML, at every depth', () => {
    const bucket = resource(parseCloudFormation(YAML, { file: 't.yaml' }).resources, 'Data');
    expect(bucket.location.lines).toEqual({
      '/BucketName': 5,
      '/BucketEncryption': 6,
      '/BucketEncryption/ServerSideEncryptionConfiguration': 7,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0': 8,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm': 9,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/KMSMasterKeyID': 10,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0/BucketKeyEnabled': 12,
      // A flow map shares its line; an intrinsic function's inside has no property paths.
      '/PublicAccessBlockConfiguration': 13,
      '/VersioningConfiguration': 14,
    });
  });

  it('points a finding at the deepest recorded line on its path', () => {
    const bucket = resource(parseCloudFormation(YAML, { file: 't.yaml' }).resources, 'Data');
    expect(lineOf(bucket, '/BucketEncryption')).toBe(6);
    expect(lineOf(bucket, '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm')).toBe(9);
    expect(lineOf(bucket, '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault')).toBe(8);
    expect(lineOf(bucket, '/PublicAccessBlockConfiguration/IgnorePublicAcls')).toBe(13);
    expect(lineOf(bucket, '/LoggingConfiguration')).toBe(2);
    expect(lineOf(bucket, undefined)).toBe(2);
  });

  it('records the same lines from JSON', () => {
    const json = JSON.stringify({ Resources: { Data: { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: { Ref: 'K' } } }] } } } } }, null, 2);
    const bucket = resource(parseCloudFormation(json, { file: 't.json' }).resources, 'Data');
    expect(bucket.location.lines).toEqual({
      '/BucketEncryption': 6,
      '/BucketEncryption/ServerSideEncryptionConfiguration': 7,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0': 8,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault': 9,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm': 10,
      '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/KMSMasterKeyID': 11,
    });
  });

  it('records them on the general YAML path too (YAML the fast reader leaves to the library)', () => {
    const doc = parseYamlWithLibrary(YAML, 3, true);
    const properties = (doc.value as { Resources: { Data: { Properties: object } } }).Resources.Data.Properties;
    expect(propertyLinesOf(properties)).toEqual(resource(parseCloudFormation(YAML, { file: 't.yaml' }).resources, 'Data').location.lines);
    // A multi-line plain scalar sends the whole template to the library.
    const folded = parseCloudFormation(YAML.replace('BucketName: acme-data', 'BucketName: acme\n        data'), { file: 'f.yaml' });
    expect(resource(folded.resources, 'Data').location.lines?.['/BucketEncryption']).toBe(7);
  });

  it('escapes property names in pointers and leaves resources without properties alone', () => {
    const text = `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags:\n        - Key: a/b\n          Value: c\n  Plain:\n    Type: AWS::SNS::Topic\n`;
    const snapshot = parseCloudFormation(text, { file: 't.yaml' });
    expect(resource(snapshot.resources, 'Topic').location.lines).toEqual({ '/Tags': 5, '/Tags/0': 6, '/Tags/0/Value': 7 });
    expect(resource(snapshot.resources, 'Plain').location.lines).toBeUndefined();
  });

  it('maps Terraform attribute and block lines onto the CloudFormation property paths, split settings included', () => {
    const hcl = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_db_instance" "db" {
  identifier              = "db1"
  instance_class          = "db.t3.micro"
  multi_az                = false
  backup_retention_period = 0
}

resource "aws_dynamodb_table" "t" {
  name = "t"
  point_in_time_recovery {
    enabled = false
  }
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
`;
    const { resources } = parseTerraformHcl(hcl, { file: 'main.tf' });
    const bucket = resource(resources, 'aws_s3_bucket.data');
    expect(lineOf(bucket, '/BucketName')).toBe(2);
    expect(lineOf(bucket, '/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm')).toBe(9);
    expect(lineOf(bucket, '/BucketEncryption')).toBe(7);
    const db = resource(resources, 'aws_db_instance.db');
    expect(db.location.lines).toMatchObject({ '/DBInstanceIdentifier': 15, '/DBInstanceClass': 16, '/MultiAZ': 17, '/BackupRetentionPeriod': 18 });
    expect(lineOf(db, '/PubliclyAccessible')).toBe(14);
    const table = resource(resources, 'aws_dynamodb_table.t');
    expect(table.location.lines).toMatchObject({ '/PointInTimeRecoverySpecification': 23, '/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled': 24 });
    const role = resource(resources, 'aws_iam_role.app');
    expect(role.location.lines).toMatchObject({ '/RoleName': 29, '/AssumeRolePolicyDocument': 30, '/ManagedPolicyArns/0': 33 });
  });

  it('takes no lines from a split setting written in another file, and none from plans', () => {
    const out = new SnapshotCollector();
    readHclModule(
      [
        { file: 'main.tf', text: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n' },
        { file: 'versioning.tf', text: 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' },
      ],
      [],
      out,
    );
    const bucket = resource(out.resources, 'aws_s3_bucket.data');
    expect(bucket.properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    expect(bucket.location.lines).toEqual({ '/BucketName': 2 });
    const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', values: { multi_az: false } }] } } });
    expect(parseTerraformPlan(plan, { file: 'plan.json' }).resources[0]!.location.lines).toBeUndefined();
  });
});
