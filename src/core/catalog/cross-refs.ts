import type { Problem } from '../problems/problem.js';
import type { ParsedYaml } from '../yaml/read-yaml.js';
import type { ChecklistFile } from './schema.js';

/** The second pass over a checklist that parsed: every id unique, every reference pointing at something. */
export function checkChecklist(checklist: ChecklistFile, file: string, parsed: Pick<ParsedYaml, 'locate'>): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string, code: string, severity: Problem['severity'] = 'error') => {
    const pos = parsed.locate(path);
    problems.push({ severity, code, message, file, path: path.map(String).join('.'), ...(pos ? { line: pos.line, column: pos.column } : {}) });
  };
  const versions = new Set(checklist.versions.map((v) => v.id));
  const sections = new Set(checklist.sections.map((s) => s.id));
  const gates = new Set(checklist.gates.map((g) => g.id));
  if (versions.size !== checklist.versions.length) at(['versions'], 'version ids must be unique', 'duplicate_version');
  if (sections.size !== checklist.sections.length) at(['sections'], 'section ids must be unique', 'duplicate_section');
  checklist.versions.forEach((v, i) => {
    if (!(v.validFrom <= v.validUntil && v.validUntil <= v.acceptedUntil)) {
      at(['versions', i], `version ${v.id}: expected validFrom <= validUntil <= acceptedUntil`, 'version_dates');
    }
  });
  checklist.gates.forEach((g, i) => {
    g.versions.forEach((v, j) => {
      if (!versions.has(v)) at(['gates', i, 'versions', j], `gate ${g.id} names unknown version ${v}`, 'unknown_version');
    });
  });
  const ids = new Set<string>();
  checklist.requirements.forEach((r, i) => {
    if (ids.has(r.id)) at(['requirements', i, 'id'], `requirement ${r.id} is defined twice`, 'duplicate_requirement');
    ids.add(r.id);
    if (!sections.has(r.section)) at(['requirements', i, 'section'], `${r.id}: unknown section "${r.section}"`, 'unknown_section');
    [...r.versions, ...r.unconfirmedIn].forEach((v) => {
      if (!versions.has(v)) at(['requirements', i, 'versions'], `${r.id}: unknown version "${v}"`, 'unknown_version');
    });
    r.unconfirmedIn.forEach((v) => {
      if (!r.versions.includes(v)) at(['requirements', i, 'unconfirmedIn'], `${r.id}: unconfirmedIn names ${v}, which is not among its versions`, 'unconfirmed_version');
    });
    r.subQuestions.forEach((q, j) => {
      if (!q.id.startsWith(`${r.id}.`)) at(['requirements', i, 'subQuestions', j, 'id'], `${r.id}: sub-question ${q.id} must start with "${r.id}."`, 'sub_question_id');
    });
    if (r.gate !== undefined && !gates.has(r.gate)) at(['requirements', i, 'gate'], `${r.id}: unknown gate question ${r.gate}`, 'unknown_gate');
    if (r.evidencedBy !== 'automated' && r.evidence.length === 0) {
      at(['requirements', i, 'evidence'], `${r.id} is evidenced ${r.evidencedBy}ly but names no evidence a reviewer expects`, 'no_evidence_spec');
    }
    const pieceIds = r.evidence.map((e) => e.id);
    if (new Set(pieceIds).size !== pieceIds.length) at(['requirements', i, 'evidence'], `${r.id}: evidence ids must be unique`, 'duplicate_evidence');
  });
  return problems;
}
