/**
 * One folder per requirement: `status.md` (status, reasons, checks, expected evidence, plan), `findings.csv` (every
 * finding of its checks, passes included, with resource ids, Regions and collection time), `attestation.md` (the
 * attestation from ftr.yaml and its evidence) and `evidence/` (copies of the evidence files).
 */
import { strToU8 } from 'fflate';
import { STATUS_LABELS, type AssessedRequirement, type Assessment, type Finding } from '../../core/index.js';
import { compareFindings } from '../_lib/findings.js';
import { mdCode, mdText } from '../_lib/markdown-escape.js';
import { cleanText } from '../_lib/text.js';
import { csvTable } from './csv.js';
import { baseName, safeSegment, slug, uniqueName } from './paths.js';
import type { PackEntry } from './zip.js';

export interface RequirementFolder {
  dir: string;
  entries: PackEntry[];
  /** Evidence files named in ftr.yaml that were not available to copy. */
  missing: string[];
}

export interface FolderContext {
  assessment: Assessment;
  findings: readonly Finding[];
  /** Evidence file bytes by the reference ftr.yaml gives (as in the assessment); undefined = not readable. */
  evidenceFiles: ReadonlyMap<string, Uint8Array | undefined>;
  /** When each resource was collected (finding.observedAt wins; else its snapshot's time). */
  collectedAt: (uid: string) => string;
}

const FINDING_COLUMNS = ['Finding ID', 'Rule', 'Decides the status', 'Severity', 'Status', 'Resource id', 'Type', 'Name', 'Account', 'Region', 'Source', 'File:line', 'Message', 'Waiver reason', 'Collected at'] as const;

export function requirementDir(requirement: AssessedRequirement, index: number): string {
  return `requirements/${String(index + 1).padStart(2, '0')}-${safeSegment(requirement.id, 'requirement', 20)}-${slug(requirement.title, 50)}`;
}

function findingsCsv(requirement: AssessedRequirement, findings: readonly Finding[], context: FolderContext): string {
  const gating = new Set(requirement.gating.map((g) => g.ruleId));
  return csvTable(
    FINDING_COLUMNS,
    findings.map((f) => {
      const r = f.resource;
      return [
        f.id,
        f.ruleId,
        gating.has(f.ruleId) ? 'yes' : 'no (informs)',
        f.severity,
        f.status,
        r.uid,
        r.type,
        r.name ?? '',
        r.account ?? '',
        r.region ?? '',
        r.source,
        r.file !== undefined ? `${r.file}${r.line !== undefined ? `:${r.line}` : ''}` : '',
        f.message,
        f.waiver?.reason ?? '',
        f.observedAt ?? context.collectedAt(r.uid),
      ];
    }),
  );
}

