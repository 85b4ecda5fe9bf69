// The Well-Architected collector against the proxy's stand-ins (moto has no Well-Architected Tool): workloads of every
// Region joined into one account fact, with their newest milestone, risk counts and high risks per pillar; every page;
// each operation denied; a Region without the service; throttling.
import type { LensReview, MilestoneSummary, WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import wellarchitected from '../../../src/collectors/wellarchitected.js';
import { startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, expectFailedRecord, expectUnknown, marks, record, statuses } from './governance-helpers.js';
import { scanWith } from './scan-helpers.js';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const REGIONS = { regions: ['us-east-1', 'eu-west-1'] };
const RULES = ['wellarchitected-high-risks', 'wellarchitected-milestone-recent'];
const DAY = 86_400_000;
const RECENT = new Date(Date.now() - 30 * DAY);
const OLD = new Date(Date.now() - 400 * DAY);

const workload = (id: string, name: string, lenses: string[], risks: WorkloadSummary['RiskCounts']): WorkloadSummary => ({ WorkloadId: id, WorkloadName: name, Lenses: lenses, RiskCounts: risks, UpdatedAt: RECENT });
const milestone = (n: number, at: Date): MilestoneSummary => ({ MilestoneNumber: n, MilestoneName: `m${n}`, RecordedAt: at });
const REVIEW: LensReview = {
  LensAlias: 'wellarchitected',
  PillarReviewSummaries: [
    { PillarId: 'operationalExcellence', RiskCounts: { HIGH: 0, MEDIUM: 2 } },
    { PillarId: 'security', RiskCounts: { HIGH: 1 } },
    { PillarId: 'reliability', RiskCounts: { HIGH: 1, MEDIUM: 3 } },
  ],
};

/** `platform` in us-east-1 (framework lens, 2 high risks, milestones 400 and 30 days old); `data` in eu-west-1. */
function seedWorkloads(): void {
  const east = h.proxy.state.account().region('us-east-1');
  east.wellArchitectedWorkloads = [workload('wl-1', 'platform', ['wellarchitected'], { HIGH: 2, MEDIUM: 5, NONE: 40 })];
  east.wellArchitectedMilestones['wl-1'] = [milestone(1, OLD), milestone(2, RECENT)];
  east.wellArchitectedLensReviews['wl-1/wellarchitected'] = REVIEW;
  h.proxy.state.account().region('eu-west-1').wellArchitectedWorkloads = [workload('wl-2', 'data', ['serverless'], { NONE: 12 })];
}

describe('wellarchitected collector', () => {
  it('joins the workloads of every Region into one account fact', async () => {
    seedWorkloads();
    const snapshot = await scanWith(h, [wellarchitected], REGIONS);
    expect(account(snapshot).unknown).toEqual([]);
    expect(account(snapshot).properties['WellArchitected']).toEqual({
      Workloads: [
        { Id: 'wl-2', Name: 'data', Region: 'eu-west-1', LastMilestone: null, RiskCounts: { HIGH: 0, MEDIUM: 0, NONE: 12, NOT_APPLICABLE: 0, UNANSWERED: 0 }, PillarHighRisks: null },
        {
          Id: 'wl-1',
          Name: 'platform',
          Region: 'us-east-1',
          LastMilestone: { Number: 2, Name: 'm2', RecordedAt: RECENT.toISOString() },
          RiskCounts: { HIGH: 2, MEDIUM: 5, NONE: 40, NOT_APPLICABLE: 0, UNANSWERED: 0 },
          PillarHighRisks: { operationalExcellence: 0, security: 1, reliability: 1 },
        },
      ],
    });
    // The serverless-only workload has no Well-Architected Framework lens review to read.
    expect(h.proxy.callsTo('wellarchitected', 'GetLensReview').map((c) => c.region)).toEqual(['us-east-1']);
    expect(statuses(snapshot, RULES)).toEqual({ 'wellarchitected-high-risks': 'fail', 'wellarchitected-milestone-recent': 'pass' });
  });

  it('no workload anywhere', async () => {
    const snapshot = await scanWith(h, [wellarchitected], REGIONS);
    expect(account(snapshot).properties['WellArchitected']).toEqual({ Workloads: [] });
    expect(statuses(snapshot, RULES)).toEqual({ 'wellarchitected-high-risks': 'not_applicable', 'wellarchitected-milestone-recent': 'fail' });
  });

  it('follows every page of workloads and milestones', async () => {
    seedWorkloads();
    const east = h.proxy.state.account().region('us-east-1');
    east.wellArchitectedWorkloads.push(workload('wl-3', 'zeta', ['wellarchitected'], { HIGH: 0 }));
    east.wellArchitectedMilestones['wl-1']?.push(milestone(3, new Date(RECENT.getTime() + DAY)));
    h.proxy.paginate({ service: 'wellarchitected', operation: 'ListWorkloads' }, { pageSize: 1 });
    h.proxy.paginate({ service: 'wellarchitected', operation: 'ListMilestones' }, { pageSize: 1, spec: { format: 'json', lists: ['MilestoneSummaries'], token: 'NextToken' } });
    const snapshot = await scanWith(h, [wellarchitected], REGIONS);
    const workloads = (account(snapshot).properties['WellArchitected'] as { Workloads: Array<Record<string, unknown>> }).Workloads;
    expect(workloads.map((w) => w['Name'])).toEqual(['data', 'platform', 'zeta']);
    expect(workloads[1]?.['LastMilestone']).toMatchObject({ Number: 3 });
    for (const operation of ['ListWorkloads', 'ListMilestones']) expect(h.proxy.callsTo('wellarchitected', operation).some((c) => c.answeredBy === 'page'), operation).toBe(true);
  });

  it('denied ListWorkloads in one Region: the whole list is unknown', async () => {
    seedWorkloads();
    h.proxy.fault({ service: 'wellarchitected', operation: 'ListWorkloads', region: 'eu-west-1' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [wellarchitected], REGIONS);
    expectFailedRecord(snapshot, 'wellarchitected:ListWorkloads', 'access_denied', { region: 'eu-west-1' });
    expect(record(snapshot, 'wellarchitected:ListWorkloads', 'us-east-1').outcome).toBe('ok');
    expect(marks(account(snapshot))).toEqual({ '/WellArchitected': 'collection_failed:wellarchitected:ListWorkloads' });
    expectUnknown(snapshot, RULES, 'ListWorkloads denied');
  });

  it('denied ListMilestones or GetLensReview: marked on the workload only', async () => {
    seedWorkloads();
    h.proxy.fault({ service: 'wellarchitected', operation: 'ListMilestones' }, { kind: 'access_denied' });
    h.proxy.fault({ service: 'wellarchitected', operation: 'GetLensReview' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [wellarchitected], { regions: ['us-east-1'] });
    expectFailedRecord(snapshot, 'wellarchitected:ListMilestones', 'access_denied', { affected: ['arn:aws:wellarchitected:us-east-1:123456789012:workload/wl-1'] });
    expectFailedRecord(snapshot, 'wellarchitected:GetLensReview', 'access_denied');
    expect(marks(account(snapshot))).toEqual({
      '/WellArchitected/Workloads/0/LastMilestone': 'collection_failed:wellarchitected:ListMilestones',
      '/WellArchitected/Workloads/0/PillarHighRisks': 'collection_failed:wellarchitected:GetLensReview',
    });
    // The risk counts come with the workload list: high risks are still judged.
    expect(statuses(snapshot, ['wellarchitected-high-risks'])).toEqual({ 'wellarchitected-high-risks': 'fail' });
    expectUnknown(snapshot, ['wellarchitected-milestone-recent'], 'ListMilestones denied');
  });

  it('a Region without the service (unsupported) leaves the list unknown, never empty', async () => {
    seedWorkloads();
    h.proxy.fault({ service: 'wellarchitected', operation: 'ListWorkloads', region: 'eu-west-1' }, { kind: 'error', code: 'UnknownOperationException', status: 400 });
    const snapshot = await scanWith(h, [wellarchitected], REGIONS);
    expectFailedRecord(snapshot, 'wellarchitected:ListWorkloads', 'unsupported', { region: 'eu-west-1' });
    expect(marks(account(snapshot))).toEqual({ '/WellArchitected': 'collection_failed:wellarchitected:ListWorkloads' });
    expectUnknown(snapshot, RULES, 'unsupported in eu-west-1');
  });

  it('persistent throttling: recorded, the rules unknown', async () => {
    seedWorkloads();
    h.proxy.fault({ service: 'wellarchitected', operation: 'ListWorkloads' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [wellarchitected], { maxAttempts: 2 });
    expectFailedRecord(snapshot, 'wellarchitected:ListWorkloads', 'throttled');
    expectUnknown(snapshot, RULES, 'throttled');
  });
});
