/**
 * Every EFS file system is encrypted at rest.
 *
 * N/A     never: every file system is judged.
 * PASS    `Encrypted` is true.
 * FAIL    it is false (the CloudFormation and API default; the console turns it on). Encryption is set at creation.
 * UNKNOWN DescribeFileSystems was denied, or the flag was not collected; in a template, it comes from a parameter
 *         without a default, an `ImportValue` or an undecidable condition, or a Terraform plan leaves `encrypted` to
 *         the provider (computed at apply). A template that omits `Encrypted` gets an unencrypted file system.
 *
 * https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'efs-file-system-encrypted',
    title: 'Every EFS file system is encrypted at rest',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; EFS file systems are data stores' },
    ],
    resourceTypes: ['AWS::EFS::FileSystem'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale: 'Shared file systems often collect uploads, exports and reports. Encryption at rest protects them and their backups, and cannot be added after creation.',
    remediation: {
      summary: 'Create an encrypted file system, copy the data (AWS DataSync, or restore an AWS Backup recovery point into it), move the mount targets and delete the old one.',
      console: [
        'Open the EFS console, Create file system, Customize; keep "Enable encryption of data at rest" ticked and choose a KMS key.',
        'Copy the data with AWS DataSync (EFS to EFS task), then switch clients to the new file system’s mount targets.',
      ],
      cli: 'aws efs create-file-system --encrypted --kms-key-id alias/efs --performance-mode generalPurpose --tags Key=Name,Value=shared-encrypted',
      cloudformation: 'SharedFiles:\n  Type: AWS::EFS::FileSystem\n  Properties:\n    Encrypted: true\n    KmsKeyId: !Ref EfsKey',
      terraform: 'resource "aws_efs_file_system" "shared" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}',
      links: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html'],
    },
    messages: {
      encrypted: 'EFS file system {{resource}} is encrypted at rest.',
      notEncrypted: 'EFS file system {{resource}} is not encrypted at rest.',
    },
    needs: ['elasticfilesystem:DescribeFileSystems'],
  },
  evaluate(fs: Resource, ctx) {
    const encrypted = readSetting(ctx, fs, '/Encrypted', asBool, false);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/Encrypted' });
  },
});
