/**
 * Every SNS topic encrypts messages with a KMS key (server-side encryption).
 *
 * N/A     never: every topic is judged.
 * PASS    `KmsMasterKeyId` names a key (the AWS managed alias/aws/sns or a customer managed key); in a template also
 *         a reference to a key of the template or a parameter without a default (the key is set, its id is not known).
 * FAIL    no key: messages are still stored with SNS's disk encryption, but not encrypted with a KMS key. A template
 *         that omits `KmsMasterKeyId` (Terraform `kms_master_key_id`) gets no key: SSE is off by default.
 * UNKNOWN GetTopicAttributes was denied; in a template, the key is set under an undecidable condition.
 *
 * Informs SDAT-002 rather than gating it: AWS documents that SNS "stores messages and files using disk encryption"
 * by default, so a topic without a KMS key is not unencrypted at rest. SSE-KMS adds message-level encryption and
 * key-based access control, which reviewers like to see for topics that carry personal data.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-data-encryption.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { presence } from '../_lib/code-values.js';

export default defineRule({
  meta: {
    id: 'sns-topic-kms-encrypted',
    title: 'Every SNS topic encrypts messages with a KMS key',
    severity: 'low',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-002',
        gates: false,
        basis: 'informs encryption at rest: SNS encrypts stored messages on disk by default; SSE-KMS adds message-level encryption under a key you control',
      },
    ],
    resourceTypes: ['AWS::SNS::Topic'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Topics that carry personal data benefit from SSE-KMS: messages are encrypted under a KMS key as soon as SNS receives them, and publishing or delivering them then also requires permission on the key.',
    remediation: {
      summary: 'Set a KMS key on topics that carry sensitive data; grant publishers (and AWS services that publish) kms:GenerateDataKey and kms:Decrypt on it.',
      console: ['Open the SNS console, Topics, select the topic, Edit.', 'Expand Encryption, turn on Enable encryption, choose the KMS key, Save changes.'],
      cli: 'aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:111122223333:orders --attribute-name KmsMasterKeyId --attribute-value alias/sns-data',
      cloudformation: 'OrdersTopic:\n  Type: AWS::SNS::Topic\n  Properties:\n    KmsMasterKeyId: !Ref SnsKey',
      terraform: 'resource "aws_sns_topic" "orders" {\n  name              = "orders"\n  kms_master_key_id = aws_kms_key.sns.arn\n}',
      links: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html', 'https://docs.aws.amazon.com/sns/latest/dg/sns-data-encryption.html'],
    },
    messages: {
      kmsEncrypted: 'SNS topic {{resource}} encrypts messages with KMS key {{key}}.',
      diskEncryptionOnly: 'SNS topic {{resource}} relies on SNS disk encryption only; no KMS key is set.',
    },
    needs: ['sns:ListTopics', 'sns:GetTopicAttributes'],
  },
  evaluate(topic: Resource, ctx) {
    const key = presence(ctx, topic, '/KmsMasterKeyId');
    if (key.state === 'set') return ctx.pass('kmsEncrypted', { key: key.label });
    if (key.state === 'unknown') return ctx.unknown(key.reason, { path: key.path });
    return ctx.fail('diskEncryptionOnly', {}, { path: '/KmsMasterKeyId' });
  },
});
