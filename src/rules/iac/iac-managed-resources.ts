/**
 * Most of an account's infrastructure is managed as code (the seed guide: "Deployments managed through
 * CloudFormation, Terraform, or equivalent. Manual console changes are not acceptable for production").
 *
 * Counted: the live resources of the account whose types are listed in _lib/iac-scope.ts, minus what AWS or another
 * resource creates by itself (defaults, AWS-managed and service-linked items, instances an Auto Scaling group
 * launched, log groups under /aws/, target-tracking alarms, default backup vaults, RDS-managed secrets).
 * Managed: the resource is listed by a CloudFormation stack (`AWS::Account` `Iac.StackResourceIds`, matched on the
 * physical id or ARN), or carries CloudFormation's stack tags or a Terraform-style tag (_lib/iac-tags.ts).
 * Threshold: 80% of counted resources — high enough that "manual changes are not acceptable" holds for the bulk of the
 * estate, low enough to leave room for bootstrap resources (state buckets, the deploy role) made by hand.
 *
 * N/A     the account has no counted resource.
 * PASS    at least 80% are managed.
 * FAIL    fewer are, with every counted type listed and the stack resources read.
 * UNKNOWN below 80% while the stack resources, or the listing of a counted type, failed (types no collector lists are
 *         simply not counted); or below 80% only because of resources whose tags could not be read (`@tags`), which
 *         would reach 80% if their tags named a tool.
 * Heuristic: an untagged Terraform resource, or a resource whose tags the collector does not read, looks unmanaged.
 */
import { defineRule } from '../../core/index.js';
import { createdByAws, IAC_COUNTED_TYPES } from '../_lib/iac-scope.js';
import { iacFromTags } from '../_lib/iac-tags.js';
import { asRecord, listForMessage, stringList } from '../_lib/shape.js';
import { tagsUnknown } from '../_lib/tags.js';

const THRESHOLD = 0.8;

export default defineRule({
  meta: {
    id: 'iac-managed-resources',
    title: 'At least 80% of the infrastructure is managed as code',
    severity: 'low',
    requirements: [],
    bestPractice: 'infrastructure-as-code',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Infrastructure built by hand drifts, cannot be reviewed or rebuilt after a disaster, and hides who changed what. The seed guide says deployments must be managed through CloudFormation, Terraform or an equivalent, with no manual console changes in production.',
    remediation: {
      summary: 'Bring hand-made resources under CloudFormation (resource import) or Terraform (import blocks), and tag what Terraform manages through the provider default_tags so it can be recognised.',
      console: [
        'List the unmanaged resources this rule names; decide per resource: import, recreate from code, or delete.',
        'CloudFormation: open the stack, choose Stack actions > Import resources into stack, provide a template that declares the resources with DeletionPolicy Retain, and map their identifiers.',
        'Terraform: add import blocks (or run terraform import), run terraform plan until it shows no changes, and set default_tags { ManagedBy = "terraform" } on the AWS provider.',
        'Restrict console write access in production (for example a permission set without write actions) so new drift does not appear.',
      ],
      cli: [
        'aws cloudformation create-change-set --stack-name app --change-set-name import-existing --change-set-type IMPORT \\',
        '  --resources-to-import file://resources-to-import.json --template-body file://template.yaml',
        'aws cloudformation execute-change-set --stack-name app --change-set-name import-existing',
        '# Terraform: terraform plan -generate-config-out=generated.tf  (with import blocks), then terraform apply',
      ].join('\n'),
      cloudformation: [
        '# Declare the existing resource with DeletionPolicy Retain, then import it with a change set of type IMPORT.',
        'LegacyBucket:',
        '  Type: AWS::S3::Bucket',
        '  DeletionPolicy: Retain',
        '  Properties:',
        '    BucketName: legacy-uploads',
      ].join('\n'),
      terraform: [
        'provider "aws" {',
        '  default_tags {',
        '    tags = { ManagedBy = "terraform" }',
        '  }',
        '}',
        '',
        'import {',
        '  to = aws_s3_bucket.legacy_uploads',
        '  id = "legacy-uploads"',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import.html',
        'https://developer.hashicorp.com/terraform/language/import',
      ],
    },
    messages: {
      managed: 'Account {{resource}}: {{percent}}% of {{total}} resources are managed as code ({{managed}}), at or above {{threshold}}%.',
      lowCoverage: 'Account {{resource}}: only {{percent}}% of {{total}} resources are managed as code ({{managed}}); unmanaged include {{unmanaged}}.',
      noResources: 'Account {{resource}} has no infrastructure resource to judge.',
    },
    needs: ['cloudformation:ListStacks', 'cloudformation:ListStackResources'],
  },
  evaluate(account, ctx) {
    const mark = ctx.unknownAt(account, '/Iac');
    const iac = mark ? undefined : asRecord(ctx.get(account, '/Iac'));
    const stackIds = new Set(stringList(iac?.['StackResourceIds']));
    const stacksUnknown = mark?.reason ?? (iac && Array.isArray(iac['StackResourceIds']) ? undefined : 'missing_data:Iac.StackResourceIds');

    const scope = { account: account.account, source: account.source };
    let listingFailed: string | undefined;
    const unmanaged = new Map<string, number>();
    let total = 0;
    let managed = 0;
    let tagsUnread = 0;
    let tagsReason: string | undefined;
    for (const type of IAC_COUNTED_TYPES) {
      const inventory = ctx.inventory(type, scope);
      if (!inventory.complete && inventory.reason?.startsWith('collection_failed:')) listingFailed ??= inventory.reason;
      for (const r of ctx.resources(type, scope)) {
        if (createdByAws(ctx, r)) continue;
        total++;
        const byStack = stackIds.has(r.physicalId ?? '') || stackIds.has(r.uid) || (r.location.arn !== undefined && stackIds.has(r.location.arn));
        const unread = byStack ? undefined : tagsUnknown(r);
        if (byStack || iacFromTags(r.tags) !== undefined) managed++;
        else if (unread !== undefined) {
          tagsUnread++;
          tagsReason ??= unread;
        } else unmanaged.set(type, (unmanaged.get(type) ?? 0) + 1);
      }
    }
    if (total === 0) return listingFailed !== undefined ? ctx.unknown(listingFailed) : ctx.notApplicable('noResources');
    const share = managed / total;
    const data = { percent: Math.floor(share * 100), total, managed, threshold: THRESHOLD * 100 };
    if (share >= THRESHOLD) return ctx.pass('managed', data);
    const uncertain = stacksUnknown ?? listingFailed ?? ((managed + tagsUnread) / total >= THRESHOLD ? tagsReason : undefined);
    if (uncertain !== undefined) return ctx.unknown(uncertain, { path: '/Iac' });
    const worst = [...unmanaged.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${n} ${type}`);
    return ctx.fail('lowCoverage', { ...data, unmanaged: listForMessage(worst) }, { path: '/Iac' });
  },
});
