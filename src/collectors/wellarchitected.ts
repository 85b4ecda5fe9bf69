/**
 * AWS Well-Architected Tool (regional — workloads live in the Region they were defined in):
 * `AWS::Account.WellArchitected` = `{ Workloads: [{ Id, Name, Region, LastMilestone, RiskCounts, PillarHighRisks }] }`.
 * - ListWorkloads gives each workload with its risk counts over all its lenses (missing levels written as 0);
 * - ListMilestones gives the newest milestone (`{ Number, RecordedAt }`, or null without one);
 * - GetLensReview of the AWS Well-Architected Framework lens gives the high risks per pillar (null when the workload
 *   does not use that lens).
 * Each Region contributes its workloads and the scan joins them once every Region ran (framework/fact-parts.ts); a
 * Region whose workloads could not be listed marks the whole list unknown, and a workload whose milestones or lens
 * review could not be read is marked on its own.
 */
import { GetLensReviewCommand, ListMilestonesCommand, ListWorkloadsCommand, WellArchitectedClient, type Risk, type WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import type { UnknownMark } from '../core/index.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { factPart, type Combined } from './framework/fact-parts.js';
import { isoTime } from './framework/time.js';

const OPERATIONS = {
  ListWorkloads: 'wellarchitected:ListWorkloads',
  ListMilestones: 'wellarchitected:ListMilestones',
  GetLensReview: 'wellarchitected:GetLensReview',
} as const;
type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const FRAMEWORK_LENS = 'wellarchitected';
const RISK_LEVELS: Risk[] = ['HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE', 'UNANSWERED'];

type Field = 'LastMilestone' | 'RiskCounts' | 'PillarHighRisks';

interface WorkloadPart {
  value: Record<string, unknown>;
  unknown: Partial<Record<Field, string>>;
}

interface RegionPart {
  region: string;
  workloads: WorkloadPart[];
  failed?: string;
}

function combineWorkloads(parts: readonly RegionPart[]): Combined {
  const sorted = [...parts].sort((a, b) => a.region.localeCompare(b.region));
  const failed = sorted.find((p) => p.failed !== undefined)?.failed;
  if (failed !== undefined) return { unknown: [{ path: '', reason: failed }] };
  const workloads = sorted.flatMap((p) => p.workloads);
  const unknown: UnknownMark[] = workloads.flatMap((w, i) => Object.entries(w.unknown).map(([field, reason]) => ({ path: `/Workloads/${i}/${field}`, reason })));
  return { value: { Workloads: workloads.map((w) => w.value) }, unknown };
}

export default defineCollector({
  service: 'wellarchitected',
  scope: 'regional',
  operations: OPERATIONS,
  produces: ['AWS::Account'],
  async collect(ctx) {
    const part: RegionPart = { region: ctx.region, workloads: [] };
    try {
      const client = ctx.client(WellArchitectedClient);
      const listed = await ctx.pages('ListWorkloads', (NextToken, o) => client.send(new ListWorkloadsCommand({ NextToken, MaxResults: 50 }), o), (p) => p.NextToken, (p) => p.WorkloadSummaries);
      if (!listed.ok) part.failed = listed.reason;
      else part.workloads = await Promise.all([...listed.value].sort((a, b) => (a.WorkloadName ?? '').localeCompare(b.WorkloadName ?? '')).map((w) => workload(ctx, client, w)));
    } catch (error) {
      part.failed ??= 'collection_failed:wellarchitected:*';
      throw error;
    } finally {
      ctx.accountFacts({ WellArchitected: factPart(combineWorkloads, part) });
    }
  },
});

async function workload(ctx: Ctx, client: WellArchitectedClient, summary: WorkloadSummary): Promise<WorkloadPart> {
  const WorkloadId = summary.WorkloadId ?? '';
  const uid = summary.WorkloadArn ?? `arn:aws:wellarchitected:${ctx.region}:${ctx.account}:workload/${WorkloadId}`;
  const usesFramework = summary.Lenses === undefined || summary.Lenses.some((l) => l === FRAMEWORK_LENS || l.endsWith(`/${FRAMEWORK_LENS}`));
  const [milestones, review] = await Promise.all([
    ctx.pages('ListMilestones', (NextToken, o) => client.send(new ListMilestonesCommand({ WorkloadId, NextToken, MaxResults: 50 }), o), (p) => p.NextToken, (p) => p.MilestoneSummaries, { resource: uid }),
    usesFramework ? ctx.call('GetLensReview', (o) => client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: FRAMEWORK_LENS }), o), { resource: uid, absent: ['ResourceNotFoundException'] }) : undefined,
  ]);
  const value: Record<string, unknown> = { Id: WorkloadId, Name: summary.WorkloadName ?? WorkloadId, Region: ctx.region };
  const unknown: WorkloadPart['unknown'] = {};

  if (!milestones.ok) unknown.LastMilestone = milestones.reason;
  else {
    const newest = milestones.value.filter((m) => m.RecordedAt).sort((a, b) => (b.RecordedAt?.getTime() ?? 0) - (a.RecordedAt?.getTime() ?? 0))[0];
    value['LastMilestone'] = newest ? { Number: newest.MilestoneNumber ?? null, Name: newest.MilestoneName ?? null, RecordedAt: isoTime(newest.RecordedAt) } : null;
  }

  const lens = review?.ok && !review.absent ? review.value.LensReview : undefined;
  const risks = summary.RiskCounts ?? lens?.RiskCounts;
  if (risks) value['RiskCounts'] = Object.fromEntries(RISK_LEVELS.map((level) => [level, risks[level] ?? 0]));
  else if (review && !review.ok) unknown.RiskCounts = review.reason;
  else value['RiskCounts'] = null;

  if (review && !review.ok) unknown.PillarHighRisks = review.reason;
  else value['PillarHighRisks'] = lens ? Object.fromEntries((lens.PillarReviewSummaries ?? []).map((p) => [p.PillarId ?? '', p.RiskCounts?.HIGH ?? 0])) : null;
  return { value, unknown };
}
