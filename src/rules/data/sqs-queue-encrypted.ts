/**
 * Every SQS queue encrypts messages at rest (SSE-SQS or SSE-KMS).
 *
 * N/A     never: every queue is judged.
 * PASS    `KmsMasterKeyId` names a KMS key (SSE-KMS; in a template also a reference or a parameter without a
 *         default), or `SqsManagedSseEnabled` is true (SSE-SQS). New queues get SSE-SQS by default since October
 *         2022, so a template that sets neither passes.
 * FAIL    neither: the queue was created before the default, or encryption was turned off
 *         (`SqsManagedSseEnabled: false` without a key).
 * UNKNOWN GetQueueAttributes was denied, or the live collector wrote neither attribute; in a template, the setting
 *         depends on an undecidable condition, or a Terraform plan leaves `sqs_managed_sse_enabled` to the provider
 *         (computed at apply).
 *
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { presence } from '../_lib/code-values.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'sqs-queue-encrypted',
    title: 'Every SQS queue encrypts messages at rest',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; queued messages are stored for up to 14 days' },
    ],
    resourceTypes: ['AWS::SQS::Queue'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale: 'Queues hold messages — often whole customer records — for up to 14 days, and dead-letter queues keep the failures. Server-side encryption protects them at rest at no extra cost (SSE-SQS).',
    remediation: {
      summary: 'Turn on SSE-SQS, or SSE-KMS with a customer managed key for sensitive payloads.',
      console: ['Open the SQS console, select the queue, Edit.', 'Under Encryption choose Enabled with Amazon SQS key (SSE-SQS) or AWS KMS key (SSE-KMS), then Save.'],
      cli: 'aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/111122223333/orders --attributes SqsManagedSseEnabled=true',
      cloudformation: 'OrdersQueue:\n  Type: AWS::SQS::Queue\n  Properties:\n    SqsManagedSseEnabled: true   # or KmsMasterKeyId: !Ref QueueKey',
      terraform: 'resource "aws_sqs_queue" "orders" {\n  name                    = "orders"\n  sqs_managed_sse_enabled = true # or kms_master_key_id = aws_kms_key.sqs.arn\n}',
      links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html'],
    },
    messages: {
      kmsEncrypted: 'SQS queue {{resource}} encrypts messages with KMS key {{key}}.',
      sqsEncrypted: 'SQS queue {{resource}} encrypts messages with SQS-owned keys (SSE-SQS).',
      notEncrypted: 'SQS queue {{resource}} does not encrypt messages at rest.',
    },
    needs: ['sqs:ListQueues', 'sqs:GetQueueAttributes'],
  },
  evaluate(queue: Resource, ctx) {
    const key = presence(ctx, queue, '/KmsMasterKeyId');
    if (key.state === 'set') return ctx.pass('kmsEncrypted', { key: key.label });
    // Without the key (absent, or behind a condition), SSE-SQS decides: a queue is encrypted either way unless it is off.
    const managed = readSetting(ctx, queue, '/SqsManagedSseEnabled', asBool, true);
    if (!managed.known) return unknownSetting(ctx, managed);
    if (managed.value) return ctx.pass('sqsEncrypted');
    if (key.state === 'unknown') return ctx.unknown(key.reason, { path: key.path });
    return ctx.fail('notEncrypted', {}, { path: '/SqsManagedSseEnabled' });
  },
});
