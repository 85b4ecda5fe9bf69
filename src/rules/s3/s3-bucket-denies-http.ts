/**
 * Every S3 bucket policy denies requests that do not use TLS (`aws:SecureTransport` false).
 *
 * N/A     never: every bucket is judged.
 * PASS    a bucket policy statement denies everyone (`Principal: *`) the object read and write actions on the
 *         bucket's objects when `Bool`/`BoolIfExists` `aws:SecureTransport` is `false`.
 * FAIL    no policy, or no such statement: S3 endpoints still answer plain HTTP. A template (CloudFormation
 *         `AWS::S3::BucketPolicy`, Terraform `aws_s3_bucket_policy` or the bucket's inline `policy`) that attaches no
 *         policy to the bucket is read the same way as a live bucket without one.
 * UNKNOWN the bucket policy could not be read (GetBucketPolicy denied marks the bucket `@AWS::S3::BucketPolicy`; a
 *         template policy built from a parameter, an `ImportValue` or a value Terraform computes at apply), or the
 *         statement's object ARN could not be resolved to this bucket or another.
 *
 * In templates the object ARN is written through references (`${Data.Arn}/*`, `${aws_s3_bucket.data.arn}/*`);
 * _lib/bucket-references.ts reads them as the bucket they name.
 *
 * Informs SDAT-003 rather than gating it: the checklist asks that sensitive data travel over encrypted protocols,
 * and the AWS SDKs, CLI and console reach S3 over HTTPS by default, so a missing Deny does not show plaintext
 * traffic; the policy is how the bucket enforces TLS against a misconfigured client (CIS 2.1.1, Security Hub S3.5).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
import { defineRule, type Resource } from '../../core/index.js';
import { coversBucketObjects, type Coverage } from '../_lib/bucket-references.js';
import { parsePolicy, statementCoversAction, type PolicyStatement } from '../_lib/policy-document.js';

function deniesInsecureTransport(statement: PolicyStatement, bucket: Resource): Coverage {
  if (statement.effect !== 'Deny' || statement.principal?.anyone !== true || statement.notResources.length > 0) return 'no';
  if (!['s3:GetObject', 's3:PutObject'].every((a) => statementCoversAction(statement, a))) return 'no';
  const insecure = ['Bool', 'BoolIfExists'].some((op) => (statement.conditions[op]?.['aws:securetransport'] ?? []).some((v) => v.toLowerCase() === 'false'));
  if (!insecure) return 'no';
  const coverage = statement.resources.map((r) => coversBucketObjects(r, bucket));
  return coverage.includes('yes') ? 'yes' : coverage.includes('maybe') ? 'maybe' : 'no';
}

export default defineRule({
  meta: {
    id: 's3-bucket-denies-http',
    title: 'Every S3 bucket policy denies requests made without TLS',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: false,
        basis: 'informs "encrypted protocols for data leaving the VPC": the bucket-side enforcement of TLS (AWS clients already default to HTTPS)',
      },
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'S3 accepts plain HTTP requests. A Deny on aws:SecureTransport=false makes the bucket refuse them, so a misconfigured client, script or third-party integration cannot move data in clear text.',
    remediation: {
      summary: 'Add a Deny statement for requests where aws:SecureTransport is false to every bucket policy.',
      console: [
        'Open the S3 console, select the bucket, Permissions, Bucket policy, Edit.',
        'Add the statement below (adjust the bucket name), then Save changes.',
      ],
      cli: "aws s3api put-bucket-policy --bucket my-bucket --policy '{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Sid\": \"DenyInsecureTransport\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\",\n    \"Resource\": [\"arn:aws:s3:::my-bucket\", \"arn:aws:s3:::my-bucket/*\"],\n    \"Condition\": { \"Bool\": { \"aws:SecureTransport\": \"false\" } }\n  }]\n}'\n# put-bucket-policy replaces the whole policy: merge this statement into any existing one first.",
      cloudformation:
        'DataBucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref DataBucket\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Sid: DenyInsecureTransport\n          Effect: Deny\n          Principal: "*"\n          Action: "s3:*"\n          Resource:\n            - !GetAtt DataBucket.Arn\n            - !Sub "${DataBucket.Arn}/*"\n          Condition:\n            Bool:\n              aws:SecureTransport: "false"',
      terraform:
        'data "aws_iam_policy_document" "tls_only" {\n  statement {\n    sid     = "DenyInsecureTransport"\n    effect  = "Deny"\n    actions = ["s3:*"]\n    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = data.aws_iam_policy_document.tls_only.json\n}',
      links: [
        'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5',
        'https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule',
      ],
    },
    messages: {
      deniesHttp: 'The policy of bucket {{resource}} denies requests made without TLS.',
      noPolicy: 'Bucket {{resource}} has no bucket policy, so it accepts plain HTTP requests.',
      allowsHttp: 'The policy of bucket {{resource}} does not deny requests made without TLS.',
    },
    needs: ['s3:ListAllMyBuckets', 's3:GetBucketPolicy'],
  },
  evaluate(bucket: Resource, ctx) {
    const related = ctx.related(bucket, 'AWS::S3::BucketPolicy', 'Bucket');
    let unresolvedObjects = false;
    for (const policy of related.resources) {
      if (ctx.unknownAt(policy, '/PolicyDocument')) continue;
      const parsed = parsePolicy(ctx.get(policy, '/PolicyDocument'));
      const verdicts = parsed.ok ? parsed.statements.map((s) => deniesInsecureTransport(s, bucket)) : [];
      if (verdicts.includes('yes')) return ctx.pass('deniesHttp');
      unresolvedObjects ||= verdicts.includes('maybe');
    }
    const unreadable = related.resources.map((p) => ctx.unknownAt(p, '/PolicyDocument')).find((m) => m !== undefined);
    if (!related.complete || unreadable) {
      return ctx.unknown(related.reason ?? unreadable?.reason ?? 'not_collected:AWS::S3::BucketPolicy', { path: '@AWS::S3::BucketPolicy' });
    }
    if (unresolvedObjects) return ctx.unknown('unresolved:PolicyDocument:Resource', { path: '@AWS::S3::BucketPolicy' });
    return related.resources.length === 0 ? ctx.fail('noPolicy') : ctx.fail('allowsHttp');
  },
});
