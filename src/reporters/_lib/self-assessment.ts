import { STATUS_LABELS, type AssessedRequirement, type Assessment, type Finding, type RequirementStatus } from '../../core/index.js';
import { findingsById, isFailing, isUnknown, placeLabel, requirementFindings, resourceLabel, sortedFindings } from './findings.js';
import { cleanText, oneLine } from './text.js';

/**
 * The self-assessment spreadsheet as rows of plain text (CSV and XLSX write the same rows). Cells are cleaned of
 * control characters here; each writer adds its own escaping and the formula neutralisation (`spreadsheetCell`).
 */
export const SELF_ASSESSMENT_COLUMNS = ['ID', 'Section', 'Requirement', 'Status', 'How it is met', 'Evidence', 'Findings', 'Owner', 'Due', 'Notes'] as const;

export const FINDINGS_COLUMNS = ['Finding ID', 'Rule', 'Severity', 'Status', 'Resource', 'Account', 'Region', 'File:line', 'Message', 'Waiver reason'] as const;

export interface SheetRow {
  kind: 'requirement' | 'subquestion';
  /** The requirement's status, on requirement rows only (drives the XLSX fill). */
  status?: RequirementStatus;
  cells: string[];
}

const CLAIM_WORDS: Record<NonNullable<AssessedRequirement['attestation']>['claim'], string> = {
  met: 'Attested',
  alternative: 'Attested alternative',
  not_met: 'Attested as not met',
  not_applicable: 'Attested as not applicable',
};

function howItIsMet(requirement: AssessedRequirement): string {
  const lines: string[] = [];
  const att = requirement.attestation;
  if (att) {
    const expired = att.expired ? `, expired ${att.expires ?? ''}`.trimEnd() : '';
    lines.push(`${CLAIM_WORDS[att.claim]} (${att.attested}${expired}): ${oneLine(att.statement)}`);
  }
  const passed = requirement.gating.filter((g) => g.status === 'pass').map((g) => oneLine(g.title));
  if (passed.length > 0) lines.push(`Checks passed: ${passed.join('; ')}`);
  return lines.join('\n');
}

const EVIDENCE_STATE_NOTE: Record<AssessedRequirement['evidence'][number]['state'], string> = {
  ok: '',
  missing: ' [missing]',
  changed: ' [changed since attested]',
  unhashed: ' [no sha256 recorded]',
};

function evidence(requirement: AssessedRequirement): string {
  return requirement.evidence
    .map((e) => {
      const ref = oneLine(e.ref);
      const body =
        e.kind === 'file' ? `file: ${ref}${e.sha256 !== undefined ? ` (sha256 ${oneLine(e.sha256).slice(0, 12)}…)` : ''}` : e.kind === 'url' ? `link: ${ref}` : `${e.kind}: ${ref}`;
      const note = e.note !== undefined ? ` — ${oneLine(e.note)}` : '';
      return `${body}${EVIDENCE_STATE_NOTE[e.state]}${note}`;
    })
    .join('\n');
}

function findingsCell(findings: readonly Finding[]): string {
  const failing = findings.filter(isFailing);
  const unknown = findings.filter(isUnknown);
  const waived = findings.filter((f) => f.status === 'waived').length;
  const open = [...failing, ...unknown];
  if (open.length === 0) return waived > 0 ? `0 open (${waived} waived)` : '';
  const parts = [failing.length > 0 ? `${failing.length} failing` : '', unknown.length > 0 ? `${unknown.length} not evaluated` : '', waived > 0 ? `${waived} waived` : ''].filter(Boolean);
  const top = open.slice(0, 3).map((f) => oneLine(resourceLabel(f)));
  const more = open.length > 3 ? ', …' : '';
  return `${open.length} (${parts.join(', ')}): ${top.join(', ')}${more}`;
}

function owner(requirement: AssessedRequirement): string {
  const attested = requirement.attestation?.owner;
  const planned = requirement.plan?.owner;
  if (attested !== undefined && planned !== undefined && attested !== planned) return `${oneLine(attested)} (plan: ${oneLine(planned)})`;
  return oneLine(attested ?? planned ?? '');
}

