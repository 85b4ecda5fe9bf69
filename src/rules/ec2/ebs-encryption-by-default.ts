/**
 * EBS encryption by default is on in every scanned Region.
 *
 * N/A     never: every scanned account and Region is judged.
 * PASS    `EbsEncryptionByDefault` is true: every new volume and snapshot copy is encrypted.
 * FAIL    it is false.
 * UNKNOWN GetEbsEncryptionByDefault was denied, or the setting was not collected.
 *
 * Informs SDAT-002: the checklist judges the stores themselves (ebs-volume-encrypted gates on those); this Regional
 * setting is the guardrail that keeps new volumes from being created unencrypted.
 * https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
 *
 * Live only for now: Terraform's `aws_ebs_encryption_by_default` becomes the code-only `AWS::EC2::EBSEncryptionByDefault`,
 * but a rule that dispatches on it needs its live inventory listed (the ec2 collector's GetEbsEncryptionByDefault
 * listing does not name the type), or every live verdict would be unknown; CloudFormation has no such resource.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'ebs-encryption-by-default',
    title: 'EBS encryption by default is on in every scanned Region',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-002',
        gates: false,
        basis: 'informs encryption at rest: the Regional guardrail that encrypts every new EBS volume, whatever launches it',
      },
    ],
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale:
      'With encryption by default on, an instance launched from any AMI, template or script gets encrypted volumes, so encryption no longer depends on each launch configuration getting it right.',
    remediation: {
      summary: 'Enable EBS encryption by default in every Region you use (optionally with a customer managed KMS key).',
      console: [
        'Open the EC2 console in the Region and choose Settings, Data protection and security.',
        'Under EBS encryption choose Manage, tick Enable, choose the default key, and Update EBS encryption.',
      ],
      cli: 'for region in $(aws ec2 describe-regions --query "Regions[].RegionName" --output text); do\n  aws ec2 enable-ebs-encryption-by-default --region "$region"\ndone',
      cloudformation: '# No resource type for this Regional setting; run the CLI above once per Region, or deploy it with a StackSet custom resource.',
      terraform: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}',
      links: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
    },
    messages: {
      enabled: 'EBS encryption by default is on in {{resource}}.',
      disabled: 'EBS encryption by default is off in {{resource}}.',
    },
    needs: ['ec2:GetEbsEncryptionByDefault'],
  },
  evaluate(region: Resource, ctx) {
    const enabled = readSetting(ctx, region, '/EbsEncryptionByDefault', asBool);
    if (!enabled.known) return unknownSetting(ctx, enabled);
    return enabled.value ? ctx.pass('enabled') : ctx.fail('disabled', {}, { path: '/EbsEncryptionByDefault' });
  },
});
