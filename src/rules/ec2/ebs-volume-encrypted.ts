/**
 * Every EBS volume is encrypted.
 *
 * N/A     never: every volume is judged, attached or not (a detached volume still holds data).
 * PASS    `Encrypted` is true.
 * FAIL    it is false. One unencrypted volume fails the rule: partial encryption is no encryption.
 * UNKNOWN the flag was not collected, or (in a template) it is omitted: the volume is then encrypted only when the
 *         Region has EBS encryption by default turned on, which the template does not show.
 *
 * Encryption cannot be turned on for an existing volume; it is copied through an encrypted snapshot.
 * https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'ebs-volume-encrypted',
    title: 'Every EBS volume is encrypted',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; EBS volumes hold instance data' },
    ],
    resourceTypes: ['AWS::EC2::Volume'],
    sources: ['live'],
    rationale:
      'Unencrypted volumes, and the snapshots taken from them, expose data to anyone who can copy or share a snapshot. Encrypted volumes and their snapshots are protected by KMS permissions.',
    remediation: {
      summary:
        'Turn on EBS encryption by default in every Region, then replace each unencrypted volume: snapshot it, copy the snapshot with encryption, create a volume from the copy and swap it in.',
      console: [
        'EC2 console, Settings (Data protection and security), EBS encryption: Manage, tick Enable, Update.',
        'For each unencrypted volume: Actions, Create snapshot; then Snapshots, Actions, Copy snapshot with Encrypt this snapshot ticked.',
        'Create a volume from the encrypted copy in the same Availability Zone, stop the instance, detach the old volume and attach the new one on the same device name.',
      ],
      cli: 'aws ec2 enable-ebs-encryption-by-default --region us-east-1\nSNAP=$(aws ec2 create-snapshot --volume-id vol-0123456789abcdef0 --query SnapshotId --output text)\naws ec2 wait snapshot-completed --snapshot-ids "$SNAP"\nCOPY=$(aws ec2 copy-snapshot --source-region us-east-1 --source-snapshot-id "$SNAP" --encrypted --kms-key-id alias/ebs --query SnapshotId --output text)\naws ec2 wait snapshot-completed --snapshot-ids "$COPY"\naws ec2 create-volume --snapshot-id "$COPY" --availability-zone us-east-1a --volume-type gp3',
      cloudformation: 'DataVolume:\n  Type: AWS::EC2::Volume\n  Properties:\n    AvailabilityZone: us-east-1a\n    Size: 100\n    VolumeType: gp3\n    Encrypted: true\n    KmsKeyId: !Ref EbsKey',
      terraform: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size              = 100\n  type              = "gp3"\n  encrypted         = true\n  kms_key_id        = aws_kms_key.ebs.arn\n}',
      links: [
        'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
        'https://repost.aws/knowledge-center/create-encrypted-volume',
      ],
    },
    messages: {
      encrypted: 'EBS volume {{resource}} is encrypted.',
      notEncrypted: 'EBS volume {{resource}} is not encrypted.',
    },
    needs: ['ec2:DescribeVolumes'],
  },
  evaluate(volume: Resource, ctx) {
    const encrypted = readSetting(ctx, volume, '/Encrypted', asBool);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/Encrypted' });
  },
});
