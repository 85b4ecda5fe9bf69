/**
 * AWS CloudFormation (regional): every stack that exists (ListStacks, every status but DELETE_COMPLETE) as
 * `AWS::CloudFormation::Stack` with its `ResourceCount`, and what the stacks manage (ListStackResources per stack).
 *
 * The IaC rule judges the whole account, so the stacks also feed `AWS::Account.Iac` = `{ Stacks, ManagedResources,
 * StackResourceIds }`: each Region contributes its part and the scan adds them up once every Region ran
 * (framework/fact-parts.ts). A Region whose stacks or stack resources could not all be read marks `Iac` unknown — a
 * partial list of managed ids would make managed resources look hand-made.
 */
import { CloudFormationClient, ListStackResourcesCommand, ListStacksCommand, StackStatus, type StackSummary } from '@aws-sdk/client-cloudformation';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { factPart, type Combined } from './framework/fact-parts.js';

const OPERATIONS = {
  ListStacks: 'cloudformation:ListStacks',
  ListStackResources: 'cloudformation:ListStackResources',
} as const;
type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const LIVE_STATUSES = Object.values(StackStatus).filter((s) => s !== 'DELETE_COMPLETE');

interface IacPart {
  region: string;
  stacks: number;
  ids: string[];
  failed?: string;
}

function combineIac(parts: readonly IacPart[]): Combined {
  const failed = [...parts].sort((a, b) => a.region.localeCompare(b.region)).find((p) => p.failed !== undefined)?.failed;
  if (failed !== undefined) return { unknown: [{ path: '', reason: failed }] };
  const ids = [...new Set(parts.flatMap((p) => p.ids))].sort();
  return { value: { Stacks: parts.reduce((n, p) => n + p.stacks, 0), ManagedResources: parts.reduce((n, p) => n + p.ids.length, 0), StackResourceIds: ids } };
}

export default defineCollector({
  service: 'cloudformation',
  scope: 'regional',
  operations: OPERATIONS,
  listings: { ListStacks: ['AWS::CloudFormation::Stack'] },
  produces: ['AWS::CloudFormation::Stack', 'AWS::Account'],
  async collect(ctx) {
    const part: IacPart = { region: ctx.region, stacks: 0, ids: [] };
    try {
      const client = ctx.client(CloudFormationClient);
      const stacks = await ctx.pages(
        'ListStacks',
        (NextToken, o) => client.send(new ListStacksCommand({ StackStatusFilter: LIVE_STATUSES, NextToken }), o),
        (p) => p.NextToken,
        (p) => p.StackSummaries,
      );
      if (!stacks.ok) {
        part.failed = stacks.reason;
        return;
      }
      part.stacks = stacks.value.length;
      await Promise.all(stacks.value.map((stack) => emitStack(ctx, client, stack, part)));
    } catch (error) {
      part.failed ??= 'collection_failed:cloudformation:*';
      throw error;
    } finally {
      ctx.accountFacts({ Iac: factPart(combineIac, part) });
    }
  },
});

async function emitStack(ctx: Ctx, client: CloudFormationClient, stack: StackSummary, part: IacPart): Promise<void> {
  const uid = stack.StackId ?? `arn:aws:cloudformation:${ctx.region}:${ctx.account}:stack/${stack.StackName}`;
  const resources = await ctx.pages(
    'ListStackResources',
    (NextToken, o) => client.send(new ListStackResourcesCommand({ StackName: uid, NextToken }), o),
    (p) => p.NextToken,
    (p) => p.StackResourceSummaries,
    { resource: uid },
  );
  const live = resources.ok ? resources.value.filter((r) => r.ResourceStatus !== 'DELETE_COMPLETE') : [];
  if (resources.ok) part.ids.push(...live.map((r) => r.PhysicalResourceId ?? '').filter(Boolean));
  else part.failed ??= resources.reason;
  ctx.emit({
    uid,
    type: 'AWS::CloudFormation::Stack',
    name: stack.StackName ?? uid,
    physicalId: uid,
    properties: {
      StackName: stack.StackName ?? null,
      StackStatus: stack.StackStatus ?? null,
      ...(stack.ParentId ? { ParentId: stack.ParentId } : {}),
      ...(resources.ok ? { ResourceCount: live.length } : {}),
    },
    unknown: resources.ok ? [] : [{ path: '/ResourceCount', reason: resources.reason }],
  });
}
