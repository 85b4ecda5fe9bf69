/**
 * Every S3 bucket encrypts objects at rest by default (SSE-S3, SSE-KMS or DSSE-KMS).
 *
 * N/A     never: every bucket is judged.
 * PASS    the bucket's default encryption names AES256 (SSE-S3), aws:kms or aws:kms:dsse. Since 5 January 2023 S3
 *         applies SSE-S3 to every bucket that has no other setting, and GetBucketEncryption reports it, so a live
 *         bucket passes on what S3 returns; in a template (CloudFormation `BucketEncryption`, Terraform
 *         `aws_s3_bucket_server_side_encryption_configuration`), a bucket that sets nothing gets SSE-S3 too.
 * FAIL    the configuration names no recognised at-rest algorithm (kept for emulators and future values; AWS itself
 *         no longer allows an unencrypted bucket).
 * UNKNOWN GetBucketEncryption was denied, or the live collector reported no configuration at all; in a template, the
 *         algorithm (or the whole setting) comes from a parameter without a default, an `ImportValue`, an undecidable
 *         condition, or a Terraform setting whose bucket cannot be told. Only the algorithm decides: a KMS key the
 *         template cannot resolve does not make the bucket's encryption unknown.
 *
 * Objects uploaded unencrypted before 2023 keep their state; that is per object and outside a bucket rule.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 */
import { defineRule, readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const ALGORITHMS: Readonly<Record<string, string>> = { AES256: 'SSE-S3', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };

const RULES = '/BucketEncryption/ServerSideEncryptionConfiguration';

type Algorithms = { known: true; values: string[] } | { known: false; reason: string; path: string };

/** The default algorithm of each encryption rule, read one by one so an unresolved key id does not hide them. */
function algorithms(ctx: RuleContext, bucket: Resource): Algorithms {
  const listMark = ctx.unknownAt(bucket, RULES);
  if (listMark && listMark.path.split('/').length <= 3) return { known: false, reason: listMark.reason, path: listMark.path };
  const rules = readPointer(bucket.properties, RULES);
  if (!Array.isArray(rules) || rules.length === 0) return { known: false, reason: 'missing_data:BucketEncryption', path: '/BucketEncryption' };
  const values: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    const path = `${RULES}/${i}/ServerSideEncryptionByDefault/SSEAlgorithm`;
    const mark = ctx.unknownAt(bucket, path);
    if (mark) return { known: false, reason: mark.reason, path };
    const rule: unknown = rules[i];
    const byDefault = isRecord(rule) ? rule['ServerSideEncryptionByDefault'] : undefined;
    values.push(isRecord(byDefault) ? String(byDefault['SSEAlgorithm'] ?? '') : '');
  }
  return { known: true, values };
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
    sources: ['live', 'cloudformation', 'terraform'],
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
    const whole = ctx.unknownAt(bucket, '/BucketEncryption');
    if (whole?.path === '/BucketEncryption' || whole?.path === '') return ctx.unknown(whole.reason, { path: '/BucketEncryption' });
    const config = readPointer(bucket.properties, '/BucketEncryption');
    if ((config === undefined || config === null) && whole === undefined) {
      if (bucket.source !== 'live') return ctx.pass('defaultEncryption');
      return ctx.unknown('missing_data:BucketEncryption', { path: '/BucketEncryption' });
    }
    const read = algorithms(ctx, bucket);
    if (!read.known) return ctx.unknown(read.reason, { path: read.path });
    const found = read.values;
    const unknownAlgorithm = found.find((a) => ALGORITHMS[a] === undefined);
    if (unknownAlgorithm !== undefined) return ctx.fail('notEncrypted', { algorithm: unknownAlgorithm || 'none' }, { path: '/BucketEncryption' });
    return ctx.pass('encrypted', { algorithm: [...new Set(found.map((a) => ALGORITHMS[a]))].join(', ') });
  },
});