function statusMd(requirement: AssessedRequirement, findings: readonly Finding[], context: FolderContext): string {
  const { assessment } = context;
  const count = (status: Finding['status']) => findings.filter((f) => f.status === status).length;
  const out = [
    `# ${mdText(requirement.id)}: ${mdText(requirement.title)}`,
    '',
    `${mdText(assessment.checklist.title)} ${mdText(assessment.checklist.version)} · ${mdText(requirement.sectionTitle)} · evidenced by ${requirement.evidencedBy}`,
    '',
    `**Status: ${STATUS_LABELS[requirement.status]}**`,
    '',
  ];
  if (requirement.reasons.length > 0) out.push(...requirement.reasons.map((r) => `- ${mdText(r.message)} (${mdCode(r.code)})`), '');
  out.push('## What the requirement asks', '', mdText(requirement.summary), '');
  const checks = [...requirement.gating.map((g) => ({ ...g, decides: 'yes' })), ...requirement.informing.map((g) => ({ ...g, decides: 'informs' }))];
  if (checks.length > 0) {
    out.push('## Checks', '', '| Check | Decides the status | Result | Basis |', '| --- | --- | --- | --- |');
    for (const c of checks) out.push(`| ${mdCode(c.ruleId)}: ${mdText(c.title)} | ${c.decides} | ${c.status} | ${mdText(c.basis)} |`);
    out.push('');
  }
  out.push(
    '## Findings',
    '',
    findings.length === 0
      ? 'No findings: no check of this requirement produced an outcome on a resource.'
      : `${findings.length} finding(s): ${count('fail')} failing, ${count('pass')} passing, ${count('waived')} waived, ${count('unknown') + count('error')} not evaluated, ${count('not_applicable')} not applicable. Every one is in \`findings.csv\`.`,
    '',
  );
  if (requirement.expectedEvidence.length > 0) {
    out.push('## Evidence the reviewer expects', '', '| Piece | Kind | Covered by the attestation |', '| --- | --- | --- |');
    for (const p of requirement.expectedEvidence) out.push(`| ${mdCode(p.id)}: ${mdText(p.description)} | ${mdText(p.kind)} | ${p.covered ? 'yes' : 'no'} |`);
    out.push('');
  }
  if (requirement.subQuestions.length > 0) {
    out.push('## Sub-questions', '');
    for (const q of requirement.subQuestions) out.push(`- **${mdText(q.id)}** ${mdText(q.text)}${q.answer !== undefined ? `\n  - ${mdText(q.answer)}` : ' (not answered)'}`);
    out.push('');
  }
  if (requirement.plan) {
    const p = requirement.plan;
    out.push('## Remediation plan', '', `Owner: ${mdText(p.owner ?? 'none')} · due: ${mdText(p.due ?? 'none')}${p.note !== undefined ? ` · ${mdText(p.note)}` : ''}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

interface CopiedEvidence {
  ref: string;
  path?: string;
}

function attestationMd(requirement: AssessedRequirement, copies: readonly CopiedEvidence[]): string {
  const att = requirement.attestation;
  const out = [`# Attestation: ${mdText(requirement.id)}`, ''];
  if (!att) {
    out.push('No attestation for this requirement in ftr.yaml.');
    return `${out.join('\n')}\n`;
  }
  const expiry = att.expires !== undefined ? `${mdText(att.expires)}${att.expired ? ' (**expired**)' : ''}` : 'none given';
  const where = `${att.file}${att.line !== undefined ? `:${att.line}` : ''}`;
  out.push(
    `Claim: **${att.claim.replace('_', ' ')}** · owner: ${mdText(att.owner)} · attested: ${mdText(att.attested)} · expires: ${expiry}`,
    '',
    `Recorded in ${mdCode(where)}.`,
    '',
    '## Statement',
    '',
    ...cleanText(att.statement)
      .split('\n')
      .map((line) => `> ${mdText(line)}`),
    '',
  );
  if (requirement.evidence.length > 0) {
    out.push('## Evidence', '', '| Kind | Reference | Covers | State | sha256 when attested | In this pack |', '| --- | --- | --- | --- | --- | --- |');
    for (const e of requirement.evidence) {
      const copy = e.kind === 'file' ? copies.find((c) => c.ref === e.ref) : undefined;
      const inPack = e.kind !== 'file' ? '' : copy?.path !== undefined ? mdCode(copy.path) : 'not included: the file could not be read';
      out.push(`| ${e.kind} | ${mdCode(e.ref)} | ${e.covers.map(mdCode).join(', ')} | ${e.state} | ${e.sha256 !== undefined ? mdCode(e.sha256) : ''} | ${inPack} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function requirementFolder(requirement: AssessedRequirement, index: number, context: FolderContext): RequirementFolder {
  const dir = requirementDir(requirement, index);
  const key = `${requirement.checklist}:${requirement.id}`;
  const findings = context.findings.filter((f) => f.requirementIds.includes(key)).sort(compareFindings);
  const used = new Set<string>();
  const copies: CopiedEvidence[] = [];
  const evidenceEntries: PackEntry[] = [];
  const missing: string[] = [];
  for (const e of requirement.evidence) {
    if (e.kind !== 'file' || copies.some((c) => c.ref === e.ref)) continue;
    const bytes = context.evidenceFiles.get(e.ref);
    if (bytes === undefined) {
      copies.push({ ref: e.ref });
      missing.push(e.ref);
      continue;
    }
    const path = `evidence/${uniqueName(safeSegment(baseName(e.ref), 'evidence'), used)}`;
    copies.push({ ref: e.ref, path });
    evidenceEntries.push({ path: `${dir}/${path}`, bytes });
  }
  return {
    dir,
    entries: [
      { path: `${dir}/status.md`, bytes: strToU8(statusMd(requirement, findings, context)) },
      { path: `${dir}/findings.csv`, bytes: strToU8(findingsCsv(requirement, findings, context)) },
      { path: `${dir}/attestation.md`, bytes: strToU8(attestationMd(requirement, copies)) },
      ...evidenceEntries,
    ],
    missing,
  };
}
