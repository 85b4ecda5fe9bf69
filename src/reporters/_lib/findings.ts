import { severityRank, type Assessment, type Finding } from '../../core/index.js';

/** Findings that still need work: failures not waived, and what could not be evaluated. */
export function isOpen(finding: Finding): boolean {
  return finding.status === 'fail' || finding.status === 'unknown' || finding.status === 'error';
}

export function isFailing(finding: Finding): boolean {
  return finding.status === 'fail';
}

export function isUnknown(finding: Finding): boolean {
  return finding.status === 'unknown' || finding.status === 'error';
}

const STATUS_ORDER: Record<Finding['status'], number> = { fail: 0, error: 1, unknown: 2, waived: 3, not_applicable: 4, pass: 5 };

/** Worst first: severity, then failures before unknowns, then rule, place and id, so every report lists them alike. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource.file ?? '', b.resource.file ?? '') ||
    (a.resource.line ?? 0) - (b.resource.line ?? 0) ||
    compareText(resourceLabel(a), resourceLabel(b)) ||
    compareText(a.id, b.id)
  );
}

/** Plain code-unit order: stable across locales, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedFindings(findings: readonly Finding[], keep: (f: Finding) => boolean = () => true): Finding[] {
  return findings.filter(keep).sort(compareFindings);
}

/** The name people know a resource by (raw: callers escape it for their format). */
export function resourceLabel(finding: Finding): string {
  const r = finding.resource;
  return r.name ?? r.logicalId ?? r.address ?? r.uid;
}

/** `file:line` for code, or account/region for live resources (raw). */
export function placeLabel(finding: Finding): string {
  const r = finding.resource;
  if (r.file !== undefined) return r.line !== undefined ? `${r.file}:${r.line}` : r.file;
  return [r.account, r.region].filter((p) => p !== undefined && p !== '').join('/');
}

export function findingsById(assessment: Assessment): Map<string, Finding> {
  return new Map(assessment.findings.map((f) => [f.id, f]));
}

/** A requirement's own findings, worst first. */
export function requirementFindings(byId: ReadonlyMap<string, Finding>, ids: readonly string[]): Finding[] {
  return ids.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined).sort(compareFindings);
}

export interface DeniedAction {
  action: string;
  service: string;
  /** Collection records (account × region) where the action was denied. */
  places: number;
  /** Denied calls, summed over those records. */
  calls: number;
  accounts: string[];
}

/** IAM actions the scan was denied, deduplicated, most places first. */
export function deniedActions(assessment: Assessment): DeniedAction[] {
  const byAction = new Map<string, DeniedAction>();
  for (const record of assessment.collection) {
    if (record.outcome !== 'access_denied') continue;
    const entry = byAction.get(record.action) ?? { action: record.action, service: record.service, places: 0, calls: 0, accounts: [] };
    entry.places += 1;
    entry.calls += record.calls['access_denied'] ?? 0;
    if (record.account !== undefined && !entry.accounts.includes(record.account)) entry.accounts.push(record.account);
    byAction.set(record.action, entry);
  }
  return [...byAction.values()].sort((a, b) => b.places - a.places || compareText(a.action, b.action));
}

/** Waivers that matched at least one finding, then the rest (unused or expired ones are worth a look too). */
export function waiversInOrder(assessment: Assessment): Assessment['waivers'] {
  return [...assessment.waivers].sort((a, b) => Number(b.applied > 0) - Number(a.applied > 0) || compareText(a.rule, b.rule) || compareText(a.resource, b.resource));
}
