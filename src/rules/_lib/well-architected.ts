/**
 * The Well-Architected Tool workloads recorded on an `AWS::Account` (docs/resource-model.md). The list itself comes
 * from ListWorkloads; milestones and risk counts come from one call per workload, so a failure there is kept per
 * workload (`milestoneUnknown`, `risksUnknown`) instead of hiding every workload.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { parseTime } from './dates.js';
import { isRecord } from './values.js';

export interface Workload {
  name: string;
  milestone?: { number: number | undefined; recordedAt: Date };
  riskCounts?: Record<string, number>;
  pillarHighRisks?: Record<string, number>;
  /** The reason the milestone, or the risk counts, could not be read. */
  milestoneUnknown?: string;
  risksUnknown?: string;
}

const LIST_PATHS = ['', '/WellArchitected', '/WellArchitected/Workloads'];

function counts(value: unknown): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** The account's workloads; undefined when the list was not collected. A list that could not be read throws. */
export function workloadsOf(ctx: RuleContext, account: Resource): Workload[] | undefined {
  if (account.unknown.some((m) => LIST_PATHS.includes(m.path))) ctx.get(account, '/WellArchitected/Workloads');
  const wa = account.properties['WellArchitected'];
  if (!isRecord(wa) || !Array.isArray(wa['Workloads'])) return undefined;
  return wa['Workloads'].map((w: unknown, i: number): Workload => {
    const record = isRecord(w) ? w : {};
    const at = (field: string) => ctx.unknownAt(account, `/WellArchitected/Workloads/${i}/${field}`)?.reason;
    const milestoneUnknown = at('LastMilestone');
    const risksUnknown = at('RiskCounts');
    const milestone = !milestoneUnknown && isRecord(record['LastMilestone']) ? record['LastMilestone'] : undefined;
    const recordedAt = parseTime(milestone?.['RecordedAt']);
    const riskCounts = risksUnknown ? undefined : counts(record['RiskCounts']);
    const pillarHighRisks = at('PillarHighRisks') ? undefined : counts(record['PillarHighRisks']);
    return {
      name: typeof record['Name'] === 'string' ? record['Name'] : typeof record['Id'] === 'string' ? record['Id'] : 'unnamed workload',
      ...(recordedAt ? { milestone: { number: typeof milestone?.['Number'] === 'number' ? milestone['Number'] : undefined, recordedAt } } : {}),
      ...(riskCounts ? { riskCounts } : {}),
      ...(pillarHighRisks ? { pillarHighRisks } : {}),
      ...(milestoneUnknown ? { milestoneUnknown } : {}),
      ...(risksUnknown ? { risksUnknown } : {}),
    };
  });
}
