/**
 * What changed between two assessments (`ftr diff old.json new.json`): findings fixed, regressed and new,
 * requirement status changes, attestations that expired in between, a changed checklist version or catalog, and scope
 * changes. Pure: two assessments in, a diff out; diff/terminal.ts and diff/markdown.ts render it.
 *
 * Findings are compared per (rule, resource), not per finding id: a rule's passing outcome on a resource and its
 * failing one can carry different property paths, hence different ids, yet they are the same check on the same thing.
 */
import { REQUIREMENT_STATUSES, severityRank, type Assessment, type Finding, type FindingStatus, type RequirementStatus, type Severity, type StatusSummary } from '../../core/index.js';
import { compareText } from '../_lib/findings.js';

export const DIFF_SCHEMA_VERSION = 1;

export interface FindingChange {
  ruleId: string;
  severity: Severity;
  resource: Finding['resource'];
  from: FindingStatus | null;
  to: FindingStatus | null;
  /** The newer message when there is one, else the older. */
  message: string;
  findingIds: string[];
}

export type Direction = 'better' | 'worse' | 'changed' | 'added' | 'removed';

export interface RequirementChange {
  id: string;
  checklist: string;
  title: string;
  from: RequirementStatus | null;
  to: RequirementStatus | null;
  direction: Direction;
  /** The newer reasons (older ones for a removed requirement). */
  reasons: string[];
}

export interface ExpiredAttestation {
  id: string;
  title: string;
  owner: string;
  expires?: string;
}

export interface ListChange {
  added: string[];
  removed: string[];
}

interface Side {
  generatedAt: string;
  tool: { name: string; version: string };
  checklist: { id: string; version: string };
  catalogHash: string;
  summary: StatusSummary;
}

export interface AssessmentDiff {
  kind: 'ftr-ready/assessment-diff';
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  old: Side;
  new: Side;
  checklist: { changed: boolean; idChanged: boolean; versionChanged: boolean; catalogChanged: boolean };
  scope: { accounts: ListChange; regions: ListChange; sources: ListChange; files: ListChange; changed: boolean };
  requirements: RequirementChange[];
  findings: {
    fixed: FindingChange[];
    regressed: FindingChange[];
    new: FindingChange[];
    waived: FindingChange[];
    nowUnknown: FindingChange[];
    stillFailing: number;
  };
  attestationsExpired: ExpiredAttestation[];
  /** Findings regressed plus requirements that got worse: what `--fail-on-regression` gates on. */
  regressions: number;
}

// Which of several outcomes of one rule on one resource tells the most.
const WORST: Record<FindingStatus, number> = { fail: 5, error: 4, unknown: 3, waived: 2, pass: 1, not_applicable: 0 };
// Requirement statuses from best to worst (compliant and not applicable are equally done).
const STATUS_RANK: Record<RequirementStatus, number> = { compliant: 0, not_applicable: 0, partially_compliant: 1, unknown: 2, non_compliant: 3 };

const isOk = (s: FindingStatus | null) => s === 'pass' || s === 'not_applicable';
const isOpen = (s: FindingStatus | null) => s === 'fail' || s === 'unknown' || s === 'error';
const wasEvaluated = (s: FindingStatus | null) => s === 'pass' || s === 'not_applicable' || s === 'fail' || s === 'waived';

interface Pair {
  worst: Finding;
  ids: string[];
}

