/**
 * Every account is covered by a multi-Region CloudTrail trail that is logging: its own, or an organization trail of
 * its management account (the seed guide: "CloudTrail enabled across all regions").
 *
 * PASS    a trail of the account with `IsMultiRegionTrail` and `IsLogging` true; or, for a member account, such an
 *         organization trail (`IsOrganizationTrail`) in its management account, when that account was scanned.
 * FAIL    every trail was read and none is multi-Region and logging (or there is no trail at all).
 * UNKNOWN no qualifying trail was seen and the trail list or a trail's status (GetTrailStatus) could not be read.
 * Member accounts normally list the organization trail themselves (DescribeTrails includes shadow trails).
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';
import { organizationPosition } from '../_lib/organization.js';
import { nameOf } from '../_lib/names.js';

type TrailAnswer = { trail: Resource } | { uncertain?: string; seen: number };

function qualifyingTrail(ctx: RuleContext, trails: readonly Resource[]): TrailAnswer {
  let uncertain: string | undefined;
  for (const trail of trails) {
    const mark = ctx.unknownAt(trail, '/IsMultiRegionTrail') ?? ctx.unknownAt(trail, '/IsLogging');
    if (mark) {
      uncertain ??= mark.reason;
      continue;
    }
    const multi = ctx.get(trail, '/IsMultiRegionTrail');
    const logging = ctx.get(trail, '/IsLogging');
    if (multi === true && logging === true) return { trail };
    if (typeof multi !== 'boolean' || typeof logging !== 'boolean') uncertain ??= 'missing_data:IsLogging';
  }
  return uncertain !== undefined ? { uncertain, seen: trails.length } : { seen: trails.length };
}

export default defineRule({
  meta: {
    id: 'cloudtrail-multi-region-logging',
    title: 'A multi-Region CloudTrail trail is logging for every account',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-002', gates: false, basis: 'informs the compensating control of IAM-002.3: use of remaining long-term keys is recorded by CloudTrail' },
      { checklist: 'partner-hosted', id: 'IAM-010', gates: false, basis: 'informs IAM-010: reads of secrets (Secrets Manager, SSM) are audit-logged by CloudTrail' },
      { checklist: 'partner-hosted', id: 'CTL-001', gates: false, basis: 'informs the old-baseline CTL-001: CloudTrail recording in every account and Region' },
    ],
    bestPractice: 'logging',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Without a trail that records every Region, API activity in an unused Region — a favourite of attackers with stolen keys — leaves no lasting record, and key misuse or secret reads cannot be investigated. The seed guide expects CloudTrail across all Regions.',
    remediation: {
      summary: 'Create a multi-Region trail (an organization trail from the management account covers every member), and make sure it is logging.',
      console: [
        'Open the CloudTrail console and choose Trails, then Create trail.',
        'Name the trail; for an organization, tick Enable for all accounts in my organization (management account only).',
        'Choose a new or existing S3 bucket (ideally in a dedicated log-archive account), enable log file validation and SSE-KMS, and create the trail: console trails are multi-Region.',
        'If an existing trail is stopped, select it and choose Start logging.',
      ],
      cli: [
        'aws cloudtrail create-trail --name org-trail --s3-bucket-name <log-bucket> --is-multi-region-trail \\',
        '  --include-global-service-events --enable-log-file-validation   # add --is-organization-trail in the management account',
        'aws cloudtrail start-logging --name org-trail',
      ].join('\n'),
      cloudformation: [
        'Trail:',
        '  Type: AWS::CloudTrail::Trail',
        '  Properties:',
        '    TrailName: org-trail',
        '    S3BucketName: !Ref LogBucket',
        '    IsLogging: true',
        '    IsMultiRegionTrail: true',
        '    IncludeGlobalServiceEvents: true',
        '    EnableLogFileValidation: true',
        '    IsOrganizationTrail: true   # management account only',
      ].join('\n'),
      terraform: [
        'resource "aws_cloudtrail" "org" {',
        '  name                          = "org-trail"',
        '  s3_bucket_name                = aws_s3_bucket.logs.id',
        '  enable_logging                = true',
        '  is_multi_region_trail         = true',
        '  include_global_service_events = true',
        '  enable_log_file_validation    = true',
        '  is_organization_trail         = true # management account only',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
        'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html',
      ],
    },
    messages: {
      logging: 'Account {{resource}} is covered by multi-Region trail {{trail}}, which is logging.',
      orgTrail: 'Account {{resource}} is covered by organization trail {{trail}} of management account {{management}}.',
      noTrails: 'Account {{resource}} has no CloudTrail trail.',
      noMultiRegionLogging: 'Account {{resource}} has {{count}} trail(s), none of them multi-Region and logging.',
    },
    needs: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'organizations:DescribeOrganization'],
  },
  evaluate(account, ctx) {
    const scope = { account: account.account, source: account.source };
    const own = qualifyingTrail(ctx, ctx.resources('AWS::CloudTrail::Trail', scope));
    if ('trail' in own) return ctx.pass('logging', { trail: nameOf(own.trail) });

    const position = organizationPosition(ctx, account);
    if (position.kind === 'member' && position.management) {
      const orgTrails = ctx
        .resources('AWS::CloudTrail::Trail', { account: position.managementId, source: account.source })
        .filter((t) => !ctx.unknownAt(t, '/IsOrganizationTrail') && ctx.get(t, '/IsOrganizationTrail') === true);
      const org = qualifyingTrail(ctx, orgTrails);
      if ('trail' in org) return ctx.pass('orgTrail', { trail: nameOf(org.trail), management: position.managementId });
    }

    const inventory = ctx.inventory('AWS::CloudTrail::Trail', scope);
    const uncertain = own.uncertain ?? (inventory.complete ? undefined : (inventory.reason ?? 'not_collected:AWS::CloudTrail::Trail'));
    if (uncertain !== undefined) return ctx.unknown(uncertain);
    return own.seen === 0 ? ctx.fail('noTrails') : ctx.fail('noMultiRegionLogging', { count: own.seen });
  },
});
