/**
 * The Well-Architected Tool workloads recorded on `AWS::Account` resources (docs/resource-model.md), read for the
 * WAFR route of `ftr pathway`. A value the scan could not read stays unknown, with the reason from the resource's
 * unknown marks; a workload list that was never collected is `seen: false`.
 */
import type { Resource } from '../../core/index.js';

export interface WorkloadFacts {
  account: string;
  id: string;
  name: string;
  /** undefined: the milestone could not be read; null: the workload has none. */
  lastMilestone: { number?: number; recordedAt: string } | null | undefined;
  /** HIGH risks per pillar; undefined when not collected. */
  pillarHighRisks: Record<string, number> | undefined;
  milestoneUnknown?: string;
  risksUnknown?: string;
}

export interface WellArchitectedView {
  /** Whether any scanned account's workload list was read. */
  seen: boolean;
  workloads: WorkloadFacts[];
  /** Why the list could not be read, per account (from unknown marks). */
  unreadable: Array<{ account: string; reason: string }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numbers(value: unknown): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

function markAt(account: Resource, path: string): string | undefined {
  return account.unknown.find((m) => m.path === path)?.reason;
}

export function wellArchitectedView(resources: readonly Resource[]): WellArchitectedView {
  const view: WellArchitectedView = { seen: false, workloads: [], unreadable: [] };
  for (const account of resources.filter((r) => r.type === 'AWS::Account')) {
    const id = account.account ?? account.physicalId ?? account.uid;
    const listUnknown = markAt(account, '/WellArchitected') ?? markAt(account, '/WellArchitected/Workloads') ?? markAt(account, '');
    const wa = account.properties['WellArchitected'];
    if (listUnknown !== undefined) {
      view.unreadable.push({ account: id, reason: listUnknown });
      continue;
    }
    if (!isRecord(wa) || !Array.isArray(wa['Workloads'])) continue;
    view.seen = true;
    wa['Workloads'].forEach((raw: unknown, i: number) => {
      const w = isRecord(raw) ? raw : {};
      const base = `/WellArchitected/Workloads/${i}`;
      const milestoneUnknown = markAt(account, `${base}/LastMilestone`);
      const risksUnknown = markAt(account, `${base}/PillarHighRisks`) ?? markAt(account, `${base}/RiskCounts`);
      const milestone = w['LastMilestone'];
      let lastMilestone: WorkloadFacts['lastMilestone'];
      if (milestoneUnknown === undefined) {
        if (milestone === null) lastMilestone = null;
        else if (isRecord(milestone) && typeof milestone['RecordedAt'] === 'string') {
          lastMilestone = { recordedAt: milestone['RecordedAt'], ...(typeof milestone['Number'] === 'number' ? { number: milestone['Number'] } : {}) };
        }
      }
      view.workloads.push({
        account: id,
        id: typeof w['Id'] === 'string' ? w['Id'] : `#${i}`,
        name: typeof w['Name'] === 'string' ? w['Name'] : typeof w['Id'] === 'string' ? w['Id'] : `workload ${i + 1}`,
        lastMilestone,
        pillarHighRisks: risksUnknown === undefined ? numbers(w['PillarHighRisks']) : undefined,
        ...(milestoneUnknown !== undefined ? { milestoneUnknown } : {}),
        ...(risksUnknown !== undefined ? { risksUnknown } : {}),
      });
    });
  }
  return view;
}

/**
 * The workload the review is about: the one ftr.yaml names (wafr.workloadId, by id or name), else the only one, else
 * the most recently reviewed. `note` says which rule picked it.
 */
export function chooseWorkload(view: WellArchitectedView, named: string | undefined): { workload?: WorkloadFacts; note?: string } {
  if (named !== undefined) {
    const match = view.workloads.find((w) => w.id === named || w.name === named);
    return match ? { workload: match } : { note: `ftr.yaml names workload ${named}, which no scanned account has` };
  }
  if (view.workloads.length === 0) return {};
  if (view.workloads.length === 1) return { workload: view.workloads[0]! };
  const latest = [...view.workloads].sort((a, b) => (b.lastMilestone?.recordedAt ?? '').localeCompare(a.lastMilestone?.recordedAt ?? '') || a.id.localeCompare(b.id))[0]!;
  return { workload: latest, note: `ftr.yaml names no wafr.workloadId; using ${latest.name}, the most recently reviewed of ${view.workloads.length} workloads` };
}