function pairs(findings: readonly Finding[]): Map<string, Pair> {
  const byKey = new Map<string, Pair>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.resource.uid}`;
    const pair = byKey.get(key);
    if (!pair) byKey.set(key, { worst: f, ids: [f.id] });
    else {
      pair.ids.push(f.id);
      if (WORST[f.status] > WORST[pair.worst.status]) pair.worst = f;
    }
  }
  return byKey;
}

function listChange(before: readonly string[], after: readonly string[]): ListChange {
  const a = new Set(before);
  const b = new Set(after);
  return { added: [...b].filter((x) => !a.has(x)).sort(compareText), removed: [...a].filter((x) => !b.has(x)).sort(compareText) };
}

function side(a: Assessment): Side {
  return { generatedAt: a.generatedAt, tool: a.tool, checklist: { id: a.checklist.id, version: a.checklist.version }, catalogHash: a.catalogHash, summary: a.summary };
}

function compareChanges(a: FindingChange, b: FindingChange): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareText(a.ruleId, b.ruleId) || compareText(a.resource.uid, b.resource.uid);
}

function findingChanges(before: readonly Finding[], after: readonly Finding[]): AssessmentDiff['findings'] {
  const old = pairs(before);
  const now = pairs(after);
  const result: AssessmentDiff['findings'] = { fixed: [], regressed: [], new: [], waived: [], nowUnknown: [], stillFailing: 0 };
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const o = old.get(key);
    const n = now.get(key);
    const from = o?.worst.status ?? null;
    const to = n?.worst.status ?? null;
    const subject = (n ?? o)!.worst;
    const change: FindingChange = { ruleId: subject.ruleId, severity: subject.severity, resource: subject.resource, from, to, message: subject.message, findingIds: (n ?? o)!.ids };
    if (isOpen(from) && (to === null || isOk(to))) result.fixed.push({ ...change, message: o!.worst.message });
    else if ((isOk(from) || from === 'waived') && to === 'fail') result.regressed.push(change);
    else if (from === null && to === 'fail') result.new.push(change);
    else if (isOpen(from) && to === 'waived') result.waived.push(change);
    else if (wasEvaluated(from) && (to === 'unknown' || to === 'error')) result.nowUnknown.push(change);
    else if (from === 'fail' && to === 'fail') result.stillFailing++;
  }
  for (const list of [result.fixed, result.regressed, result.new, result.waived, result.nowUnknown]) list.sort(compareChanges);
  return result;
}

function direction(from: RequirementStatus | null, to: RequirementStatus | null): Direction {
  if (from === null) return 'added';
  if (to === null) return 'removed';
  const delta = STATUS_RANK[to] - STATUS_RANK[from];
  return delta < 0 ? 'better' : delta > 0 ? 'worse' : 'changed';
}

function requirementChanges(before: Assessment, after: Assessment): RequirementChange[] {
  const key = (r: { checklist: string; id: string }) => `${r.checklist}:${r.id}`;
  const old = new Map(before.requirements.map((r) => [key(r), r]));
  const changes: RequirementChange[] = [];
  for (const r of after.requirements) {
    const o = old.get(key(r));
    if (o?.status === r.status) continue;
    changes.push({ id: r.id, checklist: r.checklist, title: r.title, from: o?.status ?? null, to: r.status, direction: direction(o?.status ?? null, r.status), reasons: r.reasons.map((x) => x.message) });
  }
  const now = new Set(after.requirements.map(key));
  for (const o of before.requirements) {
    if (!now.has(key(o))) changes.push({ id: o.id, checklist: o.checklist, title: o.title, from: o.status, to: null, direction: 'removed', reasons: o.reasons.map((x) => x.message) });
  }
  const order = ['worse', 'better', 'changed', 'added', 'removed'];
  return changes.sort((a, b) => order.indexOf(a.direction) - order.indexOf(b.direction) || compareText(a.id, b.id));
}

function expiredAttestations(before: Assessment, after: Assessment): ExpiredAttestation[] {
  const old = new Map(before.requirements.map((r) => [`${r.checklist}:${r.id}`, r]));
  return after.requirements
    .filter((r) => r.attestation?.expired === true && old.get(`${r.checklist}:${r.id}`)?.attestation?.expired !== true)
    .map((r) => ({ id: r.id, title: r.title, owner: r.attestation!.owner, ...(r.attestation!.expires !== undefined ? { expires: r.attestation!.expires } : {}) }));
}

export function diffAssessments(before: Assessment, after: Assessment): AssessmentDiff {
  const scope = {
    accounts: listChange(before.scope.accounts, after.scope.accounts),
    regions: listChange(before.scope.regions, after.scope.regions),
    sources: listChange(before.scope.sources, after.scope.sources),
    files: listChange(before.scope.files, after.scope.files),
  };
  const idChanged = before.checklist.id !== after.checklist.id;
  const versionChanged = before.checklist.version !== after.checklist.version;
  const catalogChanged = before.catalogHash !== after.catalogHash;
  const findings = findingChanges(before.findings, after.findings);
  const requirements = requirementChanges(before, after);
  return {
    kind: 'ftr-ready/assessment-diff',
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: side(before),
    new: side(after),
    checklist: { changed: idChanged || versionChanged || catalogChanged, idChanged, versionChanged, catalogChanged },
    scope: { ...scope, changed: Object.values(scope).some((c) => c.added.length > 0 || c.removed.length > 0) },
    requirements,
    findings,
    attestationsExpired: expiredAttestations(before, after),
    regressions: findings.regressed.length + requirements.filter((r) => r.direction === 'worse').length,
  };
}

export function renderDiffJson(diff: AssessmentDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

/** Per status, new count minus old. */
export function summaryDelta(diff: AssessmentDiff): Array<{ status: RequirementStatus; old: number; new: number; delta: number }> {
  return REQUIREMENT_STATUSES.map((status) => ({ status, old: diff.old.summary[status], new: diff.new.summary[status], delta: diff.new.summary[status] - diff.old.summary[status] }));
}