function notes(requirement: AssessedRequirement): string {
  const lines = requirement.reasons.map((r) => oneLine(r.message));
  if (requirement.plan?.note !== undefined) lines.push(`Plan: ${oneLine(requirement.plan.note)}`);
  if (requirement.unconfirmed) lines.push('Not confirmed in the copy of this checklist version that the catalog was built from.');
  return lines.join('\n');
}

export function selfAssessmentRows(assessment: Assessment): SheetRow[] {
  const byId = findingsById(assessment);
  const rows: SheetRow[] = [];
  for (const requirement of assessment.requirements) {
    const section = oneLine(requirement.sectionTitle);
    rows.push({
      kind: 'requirement',
      status: requirement.status,
      cells: [
        oneLine(requirement.id),
        section,
        oneLine(requirement.title),
        STATUS_LABELS[requirement.status],
        howItIsMet(requirement),
        evidence(requirement),
        findingsCell(requirementFindings(byId, requirement.findings)),
        owner(requirement),
        oneLine(requirement.plan?.due ?? ''),
        notes(requirement),
      ],
    });
    for (const question of requirement.subQuestions) {
      rows.push({
        kind: 'subquestion',
        cells: [oneLine(question.id), section, oneLine(question.text), '', cleanText(question.answer ?? '').trim(), '', '', '', '', ''],
      });
    }
  }
  return rows;
}

/** One row per finding that is not a pass or not-applicable, worst first. */
export function findingRows(assessment: Assessment): string[][] {
  return sortedFindings(assessment.findings, (f) => f.status !== 'pass' && f.status !== 'not_applicable').map((f) => {
    const r = f.resource;
    const file = r.file !== undefined ? placeLabel(f) : '';
    return [f.id, f.ruleId, f.severity, f.status, resourceLabel(f), r.account ?? '', r.region ?? '', file, f.message, f.waiver?.reason ?? ''].map((cell, i) =>
      i === 8 ? cleanText(cell).trim() : oneLine(cell),
    );
  });
}

/** Key/value rows describing where the assessment came from (habit 12: every report shows its provenance). */
export function provenanceRows(assessment: Assessment): string[][] {
  const { checklist, scope, summary } = assessment;
  return [
    ['Product', oneLine(assessment.product.name ?? '')],
    ['Checklist', oneLine(checklist.title)],
    ['Version', `${oneLine(checklist.version)} (${oneLine(checklist.versionTitle)})`],
    ['Valid until', oneLine(checklist.validUntil)],
    ['Accepted until', `${oneLine(checklist.acceptedUntil)}${checklist.expired ? ' (expired: check AWS for a newer version)' : ''}`],
    ['Checklist URL', oneLine(checklist.url)],
    ['Generated at', oneLine(assessment.generatedAt)],
    ['Tool', `${oneLine(assessment.tool.name)} ${oneLine(assessment.tool.version)}`],
    ['Catalog sha256', oneLine(assessment.catalogHash)],
    ['Sources', scope.sources.join(', ')],
    ['Accounts', scope.accounts.map(oneLine).join(', ')],
    ['Regions', scope.regions.map(oneLine).join(', ')],
    ['Files', scope.files.map(oneLine).join('\n')],
    ['Snapshots', scope.snapshots.map((s) => `${oneLine(s.path)} (${oneLine(s.collectedAt)}, sha256 ${oneLine(s.sha256).slice(0, 12)}…)`).join('\n')],
    ...(Object.keys(STATUS_LABELS) as RequirementStatus[]).map((status) => [STATUS_LABELS[status], String(summary[status])]),
  ];
}

// OWASP's list of characters that make a spreadsheet treat a cell as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/** A cell that no spreadsheet will read as a formula (`'` prefix), within Excel's size limit. */
export function spreadsheetCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  if (safe.length <= MAX_CELL_CHARS) return safe;
  let cut = MAX_CELL_CHARS - 1;
  if (/[\ud800-\udbff]/.test(safe.charAt(cut - 1))) cut -= 1;
  return `${safe.slice(0, cut)}…`;
}
