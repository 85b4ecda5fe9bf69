/**
 * AWS Security Hub is enabled in every scanned Region (the seed guide: "Use AWS Config rules and AWS Security Hub to
 * automate parts of this assessment"). The FTR's automated account scan is the CIS benchmark, which Security Hub runs
 * as a standard; the pass message lists the enabled standards.
 *
 * PASS    `SecurityHub.Enabled` is true in the Region.
 * FAIL    it is false (DescribeHub: InvalidAccessException, the hub is not enabled).
 * UNKNOWN the hub status could not be read.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html
 */
import { defineRule } from '../../core/index.js';
import { asRecord, listForMessage, stringList } from '../_lib/shape.js';

export default defineRule({
  meta: {
    id: 'security-hub-enabled',
    title: 'AWS Security Hub is enabled in every scanned Region',
    severity: 'low',
    requirements: [],
    bestPractice: 'governance',
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale:
      'Security Hub runs the CIS AWS Foundations Benchmark the FTR leans on and the AWS Foundational Security Best Practices continuously, and gathers GuardDuty, Inspector and Macie findings in one place, so drift between assessments is seen.',
    remediation: {
      summary: 'Enable Security Hub with the CIS AWS Foundations Benchmark and AWS Foundational Security Best Practices standards in every Region you use (for an organization, through a delegated administrator with central configuration).',
      console: [
        'Open the Security Hub console in the Region and choose Go to Security Hub (or Enable Security Hub).',
        'Select the standards: AWS Foundational Security Best Practices and CIS AWS Foundations Benchmark v3.0 or later.',
        'Choose Enable Security Hub. For an organization, set a delegated administrator and use central configuration to cover all accounts and Regions.',
      ],
      cli: 'aws securityhub enable-security-hub --enable-default-standards --region <region>\naws securityhub batch-enable-standards --standards-subscription-requests StandardsArn=arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/3.0.0',
      cloudformation: [
        'SecurityHub:',
        '  Type: AWS::SecurityHub::Hub',
        '  Properties:',
        '    EnableDefaultStandards: true',
        'CisStandard:',
        '  Type: AWS::SecurityHub::Standard',
        '  DependsOn: SecurityHub',
        '  Properties:',
        "    StandardsArn: !Sub 'arn:${AWS::Partition}:securityhub:${AWS::Region}::standards/cis-aws-foundations-benchmark/v/3.0.0'",
      ].join('\n'),
      terraform: [
        'resource "aws_securityhub_account" "main" {',
        '  enable_default_standards = true',
        '}',
        '',
        'resource "aws_securityhub_standards_subscription" "cis" {',
        '  standards_arn = "arn:aws:securityhub:${data.aws_region.current.name}::standards/cis-aws-foundations-benchmark/v/3.0.0"',
        '  depends_on    = [aws_securityhub_account.main]',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html'],
    },
    messages: {
      enabled: 'Security Hub is enabled in {{region}} of account {{account}} with {{count}} standard(s): {{standards}}.',
      notEnabled: 'Security Hub is not enabled in {{region}} of account {{account}}.',
    },
    needs: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  },
  evaluate(region, ctx) {
    const hub = asRecord(ctx.get(region, '/SecurityHub'));
    const data = { region: region.region ?? 'unknown Region', account: region.account ?? 'unknown' };
    if (!hub || typeof hub['Enabled'] !== 'boolean') return ctx.unknown('missing_data:SecurityHub', { path: '/SecurityHub' });
    if (!hub['Enabled']) return ctx.fail('notEnabled', data, { path: '/SecurityHub/Enabled' });
    const standards = stringList(hub['Standards']).map((arn) => arn.split('/standards/').pop() ?? arn);
    return ctx.pass('enabled', { ...data, count: standards.length, standards: standards.length > 0 ? listForMessage(standards) : 'none' });
  },
});
