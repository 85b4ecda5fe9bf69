/**
 * Amazon Macie is enabled in every scanned Region.
 *
 * N/A     never: every scanned account and Region is judged.
 * PASS    `Macie.Status` is ENABLED.
 * FAIL    it is PAUSED or DISABLED (GetMacieSession's "Macie is not enabled" error is reported as DISABLED).
 * UNKNOWN GetMacieSession was denied, or the status was not collected.
 *
 * Informs SDAT-001 only: Macie discovers sensitive data in S3 alone, and the checklist asks for a data-classification
 * inventory across every store, which is evidence a document gives (catalog evidence `data-classification-inventory`).
 *
 * Live only: Macie is a per-Region account setting. A template can enable it (`AWS::Macie::Session`), but the rule's
 * verdict needs every Region's status, which no template shows, and adding a code-only type would make the live
 * verdict wait for an inventory no collector lists.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asString, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'macie-enabled',
    title: 'Amazon Macie is enabled in every scanned Region',
    severity: 'low',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-001',
        gates: false,
        basis: 'informs "sensitive data identified": Macie discovery shows which S3 buckets hold personal data; the inventory itself is a document',
      },
    ],
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale:
      'Macie samples S3 objects and reports personal, financial and credential data it finds, which keeps the data-classification inventory honest: buckets that hold sensitive data without anyone knowing are the ones that end up public or unencrypted.',
    remediation: {
      summary: 'Enable Macie (with automated sensitive data discovery) in the Regions that hold S3 data, ideally from a delegated administrator account for the whole organization.',
      console: [
        'Open the Amazon Macie console in the Region and choose Get started, then Enable Macie.',
        'Under Settings, Automated sensitive data discovery, choose Enable.',
        'With AWS Organizations: designate a delegated administrator and enable Macie for all member accounts.',
      ],
      cli: 'aws macie2 enable-macie --region us-east-1\naws macie2 update-automated-discovery-configuration --status ENABLED --region us-east-1',
      cloudformation: 'MacieSession:\n  Type: AWS::Macie::Session\n  Properties:\n    Status: ENABLED\n    FindingPublishingFrequency: SIX_HOURS',
      terraform: 'resource "aws_macie2_account" "this" {\n  status                       = "ENABLED"\n  finding_publishing_frequency = "SIX_HOURS"\n}',
      links: [
        'https://docs.aws.amazon.com/macie/latest/user/getting-started.html',
        'https://docs.aws.amazon.com/macie/latest/user/discovery-asdd.html',
      ],
    },
    messages: {
      enabled: 'Macie is enabled in {{resource}}.',
      notEnabled: 'Macie is {{status}} in {{resource}}.',
    },
    needs: ['macie2:GetMacieSession'],
  },
  evaluate(region: Resource, ctx) {
    const status = readSetting(ctx, region, '/Macie/Status', asString);
    if (!status.known) return unknownSetting(ctx, status);
    return status.value === 'ENABLED' ? ctx.pass('enabled') : ctx.fail('notEnabled', { status: status.value }, { path: '/Macie/Status' });
  },
});
