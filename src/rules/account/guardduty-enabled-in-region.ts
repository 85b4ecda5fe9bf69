/**
 * GuardDuty is enabled in every scanned Region.
 *
 * N/A     never: every scanned Region is judged.
 * PASS    the Region has a GuardDuty detector whose status is enabled.
 * FAIL    (informs) no detector, or the detector is suspended.
 * UNKNOWN the detector could not be read in that Region (ListDetectors/GetDetector denied, or the Region opted out).
 *
 * Informing: GuardDuty is part of the compensating controls the 2026 text accepts for keys that are not rotated
 * ("monitor key use"); it flags anomalous use of IAM credentials (the IAMUser/AnomalousBehavior and
 * UnauthorizedAccess:IAMUser findings). The catalog models those controls as IAM-002's attested alternative, so the
 * detector state supports that attestation rather than gating anything.
 * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html
 */
import { defineRule } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'guardduty-enabled-in-region',
    title: 'GuardDuty is enabled in every scanned Region',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-002', gates: false, basis: 'informs the compensating controls for unrotated keys (monitoring of key use): GuardDuty detects anomalous use of IAM credentials' },
    ],
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale:
      'GuardDuty watches CloudTrail, VPC flow and DNS logs for credential misuse and compromise, including access keys used from unusual places. A Region without a detector is a Region where stolen keys can be used unnoticed.',
    remediation: {
      summary: 'Enable GuardDuty in every Region, preferably for the whole organization from a delegated administrator account.',
      console: [
        'Open GuardDuty in each Region and choose Get started > Enable GuardDuty.',
        'With AWS Organizations: designate a delegated administrator, then enable auto-enable for all member accounts.',
      ],
      cli: 'for REGION in $(aws ec2 describe-regions --query "Regions[].RegionName" --output text); do\n  aws guardduty create-detector --enable --region "$REGION"\ndone',
      cloudformation: 'Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true',
      terraform: 'resource "aws_guardduty_detector" "this" {\n  enable = true\n}',
      links: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html'],
    },
    messages: {
      enabled: 'GuardDuty is enabled in {{resource}}.',
      notEnabled: 'GuardDuty is not enabled in {{resource}}.',
      suspended: 'The GuardDuty detector in {{resource}} is suspended.',
    },
    needs: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  },
  evaluate(region, ctx) {
    const guardDuty = ctx.get(region, '/GuardDuty');
    if (!isRecord(guardDuty) || typeof guardDuty['Enabled'] !== 'boolean') return ctx.unknown('missing_data:GuardDuty', { path: '/GuardDuty' });
    if (guardDuty['Enabled']) return ctx.pass('enabled');
    return guardDuty['DetectorId'] ? ctx.fail('suspended', {}, { path: '/GuardDuty/Status' }) : ctx.fail('notEnabled', {}, { path: '/GuardDuty' });
  },
});
