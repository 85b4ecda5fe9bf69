/**
 * Every S3 bucket encrypts objects at rest by default (SSE-S3, SSE-KMS or DSSE-KMS).
 *
 * N/A     never: every bucket is judged.
 * PASS    the bucket's default encryption names AES256 (SSE-S3), aws:kms or aws:kms:dsse. Since 5 January 2023 S3
 *         applies SSE-S3 to every bucket that has no other setting, and GetBucketEncryption reports it, so a live
 *         bucket passes on what S3 returns; in a template, a bucket without `BucketEncryption` gets SSE-S3 too.
 * FAIL    the configuration names no recognised at-rest algorithm (kept for emulators and future values; AWS itself
 *         no longer allows an unencrypted bucket).
 * UNKNOWN GetBucketEncryption was denied, or the live collector reported no configuration at all.
 *
 * Objects uploaded unencrypted before 2023 keep their state; that is per object and outside a bucket rule.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const ALGORITHMS: Readonly<Record<string, string>> = { AES256: 'SSE-S3', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };

function algorithms(config: unknown): string[] | undefined {
  const rules = isRecord(config) ? config['ServerSideEncryptionConfiguration'] : undefined;
  if (!Array.isArray(rules) || rules.length === 0) return undefined;
  return rules.map((r) => (isRecord(r) && isRecord(r['ServerSideEncryptionByDefault']) ? String(r['ServerSideEncryptionByDefault']['SSEAlgorithm'] ?? '') : ''));
}

export default defineRule({
  meta: {
    id: 's3-bucket-encrypted',
    title: 'Every S3 bucket encrypts objects at rest by default',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; S3 buckets are data stores' },
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    sources: ['live'],
    rationale:
      'Encryption at rest protects data on decommissioned or mishandled storage media, and SSE-KMS adds a second, auditable permission (kms:Decrypt) in front of the data. S3 now encrypts every new object with SSE-S3 unless told otherwise.',
    remediation: {
      summary: 'Set default encryption on the bucket; prefer SSE-KMS with a customer managed key and S3 Bucket Keys for sensitive data.',
      console: [
        'Open the S3 console, select the bucket, and open Properties.',
        'Under Default encryption choose Edit, select SSE-KMS (or SSE-S3), enable Bucket Key, and Save changes.',
      ],
      cli: "aws s3api put-bucket-encryption --bucket my-bucket --server-side-encryption-configuration \\\n  '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"alias/data\"},\"BucketKeyEnabled\":true}]}'",
      cloudformation:
        'DataBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    BucketEncryption:\n      ServerSideEncryptionConfiguration:\n        - ServerSideEncryptionByDefault:\n            SSEAlgorithm: aws:kms\n            KMSMasterKeyID: !Ref DataKey\n          BucketKeyEnabled: true',
      terraform:
        'resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
      ],
    },
    messages: {
      encrypted: 'Bucket {{resource}} encrypts new objects with {{algorithm}}.',
      defaultEncryption: 'Bucket {{resource}} sets no encryption, so S3 applies SSE-S3 to every new object.',
      notEncrypted: 'Bucket {{resource}} has no recognised default encryption ({{algorithm}}).',
    },
    needs: ['s3:ListAllMyBuckets', 's3:GetEncryptionConfiguration'],
  },
  evaluate(bucket: Resource, ctx) {
    const config = ctx.get(bucket, '/BucketEncryption');
    if (config === undefined || config === null) {
      if (bucket.source !== 'live') return ctx.pass('defaultEncryption');
      return ctx.unknown('missing_data:BucketEncryption', { path: '/BucketEncryption' });
    }
    const found = algorithms(config);
    if (!found) return ctx.unknown('missing_data:BucketEncryption', { path: '/BucketEncryption' });
    const unknownAlgorithm = found.find((a) => ALGORITHMS[a] === undefined);
    if (unknownAlgorithm !== undefined) return ctx.fail('notEncrypted', { algorithm: unknownAlgorithm || 'none' }, { path: '/BucketEncryption' });
    return ctx.pass('encrypted', { algorithm: [...new Set(found.map((a) => ALGORITHMS[a]))].join(', ') });
  },
});
