/**
 * At least one user-defined cost allocation tag is active, so spend can be tied to a workload, team or tenant (the seed
 * guide: "assessors look for tagging and allocation practices that tie spend to business units or services").
 * Cost allocation tags are activated in the management (payer) account and apply to the whole organization.
 *
 * PASS    the account — or, for a member account, its management account — has an active tag key that is not
 *         AWS-generated (`aws:` prefix).
 * FAIL    it has none (the message counts user-defined tags that exist but are inactive).
 * UNKNOWN the tags could not be read; or the account is a member and its management account was not scanned.
 * How many resources carry the tags (coverage) is not measured.
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html
 */
import { defineRule } from '../../core/index.js';
import { MANAGEMENT_NOT_SCANNED, organizationPosition } from '../_lib/organization.js';
import { asRecord, listForMessage, stringList } from '../_lib/shape.js';

const userDefined = (key: string) => !key.startsWith('aws:');

export default defineRule({
  meta: {
    id: 'cost-allocation-tags-active',
    title: 'User-defined cost allocation tags are active',
    severity: 'low',
    requirements: [],
    bestPractice: 'cost',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Tags only split the bill once they are activated as cost allocation tags; until then Cost Explorer and the Cost and Usage Report cannot show spend per workload, environment or customer, and cost questions from a reviewer go unanswered.',
    remediation: {
      summary: 'In the management account, activate the tag keys you use for ownership and workload (for example Application, Environment, CostCenter) as cost allocation tags.',
      console: [
        'Sign in to the management (payer) account and open Billing and Cost Management > Cost allocation tags.',
        'On the User-defined cost allocation tags tab, select the tag keys (for example Application, Environment, CostCenter) and choose Activate.',
        'Allow up to 24 hours before the tags appear in Cost Explorer.',
      ],
      cli: 'aws ce update-cost-allocation-tags-status --cost-allocation-tags-status TagKey=Application,Status=Active TagKey=Environment,Status=Active',
      cloudformation: [
        '# No CloudFormation resource activates cost allocation tags: activate the keys once in the management account.',
        '# Tag what stacks create (stack-level tags, `aws cloudformation deploy --tags`, reach every taggable resource):',
        'AppBucket:',
        '  Type: AWS::S3::Bucket',
        '  Properties:',
        '    Tags:',
        '      - { Key: Application, Value: app }',
        '      - { Key: Environment, Value: prod }',
      ].join('\n'),
      terraform: [
        'resource "aws_ce_cost_allocation_tag" "application" {',
        '  tag_key = "Application"',
        '  status  = "Active"',
        '}',
        '',
        'provider "aws" {',
        '  default_tags {',
        '    tags = { Application = "app", Environment = "prod" }',
        '  }',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html', 'https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html'],
    },
    messages: {
      active: 'Account {{resource}} has {{count}} active cost allocation tag(s): {{tags}}.',
      activeInManagement: 'Account {{resource}} inherits {{count}} active cost allocation tag(s) from management account {{management}}: {{tags}}.',
      noneActive: 'Account {{resource}} has no active user-defined cost allocation tag ({{inactive}} inactive).',
    },
    needs: ['ce:ListCostAllocationTags', 'organizations:DescribeOrganization'],
  },
  evaluate(account, ctx) {
    const position = organizationPosition(ctx, account);
    if (position.kind === 'unknown') return ctx.unknown(position.reason, { path: '/Organization' });
    if (position.kind === 'member' && !position.management) return ctx.unknown(MANAGEMENT_NOT_SCANNED, { path: '/CostAllocationTags' });
    const payer = position.kind === 'member' && position.management ? position.management : account;
    const tags = asRecord(ctx.get(payer, '/CostAllocationTags'));
    if (!tags) return ctx.unknown('missing_data:CostAllocationTags', { path: '/CostAllocationTags' });
    const active = stringList(tags['Active']).filter(userDefined);
    const inactive = stringList(tags['Inactive']).filter(userDefined);
    const data = { count: active.length, tags: listForMessage(active, 5) };
    if (active.length === 0) return ctx.fail('noneActive', { inactive: inactive.length }, { path: '/CostAllocationTags' });
    return payer === account ? ctx.pass('active', data) : ctx.pass('activeInManagement', { ...data, management: payer.account ?? '' });
  },
});
