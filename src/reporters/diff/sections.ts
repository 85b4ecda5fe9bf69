import type { AssessmentDiff, FindingChange } from './compare.js';

/** The finding lists a diff shows, in the order a reader cares about them. */
export interface ChangeSection {
  key: keyof Omit<AssessmentDiff['findings'], 'stillFailing'>;
  title: string;
  /** What the section means, in one line. */
  note: string;
}

export const CHANGE_SECTIONS: readonly ChangeSection[] = [
  { key: 'regressed', title: 'Regressed', note: 'passing (or waived) before, failing now' },
  { key: 'new', title: 'New failures', note: 'failing checks on resources or rules the old run did not have' },
  { key: 'fixed', title: 'Fixed', note: 'failing or not evaluated before; passing, not applicable or gone now' },
  { key: 'waived', title: 'Newly waived', note: 'failing before, waived now' },
  { key: 'nowUnknown', title: 'No longer evaluated', note: 'evaluated before (passing, failing or waived), unknown now: a permission or an input went missing?' },
];

export function changesOf(diff: AssessmentDiff, section: ChangeSection): FindingChange[] {
  return diff.findings[section.key];
}

/** A resource's short name (raw: callers escape it). */
export function resourceName(change: FindingChange): string {
  const r = change.resource;
  return r.name ?? r.logicalId ?? r.address ?? r.uid;
}

export function place(change: FindingChange): string {
  const r = change.resource;
  if (r.file !== undefined) return r.line !== undefined ? `${r.file}:${r.line}` : r.file;
  return [r.account, r.region].filter((p) => p !== undefined && p !== '').join('/');
}

export function statusWord(status: string | null): string {
  return status === null ? '(none)' : status;
}
