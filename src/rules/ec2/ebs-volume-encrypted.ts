/**
 * Every EBS volume is encrypted.
 *
 * N/A     never: every volume is judged, attached or not (a detached volume still holds data).
 * PASS    `Encrypted` is true; in a template, also an instance whose root volume (Terraform `root_block_device`) and
 *         every other volume it creates at launch set `Encrypted: true`.
 * FAIL    it is false (for a volume or an instance's block device mapping). One unencrypted volume fails the rule:
 *         partial encryption is no encryption. (A template that asks for `Encrypted: false` fails even though EBS
 *         encryption by default, where on, would encrypt the volume anyway: the template does not ensure it.)
 * UNKNOWN the flag was not collected, or (in a template) it is omitted: the volume is then encrypted only when its
 *         snapshot is, or the Region has EBS encryption by default turned on, which the template does not show — so
 *         a template instance whose root volume is not declared encrypted is unknown (CloudFormation cannot name the
 *         root device: it comes from the AMI); a parameter without a default, an `ImportValue`, an undecidable
 *         condition or a value a Terraform plan computes is unknown too.
 *
 * Live instances get no outcome (their volumes are judged as volumes), but the rule reads the instance inventory, so
 * a denied DescribeInstances leaves it unknown. See _lib/instance-volumes.ts.
 *
 * Encryption cannot be turned on for an existing volume; it is copied through an encrypted snapshot.
 * https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
 */
import { defineRule, type Outcome, type Resource, type RuleContext } from '../../core/index.js';
import { instanceVolumes } from '../_lib/instance-volumes.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

/** The volumes a template instance creates at launch (a live instance's are volumes of their own). */
function codeInstance(ctx: RuleContext, instance: Resource): Outcome[] {
  const { volumes, root } = instanceVolumes(ctx, instance);
  const failures = volumes.filter((v) => 'encrypted' in v && !v.encrypted).map((v) => ctx.fail('instanceVolumeNotEncrypted', { device: v.device }, { path: v.path }));
  if (failures.length > 0) return failures;
  const unknown = volumes.flatMap((v) => ('unknown' in v ? [ctx.unknown(v.unknown, { path: v.path })] : []));
  if (root) unknown.push(ctx.unknown(root.reason, { path: root.path }));
  return unknown.length > 0 ? unknown : [ctx.pass('instanceEncrypted', { count: volumes.length - 1 })];
}

export default defineRule({
  meta: {
    id: 'ebs-volume-encrypted',
    title: 'Every EBS volume is encrypted',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; EBS volumes hold instance data' },
    ],
    resourceTypes: ['AWS::EC2::Volume', 'AWS::EC2::Instance'],
    sources: ['live', 'cloudformation', 'terraform'],
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
      instanceEncrypted: 'Instance {{resource}} encrypts its root volume and the {{count}} other EBS volume(s) it creates.',
      instanceVolumeNotEncrypted: 'Instance {{resource}} creates EBS volume {{device}} without encryption.',
    },
    needs: ['ec2:DescribeVolumes', 'ec2:DescribeInstances'],
  },
  evaluate(volume: Resource, ctx) {
    if (volume.type === 'AWS::EC2::Instance') return volume.source === 'live' ? [] : codeInstance(ctx, volume);
    const encrypted = readSetting(ctx, volume, '/Encrypted', asBool);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/Encrypted' });
  },
});
